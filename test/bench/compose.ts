/**
 * The Compose part of `npm run bench`: per-file time over the compose corpus
 * and on a generated 200-service compose file, for
 *
 *   (a) parse + schema validation (CM000/CM001: `lintCompose` with no rule files),
 *   (b) the full `lintCompose` (every rule that exists, with a file-system workspace),
 *   (c) `loadProject` (interpolation, extends, merge, model; files read from memory).
 *
 * Per file: the median of N runs after warm-up passes. The first lint of the
 * process (which compiles or loads the schema validator) is timed apart.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lintCompose, MAX_COMPOSE_LINT_BYTES } from '../../src/compose/lint';
import { COMPOSE_RULES } from '../../src/compose/catalog';
import { loadProject } from '../../src/compose/project';
import { COMPOSE_YAML_OPTIONS } from '../../src/compose/schema';
import { schemaCompileMs } from '../../src/compose/schema/validator';
import { median, ms, now, percentile, readTexts, workspaceFactory } from './stats';


// ---------------------------------------------------------------------------
// the generated file

const IMAGES = ['nginx:1.27-alpine', 'postgres:16', 'redis:7.2-alpine', 'node:20-bookworm-slim', 'python:3.12-slim', 'rabbitmq:3.13-management', 'grafana/grafana:11.1.0'];

/**
 * A realistic, deterministic compose file with `services` services: an
 * `x-` anchor merged into every service, images or builds, ports, env lists
 * and maps with `${VAR:-default}` interpolation, volumes in both syntaxes,
 * depends_on with conditions, healthchecks, networks, labels, deploy limits,
 * and top-level volumes, networks, secrets and configs.
 */
export function generateCompose(services: number): string {
  const out: string[] = [];
  out.push('name: bench-project');
  out.push('');
  out.push('x-common: &common');
  out.push('  restart: unless-stopped');
  out.push('  logging:');
  out.push('    driver: json-file');
  out.push('    options:');
  out.push('      max-size: "10m"');
  out.push('      max-file: "3"');
  out.push('  environment: &common-env');
  out.push('    TZ: ${TZ:-UTC}');
  out.push('    LOG_LEVEL: ${LOG_LEVEL:-info}');
  out.push('');
  out.push('services:');
  for (let i = 0; i < services; i++) {
    const name = `svc-${String(i).padStart(3, '0')}`;
    out.push(`  ${name}:`);
    out.push('    <<: *common');
    if (i % 4 === 0) {
      out.push('    build:');
      out.push(`      context: ./services/${name}`);
      out.push('      dockerfile: Dockerfile');
      out.push('      args:');
      out.push(`        VERSION: "1.${i}.0"`);
    } else {
      out.push(`    image: ${IMAGES[i % IMAGES.length]}`);
    }
    out.push(`    container_name: bench-${name}`);
    out.push('    ports:');
    if (i % 3 === 0) {
      out.push('      - target: 8080');
      out.push(`        published: "${10000 + i}"`);
      out.push('        protocol: tcp');
    } else {
      out.push(`      - "${20000 + i}:80"`);
      out.push(`      - "127.0.0.1:${30000 + i}:443/tcp"`);
    }
    out.push('    environment:');
    if (i % 2 === 0) {
      out.push(`      - SERVICE_NAME=${name}`);
      out.push(`      - DATABASE_URL=postgres://app:\${DB_PASSWORD:-secret}@db-${i % 5}:5432/app`);
      out.push('      - FEATURE_FLAGS');
    } else {
      out.push(`      SERVICE_NAME: ${name}`);
      out.push(`      REDIS_URL: redis://cache:6379/${i % 16}`);
      out.push('      WORKERS: "4"');
    }
    out.push('    volumes:');
    out.push(`      - data-${i % 10}:/var/lib/${name}`);
    out.push(`      - ./config/${name}:/etc/${name}:ro`);
    if (i % 5 === 0) {
      out.push('      - type: tmpfs');
      out.push('        target: /tmp');
      out.push('        tmpfs:');
      out.push('          size: 64m');
    }
    if (i > 0) {
      out.push('    depends_on:');
      out.push(`      svc-${String(i - 1).padStart(3, '0')}:`);
      out.push('        condition: service_started');
      if (i > 1 && i % 3 === 0) {
        out.push(`      svc-${String(i - 2).padStart(3, '0')}:`);
        out.push('        condition: service_healthy');
        out.push('        restart: true');
      }
    }
    out.push('    healthcheck:');
    out.push(`      test: ["CMD-SHELL", "curl -fsS http://localhost:8080/health || exit 1"]`);
    out.push('      interval: 30s');
    out.push('      timeout: 5s');
    out.push('      retries: 3');
    out.push('      start_period: 10s');
    out.push('    networks:');
    out.push(`      - ${i % 2 ? 'backend' : 'frontend'}`);
    out.push('    labels:');
    out.push(`      com.example.service: "${name}"`);
    out.push(`      com.example.tier: "${i % 2 ? 'backend' : 'frontend'}"`);
    if (i % 7 === 0) {
      out.push('    deploy:');
      out.push('      resources:');
      out.push('        limits:');
      out.push("          cpus: '0.50'");
      out.push('          memory: 256M');
      out.push('    secrets:');
      out.push('      - db_password');
      out.push('    configs:');
      out.push('      - source: app_config');
      out.push('        target: /etc/app/config.yaml');
    }
    if (i % 6 === 0) out.push(`    command: ["./run", "--name", "${name}", "--port", "8080"]`);
    out.push('');
  }
  out.push('volumes:');
  for (let v = 0; v < 10; v++) out.push(`  data-${v}:`);
  out.push('');
  out.push('networks:');
  out.push('  frontend:');
  out.push('  backend:');
  out.push('    driver: bridge');
  out.push('');
  out.push('secrets:');
  out.push('  db_password:');
  out.push('    file: ./secrets/db_password.txt');
  out.push('');
  out.push('configs:');
  out.push('  app_config:');
  out.push('    file: ./config/app.yaml');
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------------------
// the run

export interface ComposeBenchOptions {
  /** The corpus folder (its `compose/` subfolder, or the MANIFEST's compose rows). */
  readonly corpusDir: string;
  readonly runs: number;
  readonly warmup: number;
  /** Services in the generated file (default 200). */
  readonly services?: number;
}

interface Stats {
  median: number;
  p99: number;
  max: number;
  total: number;
  files: number;
}

export interface ComposeBenchResult {
  machine: { nproc: number; cpu: string; node: string; load: number[] };
  corpus: { dir: string; files: number; timed: number; bytes: number; lines: number; unreadable: { file: string; error: string }[] };
  rules: number;
  /** The first lint of the process (schema validator compiled or loaded), ms. */
  firstLint: number;
  /** What the validator reports about its own one-time setup, ms (undefined: not reported). */
  schemaSetup?: number;
  yamlParse: Stats;
  schema: Stats;
  lint: Stats;
  load: Stats;
  big: { services: number; lines: number; bytes: number; runs: number; findings: number; loadDiagnostics: number; yamlParse: number; schema: number; lint: number; load: number };
  failures: { subject: string; file: string; error: string }[];
  internalErrors: { file: string; errors: string[] }[];
  slowest: { file: string; lines: number; lint: number; schema: number }[];
}

/** Compose files of the corpus: the MANIFEST's compose rows when there is one, else `*.y(a)ml` under `compose/`. */
export function listComposeFiles(corpusDir: string): string[] {
  const manifest = path.join(corpusDir, 'MANIFEST.tsv');
  if (fs.existsSync(manifest)) {
    return fs
      .readFileSync(manifest, 'utf8')
      .split('\n')
      .slice(1)
      .map((r) => r.split('\t'))
      .filter((c) => c[0] === 'compose' && c[1])
      .map((c) => path.join(corpusDir, c[1]));
  }
  const dir = fs.existsSync(path.join(corpusDir, 'compose')) ? path.join(corpusDir, 'compose') : corpusDir;
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml(\.example)?$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

function countLines(text: string): number {
  if (!text) return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

const slash = (p: string): string => p.split(path.sep).join('/');

export async function runComposeBench(opts: ComposeBenchOptions): Promise<ComposeBenchResult> {
  const machine = { nproc: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', node: process.version, load: os.loadavg().map((x) => Math.round(x * 10) / 10) };
  const files = listComposeFiles(opts.corpusDir);
  const { texts, unreadable } = readTexts(files, MAX_COMPOSE_LINT_BYTES);

  const workspaceFor = workspaceFactory();
  const internalErrors = new Map<string, string[]>();
  const noteErrors = (file: string, errors: string[]): void => {
    if (errors.length && !internalErrors.has(file)) internalErrors.set(file, errors);
  };

  // In-memory files for loadProject: the texts above, plus the generated file.
  const memory = new Map<string, string>();
  for (const { file, text } of texts) memory.set(slash(file), text);
  const readFile = (p: string): string | undefined => memory.get(p);

  type Sync = (text: string, file: string) => void;
  type Async = (text: string, file: string) => Promise<void>;
  const subjects: { name: string; run: Sync | Async; async?: boolean }[] = [
    { name: 'yaml parseAllDocuments', run: (text) => void parseAllDocuments(text, COMPOSE_YAML_OPTIONS) },
    { name: 'parse + schema', run: (text, file) => noteErrors(file, lintCompose(text, { filePath: file, rules: [] }).errors) },
    { name: 'lintCompose', run: (text, file) => noteErrors(file, lintCompose(text, { filePath: file, workspace: workspaceFor(file) }).errors) },
    {
      name: 'loadProject',
      async: true,
      run: async (_text, file) => {
        const p = await loadProject({ files: [slash(file)], workingDir: slash(path.dirname(file)), env: {}, readFile });
        if (p.diagnostics.some((d) => d.code === 'internal')) noteErrors(file, p.diagnostics.filter((d) => d.code === 'internal').map((d) => d.message));
      },
    },
  ];

  const failures: { subject: string; file: string; error: string }[] = [];
  const failed = new Set<string>();
  const time = async (i: number, text: string, file: string): Promise<number | undefined> => {
    const s = subjects[i];
    const key = `${s.name}\0${file}`;
    if (failed.has(key)) return undefined;
    const t0 = now();
    try {
      if (s.async) await (s.run as Async)(text, file);
      else (s.run as Sync)(text, file);
    } catch (e) {
      failed.add(key);
      failures.push({ subject: s.name, file, error: e instanceof Error ? e.message : String(e) });
      return undefined;
    }
    return ms(now() - t0);
  };

  // The first lint of the process pays for the schema validator's setup.
  const first = texts.find((t) => /services/.test(t.text)) ?? { file: 'compose.yaml', text: 'services:\n  web:\n    image: nginx\n' };
  const t0 = now();
  lintCompose(first.text, { filePath: first.file, rules: [] });
  const firstLint = ms(now() - t0);
  const schemaSetup = schemaCompileMs();

  for (let w = 0; w < opts.warmup; w++) for (const { file, text } of texts) for (let i = 0; i < subjects.length; i++) await time(i, text, file);

  const per: number[][] = subjects.map(() => []);
  const perFile: { file: string; lines: number; lint: number; schema: number }[] = [];
  let bytes = 0;
  let lines = 0;
  for (const { file, text } of texts) {
    const xs: number[][] = subjects.map(() => []);
    for (let r = 0; r < opts.runs; r++) {
      for (let k = 0; k < subjects.length; k++) {
        // Rotate the order so no subject always runs on the warmest cache.
        const i = (k + r) % subjects.length;
        const t = await time(i, text, file);
        if (t !== undefined) xs[i].push(t);
      }
    }
    xs.forEach((x, i) => x.length && per[i].push(median(x)));
    bytes += Buffer.byteLength(text);
    lines += countLines(text);
    perFile.push({ file, lines: countLines(text), lint: median(xs[2]), schema: median(xs[1]) });
  }

  // The generated file.
  const services = opts.services ?? 200;
  const big = generateCompose(services);
  const bigDir = slash(path.join(os.tmpdir(), 'dockyard-bench-compose'));
  const bigFile = `${bigDir}/compose.yaml`;
  memory.set(bigFile, big);
  const bigRuns = Math.max(21, opts.runs * 3);
  for (let w = 0; w < 5; w++) for (let i = 0; i < subjects.length; i++) await time(i, big, bigFile);
  const bigT: number[][] = subjects.map(() => []);
  for (let r = 0; r < bigRuns; r++) {
    for (let i = 0; i < subjects.length; i++) {
      const t = await time(i, big, bigFile);
      if (t !== undefined) bigT[i].push(t);
    }
  }
  const bigLint = lintCompose(big, { filePath: bigFile });
  const bigProject = await loadProject({ files: [bigFile], workingDir: bigDir, env: {}, readFile });

  const sum = (xs: number[]): number => xs.reduce((n, x) => n + x, 0);
  const stats = (xs: number[]): Stats => ({ median: median(xs), p99: percentile(xs, 99), max: Math.max(...xs), total: sum(xs), files: xs.length });
  return {
    machine,
    corpus: { dir: opts.corpusDir, files: files.length, timed: texts.length, bytes, lines, unreadable },
    rules: COMPOSE_RULES.length,
    firstLint,
    ...(schemaSetup !== undefined ? { schemaSetup } : {}),
    yamlParse: stats(per[0]),
    schema: stats(per[1]),
    lint: stats(per[2]),
    load: stats(per[3]),
    big: {
      services,
      lines: countLines(big),
      bytes: Buffer.byteLength(big),
      runs: bigRuns,
      findings: bigLint.findings.length,
      loadDiagnostics: bigProject.diagnostics.filter((d) => d.severity === 'error').length,
      yamlParse: median(bigT[0]),
      schema: median(bigT[1]),
      lint: median(bigT[2]),
      load: median(bigT[3]),
    },
    failures,
    internalErrors: [...internalErrors].map(([file, errors]) => ({ file, errors })),
    slowest: perFile.sort((a, b) => b.lint - a.lint).slice(0, 5),
  };
}

function f(n: number, digits = 3): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}

/** The Markdown section (also the `compose-bench` section of docs/benchmarks.md). */
export function composeMarkdown(r: ComposeBenchResult, forDocs = false): string {
  const out: string[] = [];
  const busy = r.machine.load[0] > r.machine.nproc;
  out.push(
    `Machine: ${r.machine.nproc} × ${r.machine.cpu}, Node ${r.machine.node}; load average when the Compose part started ${r.machine.load.join(' / ')}` +
      (busy ? ' (busy machine: absolute times are inflated).' : '.'),
  );
  out.push(
    `Compose corpus: ${r.corpus.timed} files (${(r.corpus.bytes / 1024).toFixed(0)} KB, ${r.corpus.lines} lines)` +
      (r.corpus.unreadable.length ? `, ${r.corpus.unreadable.length} unreadable` : '') +
      `; ${r.rules} Compose rules.`,
  );
  out.push('');
  out.push('| per file (ms) | `yaml` parse alone | parse + schema (CM000/CM001) | `lintCompose` (all rules + workspace) | `loadProject` |');
  out.push('|---|---:|---:|---:|---:|');
  for (const k of ['median', 'p99', 'max'] as const) out.push(`| ${k} | ${f(r.yamlParse[k])} | ${f(r.schema[k])} | ${f(r.lint[k])} | ${f(r.load[k])} |`);
  out.push(`| total, whole corpus | ${f(r.yamlParse.total, 1)} | ${f(r.schema.total, 1)} | ${f(r.lint.total, 1)} | ${f(r.load.total, 1)} |`);
  out.push(
    `| generated ${r.big.services}-service file (${r.big.lines} lines, ${(r.big.bytes / 1024).toFixed(0)} KB, median of ${r.big.runs}) | ${f(r.big.yamlParse)} | ${f(r.big.schema)} | ${f(r.big.lint)} | ${f(r.big.load)} |`,
  );
  out.push('');
  out.push(
    `First lint of the process (schema validator set up once): ${f(r.firstLint, 1)} ms` + (r.schemaSetup !== undefined ? ` (of which validator setup ${f(r.schemaSetup, 1)} ms)` : '') + '.',
  );
  out.push('');
  const ok = r.big.schema < 20;
  out.push('Target (issue 3: parse + validate):');
  out.push(`- ${ok ? '✅' : '❌'} the ${r.big.services}-service file parsed and validated against the schema under 20 ms: ${f(r.big.schema, 2)} ms.`);
  out.push(`- For scale: the full lint with every rule takes ${f(r.big.lint, 2)} ms (${r.big.findings} findings), \`loadProject\` ${f(r.big.load, 2)} ms.`);
  if (r.failures.length || r.internalErrors.length || r.corpus.unreadable.length) {
    out.push('');
    out.push(`Errors: ${r.failures.length} thrown (not timed), ${r.internalErrors.length} file(s) with internal errors, ${r.corpus.unreadable.length} unreadable.`);
    for (const x of r.failures.slice(0, 10)) out.push(`- ${x.subject} threw on ${path.basename(x.file)}: ${x.error}`);
    for (const x of r.internalErrors.slice(0, 10)) out.push(`- ${path.basename(x.file)}: ${x.errors.join('; ')}`);
    for (const x of r.corpus.unreadable.slice(0, 10)) out.push(`- unreadable ${path.basename(x.file)}: ${x.error}`);
  }
  if (!forDocs) {
    out.push('');
    out.push('Slowest compose files (lintCompose, ms): ' + r.slowest.map((t) => `${path.basename(t.file)} ${f(t.lint, 2)} (${t.lines} lines; parse + schema ${f(t.schema, 2)})`).join(', '));
  }
  return out.join('\n');
}
