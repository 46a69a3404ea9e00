// Interleaved A/B of two builds of the Dockerfile linter on the same texts (the only speed measure
// that holds on a busy machine): the baseline made by scripts/ab-baseline.sh against this checkout's
// out/ (run `npm run build` first). Prints the median-file and 2,000-line ratios (new/old).
//   node scripts/ab-bench.mjs <baselineDir> [runs=9] [corpusDir]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const [baseDir, runsArg, corpusArg] = process.argv.slice(2);
if (!baseDir) {
  process.stderr.write('usage: node scripts/ab-bench.mjs <baselineDir> [runs=9] [corpusDir]\n');
  process.exit(2);
}
const runs = Number(runsArg ?? 9);
const dir = corpusArg ?? join(root, '..', 'shared', 'corpus', 'dockerfiles');
const genOut = join(root, 'out', 'ab-generate.cjs');
buildSync({ entryPoints: [join(root, 'test/bench/generate.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: genOut, logLevel: 'warning' });
const { generateDockerfile } = require(genOut);

const load = (r) => {
  const { lintDockerfile } = require(join(r, 'out/src/dockerfile/lint.js'));
  const { FsWorkspace, FileCache } = require(join(r, 'out/src/util/fsWorkspace.js'));
  const cache = new FileCache(1024);
  const ws = new Map();
  return (text, file) => {
    const d = dirname(file);
    let w = ws.get(d);
    if (!w) ws.set(d, (w = new FsWorkspace(d, { cache })));
    return lintDockerfile(text, { filePath: file, workspace: w });
  };
};
const oldLint = load(baseDir);
const newLint = load(root);
const texts = readdirSync(dir)
  .filter((f) => !/\.(md|tsv)$/.test(f))
  .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }))
  .filter((x) => x.text.length < 1e6);
const big = { file: '/tmp/ab-big/Dockerfile', text: generateDockerfile(2000) };
const time = (fn, t) => {
  const t0 = process.hrtime.bigint();
  fn(t.text, t.file);
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
for (let i = 0; i < 2; i++) for (const t of [...texts, big]) (oldLint(t.text, t.file), newLint(t.text, t.file));
const perOld = [];
const perNew = [];
let bigOld = 0;
let bigNew = 0;
for (const t of [...texts, big]) {
  const a = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2) (a.push(time(oldLint, t)), b.push(time(newLint, t)));
    else (b.push(time(newLint, t)), a.push(time(oldLint, t)));
  }
  if (t === big) [bigOld, bigNew] = [med(a), med(b)];
  else (perOld.push(med(a)), perNew.push(med(b)));
}
const sum = (xs) => xs.reduce((s, x) => s + x, 0);
console.log(
  `median file: old ${med(perOld).toFixed(3)} ms, new ${med(perNew).toFixed(3)} ms, ratio ${(med(perNew) / med(perOld)).toFixed(3)} | ` +
    `corpus total ratio ${(sum(perNew) / sum(perOld)).toFixed(3)} | 2,000 lines: old ${bigOld.toFixed(1)} ms, new ${bigNew.toFixed(1)} ms, ratio ${(bigNew / bigOld).toFixed(3)}`,
);
