/**
 * Where the CLI is installed: the package root (found by walking up from this
 * module to the `package.json` named `dockyard`), its version and the rule
 * docs (`docs/rules/<CODE>.md`). Works from the bundle (`dist/cli.js`) and
 * from the tsc output (`out/src/cli/*.js`). Never throws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

let cachedRoot: string | null | undefined;

export function packageRoot(from: string = __dirname): string | undefined {
  if (from === __dirname && cachedRoot !== undefined) return cachedRoot ?? undefined;
  let dir = path.resolve(from);
  let found: string | undefined;
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'dockyard') {
        found = dir;
        break;
      }
    } catch {
      /* keep walking */
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (from === __dirname) cachedRoot = found ?? null;
  return found;
}

export function packageVersion(): string {
  const root = packageRoot();
  if (!root) return '0.0.0';
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** The folder holding `<CODE>.md` rule docs, when it exists. */
export function rulesDocsDir(): string | undefined {
  const root = packageRoot();
  const dir = root ? path.join(root, 'docs', 'rules') : path.join(__dirname, '..', 'docs', 'rules');
  try {
    return fs.statSync(dir).isDirectory() ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The Markdown doc of a rule, or undefined when it is not readable. */
export function readRuleDoc(code: string, docsDir: string | undefined = rulesDocsDir()): string | undefined {
  if (!docsDir || !/^[A-Z]{2}\d{3}$/.test(code)) return undefined;
  try {
    return fs.readFileSync(path.join(docsDir, `${code}.md`), 'utf8');
  } catch {
    return undefined;
  }
}
