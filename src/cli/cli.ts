/**
 * `dockyard` command line: `lint`, `rules` and `config`. `runMain(argv, io)` is
 * the whole program with its I/O injected (tests call it in-process); `main.ts`
 * wires it to the real process. `main` is the synchronous part (every command
 * but `config`, which loads the project asynchronously). Never throws: usage
 * and I/O errors are exit code 2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, RuleMeta } from '../dockerfile/types';
import { loadConfigFile } from '../config/configFile';
import { parseRuleOverride, type DockyardConfig, type KnownRule } from '../config/dockyardConfig';
import { FileCache } from '../util/fsWorkspace';
import { HELP_TEXT, parseArgs, type LintArgs, type RulesArgs } from './args';
import { runConfig } from './config';
import { discover } from './discover';
import { atOrAbove } from './format/common';
import { formatJson } from './format/json';
import { formatSarif, type SarifNotification } from './format/sarif';
import { formatText } from './format/text';
import { allRules, getLinter } from './linters';
import { packageVersion, readRuleDoc } from './packageInfo';
import { ConfigResolver, lintFile, type FileResult } from './run';

export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  /** Working directory paths are resolved against (default: process.cwd()). */
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (enables colors unless NO_COLOR or --no-color). */
  readonly isTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export function main(argv: readonly string[], io: CliIo): number {
  try {
    return run(argv, io);
  } catch (e) {
    // Last line of defence: a bug must not become a stack trace and exit code 1.
    io.stderr(`dockyard: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_ERROR;
  }
}

/** Every command, `config` included. Never rejects. */
export async function runMain(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'config') return await runConfig(args, io);
  } catch (e) {
    io.stderr(`dockyard: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_ERROR;
  }
  return main(argv, io);
}

function run(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'error':
      io.stderr(`dockyard: ${args.message}\nRun "dockyard --help" for usage.\n`);
      return EXIT_ERROR;
    case 'help':
      if (args.topic && !['lint', 'rules', 'config'].includes(args.topic)) {
        io.stderr(`dockyard: unknown command "${args.topic}"\n`);
        io.stderr(HELP_TEXT);
        return EXIT_ERROR;
      }
      io.stdout(HELP_TEXT);
      return EXIT_OK;
    case 'version':
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    case 'rules':
      return listRules(args, io);
    case 'lint':
      return lint(args, io);
    case 'config':
      io.stderr('dockyard: internal error: the config command runs through runMain\n');
      return EXIT_ERROR;
  }
}

function knownRules(): KnownRule[] {
  return allRules().map((r) => ({ code: r.code, name: r.name }));
}

function listRules(args: RulesArgs, io: CliIo): number {
  const rules = allRules();
  if (args.format === 'json') {
    io.stdout(
      JSON.stringify(
        rules.map((r) => ({
          code: r.code,
          name: r.name,
          title: r.title,
          severity: r.defaultSeverity,
          fix: r.fix,
          ...(r.anchors ? { anchors: r.anchors } : {}),
        })),
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  }
  if (args.format === 'sarif') {
    io.stdout(formatSarif([], { cwd: io.cwd ?? process.cwd(), toolVersion: packageVersion(), rules, ruleDoc: (c) => readRuleDoc(c) }));
    return EXIT_OK;
  }
  const rows = [['CODE', 'SEVERITY', 'FIX', 'NAME', 'TITLE'], ...rules.map((r) => [r.code, r.defaultSeverity, r.fix, r.name, r.title])];
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
  io.stdout(rows.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(w[i]) : cell)).join('  ')).join('\n') + '\n');
  io.stdout(`\n${rules.length} rules.\n`);
  return EXIT_OK;
}

function lint(args: LintArgs, io: CliIo): number {
  const cwd = path.resolve(io.cwd ?? process.cwd());
  const env = io.env ?? {};
  const color = args.color ?? (!!io.isTTY && env.NO_COLOR === undefined && env.TERM !== 'dumb');
  const known = knownRules();

  // --rule overrides
  const overrideRules: Record<string, RuleMeta['defaultSeverity']> = {};
  for (const spec of args.ruleOverrides) {
    const r = parseRuleOverride(spec, known);
    if ('error' in r) {
      io.stderr(`dockyard: ${r.error}\n`);
      return EXIT_ERROR;
    }
    overrideRules[r.key] = r.severity;
  }
  const overrides: DockyardConfig = Object.keys(overrideRules).length ? { rules: overrideRules } : {};

  // --config
  let explicit: ReturnType<typeof loadConfigFile> | undefined;
  if (args.configPath !== undefined) {
    explicit = loadConfigFile(path.resolve(cwd, args.configPath));
    if (!explicit.ok) {
      io.stderr(`dockyard: --config ${args.configPath}: ${explicit.error}\n`);
      return EXIT_ERROR;
    }
  }
  const resolver = new ConfigResolver(overrides, explicit);

  const found = discover(args.paths, { cwd, isExcluded: resolver.isExcluded });
  let ioError = found.problems.length > 0;
  for (const p of found.problems) io.stderr(`dockyard: ${p.path}: ${p.message}\n`);

  const cache = new FileCache();
  const results: FileResult[] = [];
  for (const file of found.files) {
    const linter = getLinter(file.kind);
    if (!linter) continue; // every kind has a linter; a kind without one (tests) is skipped
    results.push(lintFile(file, linter, { fix: args.fix, resolver, cache }));
  }

  // Config problems (once per config file).
  for (const n of resolver.notices) {
    if (n.error) io.stderr(`dockyard: config ${displayPath(n.path, cwd)}: ${n.error}\n`);
    for (const p of n.problems ?? []) io.stderr(`${displayPath(n.path, cwd)}:${p.line}:${p.column}: warning: ${p.message}\n`);
  }
  if (resolver.hadIoError) ioError = true;

  for (const r of results) {
    if (r.error) ioError = true;
    for (const e of r.internalErrors ?? []) io.stderr(`dockyard: ${r.file}: internal error: ${e}\n`);
  }

  const failing = (f: Finding): boolean => atOrAbove(f.severity, args.failLevel);
  const shown = args.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter(failing) })) : results;

  if (!found.files.length && !found.problems.length && !args.quiet) {
    io.stderr(`dockyard: no Dockerfiles or Compose files found in ${args.paths.join(', ')}\n`);
  }

  if (args.format === 'json') {
    const withProblems = [...found.problems.map((p) => ({ file: p.path, absPath: path.resolve(cwd, p.path), kind: 'dockerfile' as const, findings: [], error: p.message })), ...shown];
    io.stdout(formatJson(withProblems, { fix: args.fix }));
  } else if (args.format === 'sarif') {
    const exec: SarifNotification[] = [
      ...found.problems.map((p) => ({ level: 'error' as const, message: `${p.path}: ${p.message}` })),
      ...results.flatMap((r) => [
        ...(r.error ? [{ level: 'error' as const, message: `${r.file}: ${r.error}`, file: r.absPath }] : []),
        ...(r.internalErrors ?? []).map((e) => ({ level: 'warning' as const, message: `${r.file}: internal error: ${e}`, file: r.absPath })),
      ]),
    ];
    const conf: SarifNotification[] = resolver.notices.flatMap((n) => [
      ...(n.error ? [{ level: 'error' as const, message: n.error, file: n.path }] : []),
      ...(n.problems ?? []).map((p) => ({ level: 'warning' as const, message: p.message, file: n.path, line: p.line, column: p.column })),
    ]);
    io.stdout(
      formatSarif(shown, {
        cwd,
        toolVersion: packageVersion(),
        rules: allRules(),
        ruleDoc: (c) => readRuleDoc(c),
        exists: (p) => fs.existsSync(p),
        executionNotifications: exec,
        configurationNotifications: conf,
      }),
    );
  } else {
    io.stdout(formatText(shown, { color, quiet: args.quiet, fix: args.fix }));
  }

  if (ioError) return EXIT_ERROR;
  return results.some((r) => r.findings.some(failing)) ? EXIT_FINDINGS : EXIT_OK;
}

function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}
