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

export type ConfigFormat = 'yaml' | 'json';
export const CONFIG_FORMATS: readonly ConfigFormat[] = ['yaml', 'json'];

/** `dockyard config`: the options of `docker compose config` that our loader supports. */
export interface ConfigArgs {
  readonly command: 'config';
  /** `-f/--file` values then positionals, in order (empty: compose's own file selection). */
  readonly files: string[];
  readonly projectDirectory?: string;
  readonly projectName?: string;
  /** `--profile` values (undefined: COMPOSE_PROFILES). */
  readonly profiles?: string[];
  readonly envFiles: string[];
  readonly format: ConfigFormat;
  /** Print only this list instead of the project. */
  readonly list?: 'services' | 'volumes';
  /** Print nothing; only validate (exit code and stderr). */
  readonly quiet: boolean;
  /** `-o/--output`: write here (atomically) instead of stdout. */
  readonly output?: string;
}

export type ParsedArgs =
  | LintArgs
  | RulesArgs
  | ConfigArgs
  | { readonly command: 'help'; readonly topic?: string }
  | { readonly command: 'version' }
  | { readonly command: 'error'; readonly message: string };

const COMMANDS = ['lint', 'rules', 'config', 'help'];

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

/** `dockyard config` follows `docker compose config`: `-f` is `--file` there. */
const CONFIG_LONG: Record<string, Spec> = {
  file: { takesValue: true, key: 'file' },
  'project-directory': { takesValue: true, key: 'projectDirectory' },
  'project-name': { takesValue: true, key: 'projectName' },
  profile: { takesValue: true, key: 'profile' },
  'env-file': { takesValue: true, key: 'envFile' },
  format: { takesValue: true, key: 'format' },
  services: { takesValue: false, key: 'services' },
  volumes: { takesValue: false, key: 'volumes' },
  quiet: { takesValue: false, key: 'quiet' },
  output: { takesValue: true, key: 'output' },
  help: { takesValue: false, key: 'help' },
  version: { takesValue: false, key: 'version' },
};
const CONFIG_SHORT: Record<string, string> = { f: 'file', p: 'project-name', q: 'quiet', o: 'output', h: 'help', v: 'version' };

interface Scanned {
  readonly positionals: string[];
  readonly values: Record<string, string[]>;
  readonly flags: Set<string>;
}

/** The first positional argument (the command), skipping the values of lint's options. */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return argv[i + 1];
    if (a === '-' || !a.startsWith('-')) return a;
    const name = a.startsWith('--') ? a.slice(2).split('=')[0] : SHORT[a.slice(1, 2)];
    const inline = a.startsWith('--') ? a.includes('=') : a.length > 2;
    if (name && LONG[name]?.takesValue && !inline) i++;
  }
  return undefined;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const isConfig = commandOf(argv) === 'config';
  const scanned = scan(argv, isConfig ? CONFIG_LONG : LONG, isConfig ? CONFIG_SHORT : SHORT);
  if ('message' in scanned) return { command: 'error', message: scanned.message };
  const { positionals, values, flags } = scanned;
  if (flags.has('version')) return { command: 'version' };
  const [cmd, ...rest] = positionals;
  if (flags.has('help') || cmd === 'help') return { command: 'help', topic: cmd === 'help' ? rest[0] : cmd };
  if (cmd === undefined) return { command: 'help' };
  if (!COMMANDS.includes(cmd)) return { command: 'error', message: `unknown command "${cmd}" (expected lint, rules or config)` };
  if (cmd === 'config') return configArgs(rest, values, flags);
  return lintOrRules(cmd, rest, values, flags);
}

function scan(argv: readonly string[], LONG: Record<string, Spec>, SHORT: Record<string, string>): Scanned | { message: string } {
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
      if (!long) return { message: `unknown option ${a}` };
      name = long;
      inline = a.length > 2 ? a.slice(2).replace(/^=/, '') : undefined;
    }
    const spec = LONG[name];
    if (!spec) return { message: `unknown option --${name}` };
    if (spec.takesValue) {
      let v = inline;
      if (v === undefined) {
        if (i + 1 >= argv.length) return { message: `option --${name} needs a value` };
        v = argv[++i];
      }
      (values[spec.key] ??= []).push(v);
    } else {
      if (inline !== undefined) return { message: `option --${name} takes no value` };
      flags.add(spec.key);
    }
  }
  return { positionals, values, flags };
}

function configArgs(rest: string[], values: Record<string, string[]>, flags: Set<string>): ParsedArgs {
  const last = (k: string): string | undefined => values[k]?.[values[k].length - 1];
  const format = last('format') ?? 'yaml';
  if (!(CONFIG_FORMATS as readonly string[]).includes(format)) {
    return { command: 'error', message: `config: --format must be one of ${CONFIG_FORMATS.join(', ')}, got "${format}"` };
  }
  for (const k of ['projectDirectory', 'projectName', 'output']) {
    if ((values[k]?.length ?? 0) > 1) return { command: 'error', message: `config: --${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} may be given once` };
    if (last(k) === '') return { command: 'error', message: `config: --${k.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} needs a value` };
  }
  if (flags.has('services') && flags.has('volumes')) return { command: 'error', message: 'config: --services and --volumes cannot be combined' };
  const files = [...(values.file ?? []), ...rest];
  if (files.some((f) => f === '')) return { command: 'error', message: 'config: --file needs a file' };
  if (files.includes('-')) return { command: 'error', message: 'config: reading a compose file from stdin (-f -) is not supported' };
  const profiles = values.profile ? values.profile.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean) : undefined;
  const envFiles = (values.envFile ?? []).flatMap((p) => p.split(',')).filter(Boolean);
  const projectDirectory = last('projectDirectory');
  const projectName = last('projectName');
  const output = last('output');
  return {
    command: 'config',
    files,
    ...(projectDirectory !== undefined ? { projectDirectory } : {}),
    ...(projectName !== undefined ? { projectName } : {}),
    ...(profiles ? { profiles } : {}),
    envFiles,
    format: format as ConfigFormat,
    ...(flags.has('services') ? { list: 'services' as const } : flags.has('volumes') ? { list: 'volumes' as const } : {}),
    quiet: flags.has('quiet'),
    ...(output !== undefined ? { output } : {}),
  };
}

function lintOrRules(cmd: string, rest: string[], values: Record<string, string[]>, flags: Set<string>): ParsedArgs {
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
  config [files...]    Print the Compose project as \`docker compose config\` does: files
                       merged, variables interpolated (the environment wins over .env),
                       extends and include resolved, profiles applied (YAML or JSON).

Options for lint:
  -f, --format <text|json|sarif>   Output format (default: text)
      --fix                        Apply each finding's preferred fix and write the files
      --fail-level <level>         Exit 1 when a finding at or above this level remains:
                                   error|warning|info|style|none (default: error)
  -c, --config <file>              Use this config file instead of the nearest .dockyard.yaml
  -r, --rule <CODE=severity>       Override a rule's severity (repeatable), e.g. --rule DF090=off
      --no-color                   No colors in text output (also: NO_COLOR=1)
  -q, --quiet                      Report only findings at or above the fail level; no summary

Options for config (like docker compose config; files may also be given as arguments):
  -f, --file <file>                Compose file (repeatable; default: COMPOSE_FILE, else
                                   compose.yaml / docker-compose.yml and its override file)
      --project-directory <dir>    Project directory (default: the first file's folder)
  -p, --project-name <name>        Project name (default: COMPOSE_PROJECT_NAME, name:, folder)
      --profile <name>             Enable a profile (repeatable; default: COMPOSE_PROFILES)
      --env-file <file>            Read variables from this file instead of .env (repeatable)
      --format <yaml|json>         Output format (default: yaml)
      --services                   Print the service names, one per line
      --volumes                    Print the volume names, one per line
  -q, --quiet                      Print nothing; only check the project (exit code)
  -o, --output <file>              Write to this file (atomically) instead of stdout

  -h, --help                       Show this help
  -v, --version                    Show the version

Exit codes: 0 no findings at the fail level, 1 findings at the fail level,
            2 usage error, or a file that could not be read or linted.
            config: 0 the project loaded, 1 it has errors (on stderr, file:line:col),
            2 usage error or the output file could not be written.
Docs: docs/cli.md
`;
