import ignore from '@balena/dockerignore';
import type { Copy } from 'dockerfile-ast';
import type { DockerfileRule, FileChange, RuleContext, WorkspaceAccess } from '../types';
import { LineIndex, type Range } from '../../util/text';

/** Joins a path under a directory with the directory's own separator. */
export function joinPath(dir: string, rel: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const base = dir.endsWith('/') || dir.endsWith('\\') ? dir.slice(0, -1) : dir;
  return `${base}${sep}${rel.split('/').join(sep)}`;
}

interface Entry {
  /** The line to add to .dockerignore. */
  readonly pattern: string;
  /** Context-relative paths that must all be excluded for the entry to count as present. */
  readonly probes: readonly string[];
  /** Shown in messages. */
  readonly label: string;
}

const entry = (pattern: string, probes: string[] = [pattern], label = pattern): Entry => ({ pattern, probes, label });

const ENV_FILES = ['.env', '.env.local', '.env.development.local', '.env.production.local', '.env.test.local'];
const PYTHON_MARKERS = ['requirements.txt', 'pyproject.toml', 'setup.py', 'setup.cfg', 'Pipfile', 'uv.lock', 'poetry.lock', 'manage.py'];

/** What a `COPY . .` of this context should not send, given the files that exist. */
function wantedEntries(ws: WorkspaceAccess): Entry[] {
  const has = (rel: string): boolean => {
    try {
      return ws.exists(joinPath(ws.contextDir, rel));
    } catch {
      return false;
    }
  };
  const out: Entry[] = [];
  if (has('.git')) out.push(entry('.git'));
  for (const f of ENV_FILES) if (has(f)) out.push(entry(f));
  if (has('package.json')) out.push(entry('node_modules'));
  if (PYTHON_MARKERS.some(has)) {
    out.push(entry('.venv'));
    if (has('venv')) out.push(entry('venv'));
    out.push(entry('**/__pycache__', ['__pycache__', 'app/__pycache__'], '__pycache__'));
  }
  if (has('Cargo.toml') || has('pom.xml')) out.push(entry('target'));
  if (has('build.gradle') || has('build.gradle.kts') || has('settings.gradle') || has('settings.gradle.kts')) {
    out.push(entry('.gradle'));
    out.push(entry('build'));
  }
  if (has('composer.json')) out.push(entry('vendor'));
  return out;
}

/** Context-relative sources that the Dockerfile copies from the context (so they must stay in it). */
function copiedSources(ctx: RuleContext): string[] {
  const out: string[] = [];
  for (const info of ctx.model.instructions) {
    if (info.keyword !== 'COPY' && info.keyword !== 'ADD') continue;
    const node = info.node as Copy;
    if (node.getFlags().some((f) => f.getName().toLowerCase() === 'from')) continue;
    const args = node.getArguments().map((a) => a.getValue());
    for (const src of args.slice(0, -1)) out.push(src.replace(/^\.\//, '').replace(/\/+$/, ''));
  }
  return out;
}

function isContextRoot(src: string): boolean {
  return src === '.' || src === './' || src === '*' || src === '/' || src === './*';
}

export const rule: DockerfileRule = {
  code: 'DF124',
  name: 'copy-all-without-dockerignore',
  title: '`COPY . .` with a .dockerignore that misses .git, .env or dependency folders',
  defaultSeverity: 'warning',
  fix: 'yes',
  needsWorkspace: true,
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws) return;
    // The first COPY/ADD of the whole context.
    let range: Range | undefined;
    let keyword = '';
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'COPY' && info.keyword !== 'ADD') continue;
      const node = info.node as Copy;
      if (node.getFlags().some((f) => f.getName().toLowerCase() === 'from')) continue;
      const args = node.getArguments();
      if (args.length < 2) continue;
      const src = args.slice(0, -1).find((a) => isContextRoot(a.getValue()));
      if (src) {
        range = src.getRange();
        keyword = info.keyword;
        break;
      }
    }
    if (!range) return;

    const wanted = wantedEntries(ws);
    if (!wanted.length) return;

    // BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile first, then <context>/.dockerignore.
    const specific = ctx.filePath ? `${ctx.filePath}.dockerignore` : undefined;
    let ignorePath = joinPath(ws.contextDir, '.dockerignore');
    let content: string | undefined;
    try {
      if (specific && ws.exists(specific)) {
        ignorePath = specific;
      }
      content = ws.readFile(ignorePath);
      if (content === undefined && ws.exists(ignorePath)) return; // there, but unreadable: do not guess
    } catch {
      return;
    }

    const lines = content === undefined ? [] : content.split(/\r?\n/).map((l) => l.trim());
    const patterns = lines.filter((l) => l && !l.startsWith('#'));
    let ig: ReturnType<typeof ignore>;
    try {
      ig = ignore().add(patterns);
    } catch {
      return;
    }
    const copied = copiedSources(ctx);
    const missing = wanted.filter((e) => {
      const last = e.pattern.replace(/^\*\*\//, '');
      // The Dockerfile copies it explicitly (COPY target/app.jar, COPY .env): it must stay in the context.
      const copiesIt = (src: string): boolean =>
        src === last || src.startsWith(last + '/') || (e.pattern.startsWith('**/') && src.split('/').includes(last));
      if (copied.some(copiesIt)) return false;
      // Deliberately re-included with `!…`: the team wants it.
      if (patterns.some((p) => p.startsWith('!') && e.probes.some((pr) => safeIgnores([p.slice(1)], pr)))) return false;
      return !e.probes.every((p) => safeIgnores(ig, p));
    });
    if (!missing.length) return;

    // `__pycache__` at the root only (a .gitignore habit) leaves the nested ones in: say so.
    const names = missing.map((e) => (e.probes.length > 1 && safeIgnores(ig, e.probes[0]) ? `${e.label} in subfolders` : e.label));
    const join = (xs: string[]): string => (xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
    const list = join(names);
    const added = join(missing.map((e) => e.pattern));
    const fileName = ignorePath.slice(Math.max(ignorePath.lastIndexOf('/'), ignorePath.lastIndexOf('\\')) + 1);
    let change: FileChange;
    let title: string;
    if (content === undefined) {
      change = { path: ignorePath, create: missing.map((e) => e.pattern).join('\n') + '\n' };
      title = `Create ${fileName} excluding ${added}`;
    } else {
      const idx = new LineIndex(content);
      const eol = content.includes('\r\n') ? '\r\n' : '\n';
      const end = idx.positionAt(content.length);
      const lead = content.length && !content.endsWith('\n') ? eol : '';
      change = { path: ignorePath, edits: [{ range: { start: end, end }, newText: lead + missing.map((e) => e.pattern).join(eol) + eol }] };
      title = `Add ${added} to ${fileName}`;
    }
    const message =
      content === undefined
        ? `${keyword} . copies ${list} into the image: there is no .dockerignore`
        : `${keyword} . copies ${list} into the image: ${fileName} does not exclude ${missing.length === 1 ? 'it' : 'them'}`;
    ctx.report({ range, message, fixes: [{ title, edits: [], files: [change], preferred: true }] });
  },
};

function safeIgnores(ig: ReturnType<typeof ignore> | string[], path: string): boolean {
  try {
    return (Array.isArray(ig) ? ignore().add(ig) : ig).ignores(path);
  } catch {
    return false;
  }
}
