/**
 * The repository config file `.dockyard.yaml` (or `.dockyard.yml`), shared by
 * the CLI and the extension. Pure: no `vscode`, no file system (reading and
 * finding the file is in `configFile.ts`). Parsing never throws: anything
 * wrong in the file is a `ConfigProblem` with a 1-based position, and the
 * rest of the file still applies.
 *
 *   rules:                 # severity per rule: error|warning|info|style|off
 *     DF090: off           # key = code (DF090) or rule name (apt-get-no-install-recommends)
 *   dockerfile:
 *     allowedRegistries: [docker.io, ghcr.io]
 *     requiredLabels: [org.opencontainers.image.source]
 *     labelSchema: { org.opencontainers.image.created: rfc3339 }
 *   compose:
 *     allUnboundPorts: true  # CM023: report every published port without a host IP
 *   exclude: ["vendor/**"] # CLI discovery excludes (.gitignore syntax, relative to the config file)
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { DockerfileLintConfig } from '../dockerfile/lint';
import { COMPOSE_RULES } from '../compose/catalog';
import { ALL_RULES as DOCKERFILE_RULES } from '../dockerfile/rules';
import type { DockerfileRuleOptions, SeveritySetting } from '../dockerfile/types';
import { closest } from '../util/text';

/** File names looked for, in order of preference. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.dockyard.yaml', '.dockyard.yml'];

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'style', 'off'];

/** Formats DF113 knows for `dockerfile.labelSchema` values. */
export const LABEL_FORMATS: readonly string[] = ['url', 'rfc3339', 'spdx', 'hash', 'semver', 'email', 'text'];

export interface DockerfileConfigSection {
  /** DF063: registries allowed in FROM. */
  readonly allowedRegistries?: readonly string[];
  /** DF112: labels required on the final stage. */
  readonly requiredLabels?: readonly string[];
  /** DF113: label name -> expected format. */
  readonly labelSchema?: Readonly<Record<string, string>>;
  /** DF033: `consistent` (the file's majority casing, as BuildKit) or `uppercase`. */
  readonly instructionCasing?: 'consistent' | 'uppercase';
  /** DF112: labels other than `requiredLabels`/`labelSchema` are reported too (hadolint DL3050). */
  readonly strictLabels?: boolean;
  /** DF112: inline `# hadolint ignore=` / `# dockyard-ignore=` comments are reported (hadolint DL1001). */
  readonly forbidInlineIgnores?: boolean;
}

export interface ComposeConfigSection {
  /** CM023: report every published port without a host IP, not only databases, caches and admin UIs. */
  readonly allUnboundPorts?: boolean;
}

type MutableDockerfileSection = {
  allowedRegistries?: string[];
  requiredLabels?: string[];
  labelSchema?: Record<string, string>;
  instructionCasing?: 'consistent' | 'uppercase';
  strictLabels?: boolean;
  forbidInlineIgnores?: boolean;
};

export interface DockyardConfig {
  /** Severity per rule. Keys are codes (`DF090`) where the rule is known, else as written. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  readonly dockerfile?: DockerfileConfigSection;
  readonly compose?: ComposeConfigSection;
  /** CLI discovery excludes, .gitignore syntax, relative to `baseDir`. */
  readonly exclude?: readonly string[];
  /** Absolute directory of the config file (what `exclude` is relative to). */
  readonly baseDir?: string;
  /** The file the config was read from, when any. */
  readonly path?: string;
}

export interface ConfigProblem {
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface ParsedConfig {
  readonly config: DockyardConfig;
  readonly problems: ConfigProblem[];
}

/** A rule the config may name: its code and its kebab-case name. */
export interface KnownRule {
  readonly code: string;
  readonly name: string;
}

export interface ParseConfigOptions {
  /** Rules the `rules:` keys are checked against (default: every Dockerfile and Compose rule). */
  readonly knownRules?: readonly KnownRule[];
  /** Keys accepted without being known (default: none). */
  readonly acceptRuleKey?: (key: string) => boolean;
}

/** Every rule a config may name by default: the Dockerfile rules, then the Compose rules. */
const ALL_RULES: readonly KnownRule[] = [...DOCKERFILE_RULES, ...COMPOSE_RULES];

const TOP_KEYS = ['rules', 'dockerfile', 'compose', 'exclude'];
const COMPOSE_KEYS = ['allUnboundPorts'];
const DOCKERFILE_KEYS = ['allowedRegistries', 'requiredLabels', 'labelSchema', 'instructionCasing', 'strictLabels', 'forbidInlineIgnores'];
const CODE_RE = /^[A-Za-z]{2}\d{3}$/;
const defaultAccept = (_key: string): boolean => false;

/** The directory part of a path (either separator), without a trailing separator. */
function dirnameOf(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return '.';
  if (i === 0) return path[0];
  // `C:\x` -> `C:\`
  if (i === 2 && path[1] === ':') return path.slice(0, 3);
  return path.slice(0, i);
}

/** The code of a rule named by code (any case) or name; the key itself when unknown. */
export function normalizeRuleKey(key: string, known: readonly KnownRule[] = ALL_RULES): string {
  const k = key.trim();
  if (CODE_RE.test(k)) return k.toUpperCase();
  const byName = known.find((r) => r.name === k);
  return byName ? byName.code : k;
}

function isKnownKey(key: string, known: readonly KnownRule[]): boolean {
  return known.some((r) => r.code === key || r.name === key);
}

/** Parses the text of a `.dockyard.yaml`. `path` is the file's absolute path (it sets `baseDir`). */
export function parseDockyardConfig(text: string, path: string, opts: ParseConfigOptions = {}): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const known = opts.knownRules ?? ALL_RULES;
  const accept = opts.acceptRuleKey ?? defaultAccept;
  const base: { path: string; baseDir: string } = { path, baseDir: dirnameOf(path) };
  const lc = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
      lineCounter: lc,
      prettyErrors: true,
      uniqueKeys: true,
    });
  } catch (e) {
    // yaml reports problems in doc.errors; this is only a safety net.
    problems.push({ message: `could not parse the file: ${e instanceof Error ? e.message : String(e)}`, line: 1, column: 1 });
    return { config: base, problems };
  }
  const at = (node: unknown, message: string): void => {
    const r = (node as { range?: [number, number, number] } | undefined)?.range;
    const pos = r ? lc.linePos(r[0]) : { line: 1, col: 1 };
    problems.push({ message, line: pos.line, column: pos.col });
  };
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    problems.push({ message: `YAML: ${firstLine(e.message)}`, line: pos.line, column: pos.col });
  }
  for (const w of doc.warnings) {
    const pos = w.linePos?.[0] ?? { line: 1, col: 1 };
    problems.push({ message: `YAML: ${firstLine(w.message)}`, line: pos.line, column: pos.col });
  }

  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) {
    return { config: base, problems: sortProblems(problems) };
  }
  if (!isMap(root)) {
    at(root, 'expected a mapping with keys rules, dockerfile, compose, exclude');
    return { config: base, problems: sortProblems(problems) };
  }

  let rules: Record<string, SeveritySetting> | undefined;
  let dockerfile: MutableDockerfileSection | undefined;
  let compose: { allUnboundPorts?: boolean } | undefined;
  let exclude: string[] | undefined;

  for (const pair of root.items) {
    const key = keyOf(pair);
    if (key === undefined) {
      at(pair.key, 'keys must be plain strings');
      continue;
    }
    const value = pair.value as YamlNode | null;
    if (key === 'rules') {
      rules = parseRules(value, pair, known, accept, at);
    } else if (key === 'dockerfile') {
      dockerfile = parseDockerfileSection(value, pair, at);
    } else if (key === 'compose') {
      compose = parseComposeSection(value, pair, at);
    } else if (key === 'exclude') {
      exclude = parseStringList(value, pair, 'exclude', at);
      if (exclude) {
        exclude = exclude.filter((p) => {
          if (!p.trim()) return false;
          if (/^(\.\.\/|\.\.\\)/.test(p) || p === '..') {
            at(value ?? pair.key, `exclude pattern "${p}" points outside the config file's folder; it is ignored`);
            return false;
          }
          return true;
        });
      }
    } else {
      at(pair.key, unknownKeyMessage(key, TOP_KEYS, 'top-level key'));
    }
  }

  const config: DockyardConfig = {
    ...base,
    ...(rules ? { rules } : {}),
    ...(dockerfile ? { dockerfile } : {}),
    ...(compose ? { compose } : {}),
    ...(exclude ? { exclude } : {}),
  };
  return { config, problems: sortProblems(problems) };
}

function parseComposeSection(value: YamlNode | null, pair: Pair, at: At): { allUnboundPorts?: boolean } | undefined {
  if (isNull(value)) return undefined;
  if (!isMap(value)) {
    at(value ?? pair.key, `compose must be a mapping with keys ${COMPOSE_KEYS.join(', ')}`);
    return undefined;
  }
  const out: { allUnboundPorts?: boolean } = {};
  for (const p of value.items) {
    const key = keyOf(p);
    const v = p.value as YamlNode | null;
    if (key === 'allUnboundPorts') {
      if (isScalar(v) && typeof v.value === 'boolean') out.allUnboundPorts = v.value;
      else at(v ?? p.key, 'compose.allUnboundPorts must be true or false');
    } else {
      at(p.key, unknownKeyMessage(key ?? String(p.key), COMPOSE_KEYS, 'key in compose'));
    }
  }
  return out;
}

type At = (node: unknown, message: string) => void;

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

function sortProblems(p: ConfigProblem[]): ConfigProblem[] {
  return p.sort((a, b) => a.line - b.line || a.column - b.column);
}

function keyOf(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return undefined;
}

function unknownKeyMessage(key: string, allowed: readonly string[], what: string): string {
  const guess = closest(key, allowed);
  return `unknown ${what} "${key}"${guess ? `: did you mean ${guess}?` : ` (expected ${allowed.join(', ')})`}`;
}

function isNull(v: unknown): boolean {
  return v === null || v === undefined || (isScalar(v) && v.value === null);
}

function parseRules(
  value: YamlNode | null,
  pair: Pair,
  known: readonly KnownRule[],
  accept: (key: string) => boolean,
  at: At,
): Record<string, SeveritySetting> | undefined {
  if (isNull(value)) return undefined;
  if (!isMap(value)) {
    at(value ?? pair.key, 'rules must be a mapping of rule code or name to severity (error, warning, info, style, off)');
    return undefined;
  }
  const out: Record<string, SeveritySetting> = {};
  for (const p of value.items) {
    const raw = keyOf(p);
    if (raw === undefined) {
      at(p.key, 'rule keys must be a rule code (DF090) or name');
      continue;
    }
    const key = normalizeRuleKey(raw, known);
    if (!isKnownKey(key, known) && !accept(key)) {
      const guess = closest(raw, known.flatMap((r) => [r.code, r.name]));
      at(p.key, `unknown rule "${raw}"${guess ? `: did you mean ${guess}?` : ''}`);
      // Keep it: the rule may land in a newer version; the linter ignores unknown keys.
    }
    const sev = severityOf(p.value);
    if (sev === undefined) {
      const v = p.value;
      const shown = isScalar(v) ? String(v.value) : isNull(v) ? '(empty)' : 'a collection';
      const guess = isScalar(v) && typeof v.value === 'string' ? guessSeverity(v.value) : undefined;
      at(
        isNull(v) ? p.key : v,
        `bad severity ${shown} for ${raw}: expected error, warning, info, style or off${guess ? ` (did you mean ${guess}?)` : ''}`,
      );
      continue;
    }
    out[key] = sev;
  }
  return out;
}

function guessSeverity(v: string): string | undefined {
  const s = v.trim().toLowerCase();
  if (!s) return undefined;
  return SEVERITY_SETTINGS.find((x) => x.startsWith(s)) ?? closest(s, SEVERITY_SETTINGS);
}

function severityOf(v: unknown): SeveritySetting | undefined {
  if (!isScalar(v) || typeof v.value !== 'string') return undefined;
  const s = v.value.trim().toLowerCase();
  return (SEVERITY_SETTINGS as readonly string[]).includes(s) ? (s as SeveritySetting) : undefined;
}

function parseStringList(value: YamlNode | null, pair: Pair, what: string, at: At): string[] | undefined {
  if (isNull(value)) return undefined;
  if (isScalar(value) && typeof value.value === 'string') return [value.value];
  if (!isSeq(value)) {
    at(value ?? pair.key, `${what} must be a list of strings`);
    return undefined;
  }
  const out: string[] = [];
  for (const item of value.items) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push(String(item.value));
    else at(item, `${what}: every entry must be a string`);
  }
  return out;
}

function parseDockerfileSection(
  value: YamlNode | null,
  pair: Pair,
  at: At,
): MutableDockerfileSection | undefined {
  if (isNull(value)) return undefined;
  if (!isMap(value)) {
    at(value ?? pair.key, 'dockerfile must be a mapping with keys allowedRegistries, requiredLabels, labelSchema, instructionCasing, strictLabels, forbidInlineIgnores');
    return undefined;
  }
  const out: MutableDockerfileSection = {};
  for (const p of value.items) {
    const key = keyOf(p);
    const v = p.value as YamlNode | null;
    if (key === 'allowedRegistries') {
      const l = parseStringList(v, p, 'dockerfile.allowedRegistries', at);
      if (l) out.allowedRegistries = l;
    } else if (key === 'instructionCasing') {
      const c = isScalar(v) ? String(v.value) : '';
      if (c === 'consistent' || c === 'uppercase') out.instructionCasing = c;
      else at(v ?? p.key, 'dockerfile.instructionCasing must be consistent or uppercase');
    } else if (key === 'strictLabels' || key === 'forbidInlineIgnores') {
      if (isScalar(v) && typeof v.value === 'boolean') out[key] = v.value;
      else at(v ?? p.key, `dockerfile.${key} must be true or false`);
    } else if (key === 'requiredLabels') {
      const l = parseStringList(v, p, 'dockerfile.requiredLabels', at);
      if (l) out.requiredLabels = l;
    } else if (key === 'labelSchema') {
      if (isNull(v)) continue;
      if (!isMap(v)) {
        at(v ?? p.key, 'dockerfile.labelSchema must be a mapping of label name to format');
        continue;
      }
      const schema: Record<string, string> = {};
      for (const q of v.items) {
        const name = keyOf(q);
        if (name === undefined) {
          at(q.key, 'dockerfile.labelSchema: label names must be strings');
          continue;
        }
        const fmt = isScalar(q.value) && typeof q.value.value === 'string' ? q.value.value.trim().toLowerCase() : undefined;
        if (!fmt || !LABEL_FORMATS.includes(fmt)) {
          const shown = isScalar(q.value) ? String(q.value.value) : '(not a string)';
          const guess = fmt ? closest(fmt, LABEL_FORMATS) : undefined;
          at(
            isScalar(q.value) ? q.value : q.key,
            `dockerfile.labelSchema: unknown format ${shown} for ${name}: expected ${LABEL_FORMATS.join(', ')}${guess ? ` (did you mean ${guess}?)` : ''}`,
          );
          continue;
        }
        schema[name] = fmt;
      }
      out.labelSchema = schema;
    } else {
      at(p.key, unknownKeyMessage(key ?? String(p.key), DOCKERFILE_KEYS, 'key in dockerfile'));
    }
  }
  return out;
}

/**
 * Layers `override` over `base`: rule severities key by key (names normalized
 * to codes so `DF090` and `apt-get-no-install-recommends` are one key), label
 * schema entry by entry; lists (`allowedRegistries`, `requiredLabels`,
 * `exclude`) are replaced when the override sets them. The extension layers the
 * `dockyard.rules` setting over the file this way; the CLI layers `--rule`.
 */
export function mergeConfigs(base: DockyardConfig | undefined, override: DockyardConfig | undefined, known: readonly KnownRule[] = ALL_RULES): DockyardConfig {
  const b = base ?? {};
  const o = override ?? {};
  const rules: Record<string, SeveritySetting> = {};
  for (const src of [b.rules, o.rules]) {
    for (const [k, v] of Object.entries(src ?? {})) rules[normalizeRuleKey(k, known)] = v;
  }
  const bd = b.dockerfile ?? {};
  const od = o.dockerfile ?? {};
  const labelSchema = bd.labelSchema || od.labelSchema ? { ...(bd.labelSchema ?? {}), ...(od.labelSchema ?? {}) } : undefined;
  const dockerfile: DockerfileConfigSection = {
    ...(od.allowedRegistries ?? bd.allowedRegistries ? { allowedRegistries: od.allowedRegistries ?? bd.allowedRegistries } : {}),
    ...(od.requiredLabels ?? bd.requiredLabels ? { requiredLabels: od.requiredLabels ?? bd.requiredLabels } : {}),
    ...(labelSchema ? { labelSchema } : {}),
    ...(od.instructionCasing ?? bd.instructionCasing ? { instructionCasing: od.instructionCasing ?? bd.instructionCasing } : {}),
    ...(od.strictLabels ?? bd.strictLabels) !== undefined ? { strictLabels: od.strictLabels ?? bd.strictLabels } : {},
    ...(od.forbidInlineIgnores ?? bd.forbidInlineIgnores) !== undefined ? { forbidInlineIgnores: od.forbidInlineIgnores ?? bd.forbidInlineIgnores } : {},
  };
  const useOverrideExclude = o.exclude !== undefined;
  const exclude = useOverrideExclude ? o.exclude : b.exclude;
  const baseDir = useOverrideExclude ? (o.baseDir ?? b.baseDir) : (b.baseDir ?? o.baseDir);
  return {
    ...(b.path || o.path ? { path: o.path ?? b.path } : {}),
    ...(baseDir ? { baseDir } : {}),
    ...(Object.keys(rules).length || b.rules || o.rules ? { rules } : {}),
    ...(Object.keys(dockerfile).length ? { dockerfile } : {}),
    ...((o.compose?.allUnboundPorts ?? b.compose?.allUnboundPorts) !== undefined ? { compose: { allUnboundPorts: o.compose?.allUnboundPorts ?? b.compose?.allUnboundPorts } } : {}),
    ...(exclude ? { exclude } : {}),
  };
}

/** The Dockerfile linter's view of a config. */
export function toLintConfig(config: DockyardConfig | undefined, known: readonly KnownRule[] = ALL_RULES): DockerfileLintConfig {
  const severities: Record<string, SeveritySetting> = {};
  for (const [k, v] of Object.entries(config?.rules ?? {})) severities[normalizeRuleKey(k, known)] = v;
  const d = config?.dockerfile ?? {};
  const options: DockerfileRuleOptions = {
    ...(d.allowedRegistries ? { allowedRegistries: [...d.allowedRegistries] } : {}),
    ...(d.requiredLabels ? { requiredLabels: [...d.requiredLabels] } : {}),
    ...(d.labelSchema ? { labelSchema: { ...d.labelSchema } } : {}),
    ...(d.instructionCasing ? { instructionCasing: d.instructionCasing } : {}),
    ...(d.strictLabels !== undefined ? { strictLabels: d.strictLabels } : {}),
    ...(d.forbidInlineIgnores !== undefined ? { forbidInlineIgnores: d.forbidInlineIgnores } : {}),
    // Compose rule options share the options bag (rules read their own keys).
    ...(config?.compose?.allUnboundPorts !== undefined ? { allUnboundPorts: config.compose.allUnboundPorts } : {}),
  };
  return { severities, options };
}

/** Parses `CODE=severity` (the CLI's `--rule`). Returns an error message instead of throwing. */
export function parseRuleOverride(
  spec: string,
  known: readonly KnownRule[] = ALL_RULES,
  accept: (key: string) => boolean = defaultAccept,
): { key: string; severity: SeveritySetting } | { error: string } {
  const m = /^\s*([^=:\s]+)\s*[=:]\s*(\S+)\s*$/.exec(spec);
  if (!m) return { error: `--rule expects CODE=SEVERITY (e.g. DF090=off), got "${spec}"` };
  const key = normalizeRuleKey(m[1], known);
  if (!isKnownKey(key, known) && !accept(key)) {
    const guess = closest(m[1], known.flatMap((r) => [r.code, r.name]));
    return { error: `--rule: unknown rule "${m[1]}"${guess ? `; did you mean ${guess}?` : ''}` };
  }
  const sev = m[2].toLowerCase();
  if (!(SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
    const guess = guessSeverity(m[2]);
    return { error: `--rule ${m[1]}: bad severity "${m[2]}" (expected error, warning, info, style or off${guess ? `; did you mean ${guess}?` : ''})` };
  }
  return { key, severity: sev as SeveritySetting };
}
