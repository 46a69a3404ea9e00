// Prints every finding of every Dockerfile under a directory (every rule on, with a file-system
// build context): code, severity, range, message and each fix's edits. Two dumps taken before and
// after a change to the engine must be identical when the change is meant to be output-neutral
// (speed work). Run after `npm run build`:
//   node scripts/corpus-dump.mjs ../shared/corpus/dockerfiles > /tmp/before.txt
import { readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { lintDockerfile } = require(join(root, 'out/src/dockerfile/lint.js'));
const { ALL_RULES } = require(join(root, 'out/src/dockerfile/rules/index.js'));
const { FsWorkspace } = require(join(root, 'out/src/util/fsWorkspace.js'));

const dir = process.argv[2] ?? join(root, '..', 'shared', 'corpus', 'dockerfiles');
const severities = Object.fromEntries(ALL_RULES.map((r) => [r.code, 'warning']));
const r = (x) => `${x.start.line}:${x.start.character}-${x.end.line}:${x.end.character}`;
for (const name of readdirSync(dir).sort()) {
  if (name.endsWith('.md') || name.endsWith('.tsv')) continue;
  const file = join(dir, name);
  const res = lintDockerfile(readFileSync(file, 'utf8'), { filePath: file, workspace: new FsWorkspace(dir), config: { severities } });
  process.stdout.write(`== ${name} errors=${JSON.stringify(res.errors)}\n`);
  for (const f of res.findings) {
    process.stdout.write(`${f.code} ${f.severity} ${r(f.range)} ${JSON.stringify(f.message)}\n`);
    for (const fix of f.fixes) process.stdout.write(`  fix${fix.preferred ? '*' : ''} ${JSON.stringify(fix.title)} ${JSON.stringify(fix.edits.map((e) => [r(e.range), e.newText]))}${fix.files ? ' files=' + JSON.stringify(fix.files) : ''}\n`);
  }
}
