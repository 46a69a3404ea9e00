/**
 * `npm run bench [-- <dir>] [--runs N] [--warmup N] [--json] [--per-rule] [--write-docs]`
 *
 * Times, in one run on the same texts, our full Dockerfile lint (all default
 * rules, with a file-system workspace so workspace-aware rules run) against
 * dockerfile-utils' `validate` (the validator both anchor extensions bundle).
 * Per file: the median of N runs after a warm-up. Reports the median and p99
 * per-file time, the total over the corpus, and a generated 2,000-line
 * Dockerfile. A file that fails is counted and reported, never fatal.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { Instruction as OurInstruction } from 'dockerfile-ast';
import { discover } from '../../src/cli/discover';
import { packageRoot } from '../../src/cli/packageInfo';
import { lintDockerfile, MAX_LINT_BYTES } from '../../src/dockerfile/lint';
import { ALL_RULES } from '../../src/dockerfile/rules';
import type { DockerfileRule } from '../../src/dockerfile/types';
import { composeMarkdown, runComposeBench } from './compose';
import { replaceSection } from './docsSection';
import { generateDockerfile } from './generate';
import { median, ms, now, percentile, readTexts, workspaceFactory } from './stats';

interface Options {
  dir: string;
  runs: number;
  warmup: number;
  json: boolean;
  perRule: boolean;
  writeDocs: boolean;
  /** Skip the Dockerfile part (only the Compose section runs). */
  composeOnly: boolean;
}

const USAGE = 'usage: npm run bench -- [dir] [--runs N] [--warmup N] [--json] [--per-rule] [--write-docs] [--compose-only]\n';

function parseOptions(argv: string[]): Options | string {
  const root = packageRoot() ?? process.cwd();
  const o: Options = { dir: path.join(root, '..', 'shared', 'corpus'), runs: 7, warmup: 2, json: false, perRule: false, writeDocs: false, composeOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') o.json = true;
    else if (a === '--per-rule') o.perRule = true;
    else if (a === '--write-docs') o.writeDocs = true;
    else if (a === '--compose-only') o.composeOnly = true;
    else if (a === '--runs' || a === '--warmup') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < (a === '--runs' ? 1 : 0)) return `${a} needs a number`;
      if (a === '--runs') o.runs = n;
      else o.warmup = n;
    } else if (a === '-h' || a === '--help') return '';
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else o.dir = path.resolve(a);
  }
  return o;
}

/** Dockerfiles under `dir`: the corpus MANIFEST.tsv when there is one (its names are flattened), else by name. */
function listDockerfiles(dir: string): string[] {
  const manifest = path.join(dir, 'MANIFEST.tsv');
  if (fs.existsSync(manifest)) {
    const rows = fs.readFileSync(manifest, 'utf8').split('\n').slice(1);
    return rows
      .map((r) => r.split('\t'))
      .filter((c) => c[0] === 'dockerfile' && c[1])
      .map((c) => path.join(dir, c[1]));
  }
  return discover([dir], { cwd: dir })
    .files.filter((f) => f.kind === 'dockerfile')
    .map((f) => f.absPath);
}

/**
 * dockerfile-utils and dockerfile-ast as shipped. Our linter patches
 * dockerfile-ast's prototypes (memoization, src/dockerfile/astPerf.ts) when it
 * loads; the baseline must not get that speed-up, so it runs on a fresh copy
 * of both modules, loaded after purging them from the require cache.
 */
function loadPristine(): {
  validate: (text: string) => unknown;
  parse: (text: string) => unknown;
  shared: boolean;
} {
  const req = createRequire(__filename);
  for (const k of Object.keys(req.cache)) {
    if (/[\\/]node_modules[\\/](dockerfile-ast|dockerfile-utils)[\\/]/.test(k)) delete req.cache[k];
  }
  const utils = req('dockerfile-utils') as { validate: (text: string) => unknown };
  const ast = req('dockerfile-ast') as { DockerfileParser: { parse: (t: string) => unknown }; Instruction: { prototype: object } };
  return { validate: (t) => utils.validate(t), parse: (t) => ast.DockerfileParser.parse(t), shared: ast.Instruction.prototype === OurInstruction.prototype };
}


interface Subject {
  name: string;
  run: (text: string, file: string) => void;
}

interface FileTiming {
  file: string;
  bytes: number;
  lines: number;
  ours?: number;
  theirs?: number;
  parse?: number;
}

async function main(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  if (typeof opts === 'string') {
    if (opts) process.stderr.write(`bench: ${opts}\n`);
    process.stderr.write(USAGE);
    return opts ? 2 : 0;
  }
  if (opts.composeOnly) {
    const compose = await runComposeBench({ corpusDir: opts.dir, runs: opts.runs, warmup: opts.warmup });
    if (opts.json) process.stdout.write(JSON.stringify({ compose }, null, 2) + '\n');
    else process.stdout.write('## Compose\n\n' + composeMarkdown(compose) + '\n');
    if (opts.writeDocs) {
      const doc = path.join(packageRoot() ?? process.cwd(), 'docs', 'benchmarks.md');
      const c = fs.existsSync(doc) ? replaceSection(doc, 'compose-bench', composeMarkdown(compose, true)) : 'missing-markers';
      process.stderr.write(c === 'replaced' ? `bench: updated the Compose section of ${doc}\n` : 'bench: docs/benchmarks.md has no <!-- compose-bench:begin/end --> markers; Compose figures not written\n');
    }
    return 0;
  }
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 10) / 10);
  let files: string[];
  try {
    if (!fs.statSync(opts.dir).isDirectory()) throw new Error('not a directory');
    files = listDockerfiles(opts.dir);
  } catch (e) {
    process.stderr.write(`bench: cannot read ${opts.dir}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }

  const workspaceFor = workspaceFactory();

  const internalErrors = new Map<string, string[]>();
  const ours: Subject = {
    name: 'dockyard lintDockerfile',
    run: (text, file) => {
      const r = lintDockerfile(text, { filePath: file, workspace: workspaceFor(file) });
      if (r.errors.length && !internalErrors.has(file)) internalErrors.set(file, r.errors);
    },
  };
  const pristine = loadPristine();
  if (pristine.shared) process.stderr.write('bench: warning: could not load a pristine dockerfile-ast; the baseline shares our patched copy\n');
  const theirs: Subject = { name: 'dockerfile-utils validate', run: (text) => void pristine.validate(text) };
  const parseOnly: Subject = { name: 'dockerfile-ast parse', run: (text) => void pristine.parse(text) };

  const { texts, unreadable } = readTexts(files, MAX_LINT_BYTES);

  const failures: { subject: string; file: string; error: string }[] = [];
  const failed = new Set<string>();
  const time = (s: Subject, text: string, file: string): number | undefined => {
    const key = `${s.name}\0${file}`;
    if (failed.has(key)) return undefined;
    const t0 = now();
    try {
      s.run(text, file);
    } catch (e) {
      failed.add(key);
      failures.push({ subject: s.name, file, error: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
    return ms(now() - t0);
  };

  // Warm-up: JIT, caches (the workspace LRU included, as in the editor after the first lint).
  for (let w = 0; w < opts.warmup; w++) for (const { file, text } of texts) for (const s of [ours, theirs, parseOnly]) time(s, text, file);

  const timings: FileTiming[] = [];
  for (const { file, text } of texts) {
    const a: number[] = [];
    const b: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      // Alternate the order so neither side always runs on a warmer cache.
      const order = i % 2 ? [theirs, ours, parseOnly] : [ours, theirs, parseOnly];
      for (const s of order) {
        const t = time(s, text, file);
        if (t === undefined) continue;
        (s === ours ? a : s === theirs ? b : p).push(t);
      }
    }
    timings.push({
      file,
      bytes: Buffer.byteLength(text),
      lines: countLines(text),
      ...(a.length ? { ours: median(a) } : {}),
      ...(b.length ? { theirs: median(b) } : {}),
      ...(p.length ? { parse: median(p) } : {}),
    });
  }

  // The generated 2,000-line Dockerfile.
  const big = generateDockerfile(2000);
  const bigFile = path.join(os.tmpdir(), 'dockyard-bench', 'Dockerfile');
  const bigRuns = Math.max(21, opts.runs * 3);
  for (let w = 0; w < 5; w++) for (const s of [ours, theirs, parseOnly]) time(s, big, bigFile);
  const bigT: Record<string, number[]> = { ours: [], theirs: [], parse: [] };
  for (let i = 0; i < bigRuns; i++) {
    const t1 = time(ours, big, bigFile);
    const t2 = time(theirs, big, bigFile);
    const t3 = time(parseOnly, big, bigFile);
    if (t1 !== undefined) bigT.ours.push(t1);
    if (t2 !== undefined) bigT.theirs.push(t2);
    if (t3 !== undefined) bigT.parse.push(t3);
  }
  const bigFindings = lintDockerfile(big, { filePath: bigFile }).findings.length;

  // Optional: which rules cost the most on the 2,000-line file.
  let perRule: { code: string; ms: number }[] | undefined;
  let perRuleBase: number | undefined;
  if (opts.perRule) {
    // The baseline builds what the model builds lazily (instructions, shell scripts), so a
    // rule's figure is its own cost, not the first rule's share of the model.
    const touch: DockerfileRule = {
      code: 'DF000',
      name: 'bench-touch-model',
      title: 'touch the model',
      defaultSeverity: 'warning',
      fix: 'no',
      check(ctx) {
        for (const info of ctx.model.instructions) info.scripts();
      },
    };
    const base = median(Array.from({ length: 9 }, () => timeFn(() => lintDockerfile(big, { rules: [touch], filePath: bigFile }))));
    perRuleBase = base;
    perRule = ALL_RULES.map((r) => {
      const config = { severities: { [r.code]: r.defaultSeverity === 'off' ? ('warning' as const) : r.defaultSeverity } };
      const t = median(Array.from({ length: 9 }, () => timeFn(() => lintDockerfile(big, { rules: [touch, r], config, filePath: bigFile }))));
      return { code: r.code, ms: Math.max(0, t - base) };
    }).sort((x, y) => y.ms - x.ms);
  }

  const oursT = timings.filter((t) => t.ours !== undefined).map((t) => t.ours!);
  const theirsT = timings.filter((t) => t.theirs !== undefined).map((t) => t.theirs!);
  const parseT = timings.filter((t) => t.parse !== undefined).map((t) => t.parse!);
  const sum = (xs: number[]): number => xs.reduce((n, x) => n + x, 0);
  const stats = (xs: number[]) => ({ median: median(xs), p99: percentile(xs, 99), max: Math.max(...xs), total: sum(xs), files: xs.length });
  const result = {
    machine: { nproc: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${os.platform()} ${os.arch()}`, load: loadAtStart },
    command: `npm run bench -- ${path.relative(packageRoot() ?? process.cwd(), opts.dir) || '.'}`,
    corpus: { dir: opts.dir, files: files.length, linted: texts.length, unreadable, bytes: sum(timings.map((t) => t.bytes)), lines: sum(timings.map((t) => t.lines)) },
    runs: opts.runs,
    warmup: opts.warmup,
    rules: ALL_RULES.length,
    ours: stats(oursT),
    theirs: stats(theirsT),
    parse: stats(parseT),
    big: { lines: countLines(big), bytes: Buffer.byteLength(big), findings: bigFindings, runs: bigRuns, ours: median(bigT.ours), theirs: median(bigT.theirs), parse: median(bigT.parse) },
    pristineBaseline: !pristine.shared,
    failures,
    internalErrors: [...internalErrors].map(([file, errors]) => ({ file, errors })),
    slowest: [...timings].filter((t) => t.ours !== undefined).sort((x, y) => y.ours! - x.ours!).slice(0, 5),
    perRule,
    perRuleBase,
  };

  const compose = await runComposeBench({ corpusDir: opts.dir, runs: opts.runs, warmup: opts.warmup });

  if (opts.json) process.stdout.write(JSON.stringify({ ...result, compose }, null, 2) + '\n');
  else process.stdout.write(markdown(result) + '\n\n## Compose\n\n' + composeMarkdown(compose) + '\n');

  if (opts.writeDocs) {
    const doc = path.join(packageRoot() ?? process.cwd(), 'docs', 'benchmarks.md');
    const r = fs.existsSync(doc) ? replaceSection(doc, 'bench', markdown(result, true)) : 'missing-markers';
    process.stderr.write(r === 'replaced' ? `bench: updated ${doc}\n` : 'bench: docs/benchmarks.md has no <!-- bench:begin/end --> markers; not updated\n');
    const c = fs.existsSync(doc) ? replaceSection(doc, 'compose-bench', composeMarkdown(compose, true)) : 'missing-markers';
    if (c !== 'replaced') process.stderr.write('bench: docs/benchmarks.md has no <!-- compose-bench:begin/end --> markers; Compose figures not written\n');
  }
  return 0;
}

function countLines(text: string): number {
  if (!text) return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

function timeFn(fn: () => void): number {
  const t0 = now();
  fn();
  return ms(now() - t0);
}

type Result = {
  machine: { nproc: number; cpu: string; node: string; platform: string; load: number[] };
  command: string;
  corpus: { dir: string; files: number; linted: number; unreadable: { file: string; error: string }[]; bytes: number; lines: number };
  runs: number;
  warmup: number;
  rules: number;
  ours: { median: number; p99: number; max: number; total: number; files: number };
  theirs: { median: number; p99: number; max: number; total: number; files: number };
  parse: { median: number; p99: number; max: number; total: number; files: number };
  big: { lines: number; bytes: number; findings: number; runs: number; ours: number; theirs: number; parse: number };
  pristineBaseline: boolean;
  failures: { subject: string; file: string; error: string }[];
  internalErrors: { file: string; errors: string[] }[];
  slowest: FileTiming[];
  perRule?: { code: string; ms: number }[];
  perRuleBase?: number;
};

function f(n: number, digits = 3): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}

function markdown(r: Result, forDocs = false): string {
  const out: string[] = [];
  const ratio = (a: number, b: number): string => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}×` : '–');
  out.push(
    `Machine: ${r.machine.nproc} × ${r.machine.cpu}, ${r.machine.platform}, Node ${r.machine.node}; ` +
      `load average at start ${r.machine.load.join(' / ')}${r.machine.load[0] > r.machine.nproc ? ' (busy machine: absolute times are inflated; the ratios, taken interleaved on the same texts, hold better)' : ''}.`,
  );
  out.push(`Command: \`${r.command}\` (${r.runs} timed runs per file after ${r.warmup} warm-up passes; ${r.rules} rules).`);
  out.push(
    `Corpus: ${r.corpus.linted} Dockerfiles (${(r.corpus.bytes / 1024).toFixed(0)} KB, ${r.corpus.lines} lines)` +
      (r.corpus.unreadable.length ? `, ${r.corpus.unreadable.length} unreadable` : '') +
      '.',
  );
  out.push('');
  out.push('| per file (ms) | dockyard (all default rules + workspace) | dockerfile-utils `validate` | ratio | dockerfile-ast parse alone |');
  out.push('|---|---:|---:|---:|---:|');
  out.push(`| median | ${f(r.ours.median)} | ${f(r.theirs.median)} | ${ratio(r.ours.median, r.theirs.median)} | ${f(r.parse.median)} |`);
  out.push(`| p99 | ${f(r.ours.p99)} | ${f(r.theirs.p99)} | ${ratio(r.ours.p99, r.theirs.p99)} | ${f(r.parse.p99)} |`);
  out.push(`| max | ${f(r.ours.max)} | ${f(r.theirs.max)} | ${ratio(r.ours.max, r.theirs.max)} | ${f(r.parse.max)} |`);
  out.push(`| total, whole corpus | ${f(r.ours.total, 1)} | ${f(r.theirs.total, 1)} | ${ratio(r.ours.total, r.theirs.total)} | ${f(r.parse.total, 1)} |`);
  out.push(
    `| generated ${r.big.lines}-line Dockerfile (${(r.big.bytes / 1024).toFixed(0)} KB, median of ${r.big.runs}) | ${f(r.big.ours)} | ${f(r.big.theirs)} | ${ratio(r.big.ours, r.big.theirs)} | ${f(r.big.parse)} |`,
  );
  out.push('');
  out.push(
    r.pristineBaseline
      ? 'dockerfile-utils and "parse alone" run on an unpatched copy of dockerfile-ast, as shipped (our linter memoizes some dockerfile-ast methods for itself).'
      : 'Warning: the baseline ran on our patched dockerfile-ast (memoized), so it is faster than dockerfile-utils as shipped.',
  );
  out.push('');
  const t1 = r.ours.median <= r.theirs.median;
  const t2 = r.big.ours < 10;
  out.push('Targets:');
  out.push(
    `- ${t1 ? '✅' : '❌'} no slower per file than dockerfile-utils alone: median ${f(r.ours.median)} ms vs ${f(r.theirs.median)} ms ` +
      `(${ratio(r.ours.median, r.theirs.median)}; p99 ${ratio(r.ours.p99, r.theirs.p99)}).`,
  );
  out.push(`- ${t2 ? '✅' : '❌'} the 2,000-line file under 10 ms: ${f(r.big.ours, 2)} ms (${r.big.findings} findings).`);
  if (r.failures.length || r.internalErrors.length || r.corpus.unreadable.length) {
    out.push('');
    out.push(`Errors: ${r.failures.length} thrown (not timed), ${r.internalErrors.length} file(s) with rule failures, ${r.corpus.unreadable.length} unreadable.`);
    for (const x of r.failures.slice(0, 10)) out.push(`- ${x.subject} threw on ${path.basename(x.file)}: ${x.error}`);
    for (const x of r.internalErrors.slice(0, 10)) out.push(`- ${path.basename(x.file)}: ${x.errors.join('; ')}`);
    for (const x of r.corpus.unreadable.slice(0, 10)) out.push(`- unreadable ${path.basename(x.file)}: ${x.error}`);
  }
  if (!forDocs) {
    out.push('');
    out.push('Slowest files (ours, ms): ' + r.slowest.map((t) => `${path.basename(t.file)} ${f(t.ours!, 2)} (${t.lines} lines; dockerfile-utils ${f(t.theirs ?? NaN, 2)})`).join(', '));
  }
  if (r.perRule && !forDocs) {
    out.push('');
    out.push(`Rough per-rule cost on the 2,000-line file (ms over parse + model ${f(r.perRuleBase ?? NaN, 1)} ms; noisy): ` + r.perRule.slice(0, 12).map((x) => `${x.code} ${x.ms.toFixed(2)}`).join(', '));
  }
  return out.join('\n');
}

void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
