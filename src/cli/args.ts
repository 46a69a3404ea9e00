/**
 * Command-line parsing for `dockyard`. Pure; returns an error message instead
 * of throwing.
 */
import type { Severity } from '../dockerfile/types';

export type OutputFormat = 'text' | 'json' | 'sarif';
export type FailLevel = Severity | 'none';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
export const FAIL_LEVELS: readonly FailLevel[] = ['error', 'warning', 'info', 'style', 'none'];

export interface LintArgs {
  readonly command: 'lint';
  readonly paths: string[];
  readonly format: OutputFormat;
  readonly fix: boolean;
  readonly failLevel: FailLevel;
  readonly configPath?: string;
  /** `--rule` values as written (`DF090=off`), validated later against the registered rules. */
  readonly ruleOverrides: string[];
  /** undefined = auto (TTY and no NO_COLOR). */
  readonly color?: boolean;
  readonly quiet: boolean;
}

export interface RulesArgs {
  readonly command: 'rules';
  readonly format: OutputFormat;
}

export type ParsedArgs =
  | LintArgs
  | RulesArgs
  | { readonly command: 'help'; readonly topic?: string }
  | { readonly command: 'version' }
  | { readonly command: 'error'; readonly message: string };

const COMMANDS = ['lint', 'rules', 'help'];

interface Spec {
  readonly takesValue: boolean;
  readonly key: string;
}

const LONG: Record<string, Spec> = {
  format: { takesValue: true, key: 'format' },
  fix: { takesValue: false, key: 'fix' },
  'fail-level': { takesValue: true, key: 'failLevel' },
  config: { takesValue: true, key: 'config' },
  rule: { takesValue: true, key: 'rule' },
  color: { takesValue: false, key: 'color' },
  'no-color': { takesValue: false, key: 'noColor' },
  quiet: { takesValue: false, key: 'quiet' },
  help: { takesValue: false, key: 'help' },
  version: { takesValue: false, key: 'version' },
};
const SHORT: Record<string, string> = { f: 'format', c: 'config', r: 'rule', q: 'quiet', h: 'help', v: 'version' };

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const values: Record<string, string[]> = {};
  const flags = new Set<string>();
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (onlyPositionals || a === '-' || !a.startsWith('-')) {
      positionals.push(a);
      continue;
    }
    if (a === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      inline = eq >= 0 ? a.slice(eq + 1) : undefined;
    } else {
      const short = a.slice(1, 2);
      const long = SHORT[short];
      if (!long) return { command: 'error', message: `unknown option ${a}` };
      name = long;
      inline = a.length > 2 ? a.slice(2).replace(/^=/, '') : undefined;
    }
    const spec = LONG[name];
    if (!spec) return { command: 'error', message: `unknown option --${name}` };
    if (spec.takesValue) {
      let v = inline;
      if (v === undefined) {
        if (i + 1 >= argv.length) return { command: 'error', message: `option --${name} needs a value` };
        v = argv[++i];
      }
      (values[spec.key] ??= []).push(v);
    } else {
      if (inline !== undefined) return { command: 'error', message: `option --${name} takes no value` };
      flags.add(spec.key);
    }
  }

  if (flags.has('version')) return { command: 'version' };
  const [cmd, ...rest] = positionals;
  if (flags.has('help') || cmd === 'help') return { command: 'help', topic: cmd === 'help' ? rest[0] : cmd };
  if (cmd === undefined) return { command: 'help' };
  if (!COMMANDS.includes(cmd)) return { command: 'error', message: `unknown command "${cmd}" (expected lint or rules)` };

  const last = (k: string): string | undefined => values[k]?.[values[k].length - 1];
  const format = last('format') ?? 'text';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    return { command: 'error', message: `--format must be one of ${OUTPUT_FORMATS.join(', ')}, got "${format}"` };
  }

  if (cmd === 'rules') {
    if (rest.length) return { command: 'error', message: `rules takes no arguments, got "${rest[0]}"` };
    for (const k of ['fix', 'quiet', 'noColor', 'color']) if (flags.has(k)) return { command: 'error', message: `rules does not take --${k === 'noColor' ? 'no-color' : k}` };
    if (values.failLevel || values.config || values.rule) return { command: 'error', message: 'rules takes only --format' };
    return { command: 'rules', format: format as OutputFormat };
  }

  const failLevel = last('failLevel') ?? 'error';
  if (!(FAIL_LEVELS as readonly string[]).includes(failLevel)) {
    return { command: 'error', message: `--fail-level must be one of ${FAIL_LEVELS.join(', ')}, got "${failLevel}"` };
  }
  if ((values.config?.length ?? 0) > 1) return { command: 'error', message: '--config may be given once' };
  const configPath = last('config');
  if (configPath === '') return { command: 'error', message: '--config needs a file' };
  const ruleOverrides = (values.rule ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
  if (values.rule && !ruleOverrides.length) return { command: 'error', message: '--rule needs CODE=SEVERITY' };
  const color = flags.has('noColor') ? false : flags.has('color') ? true : undefined;
  return {
    command: 'lint',
    paths: rest.length ? rest : ['.'],
    format: format as OutputFormat,
    fix: flags.has('fix'),
    failLevel: failLevel as FailLevel,
    ...(configPath !== undefined ? { configPath } : {}),
    ruleOverrides,
    ...(color !== undefined ? { color } : {}),
    quiet: flags.has('quiet'),
  };
}

export const HELP_TEXT = `Usage: dockyard <command> [options]

Commands:
  lint [paths...]      Lint Dockerfiles and Compose files (default path: .).
                       Directories are searched for Dockerfile, Dockerfile.*,
                       *.Dockerfile, *.dockerfile, Containerfile, Containerfile.*,
                       *.containerfile, compose*.y(a)ml and docker-compose*.y(a)ml
                       (node_modules and .git are skipped); files named here are
                       linted whatever their name (*.yml/*.yaml as Compose files).
  rules                List the rules: code, default severity, fix, title.

Options for lint:
  -f, --format <text|json|sarif>   Output format (default: text)
      --fix                        Apply each finding's preferred fix and write the files
      --fail-level <level>         Exit 1 when a finding at or above this level remains:
                                   error|warning|info|style|none (default: error)
  -c, --config <file>              Use this config file instead of the nearest .dockyard.yaml
  -r, --rule <CODE=severity>       Override a rule's severity (repeatable), e.g. --rule DF090=off
      --no-color                   No colors in text output (also: NO_COLOR=1)
  -q, --quiet                      Report only findings at or above the fail level; no summary

  -h, --help                       Show this help
  -v, --version                    Show the version

Exit codes: 0 no findings at the fail level, 1 findings at the fail level,
            2 usage error, or a file that could not be read or linted.
Docs: docs/cli.md
`;
