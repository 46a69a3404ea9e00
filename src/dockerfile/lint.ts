/**
 * The Dockerfile linter: text in, findings out. Pure and synchronous; never
 * throws (a rule that fails is reported in `errors`, the others still run).
 */
import { LineIndex, comparePositions } from '../util/text';
import { buildModel } from './model';
import { parseDockerfile } from './parse';
import { ALL_RULES } from './rules';
import { foreignIdMap, parseSuppressions, type ForeignIdMap } from './suppress';
import type {
  DockerfileRule,
  DockerfileRuleOptions,
  Finding,
  ReportInput,
  RuleContext,
  Severity,
  SeveritySetting,
  WorkspaceAccess,
} from './types';

export interface DockerfileLintConfig {
  /** Per-rule severity by code (`DF090`) or name (`apt-get-no-install-recommends`). */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  readonly options?: DockerfileRuleOptions;
}

export interface LintOptions {
  /** Absolute path of the file, for messages and workspace-aware rules. */
  readonly filePath?: string;
  readonly workspace?: WorkspaceAccess;
  readonly config?: DockerfileLintConfig;
  /** Rules to run (default: all). */
  readonly rules?: readonly DockerfileRule[];
  /** Apply suppression comments (default true). */
  readonly honourSuppressions?: boolean;
}

export interface LintResult {
  readonly findings: Finding[];
  /** Problems of the linter itself (a rule that threw) or why the file was not linted. */
  readonly errors: string[];
  /** Set when the file was not linted at all (e.g. too large), with the reason. */
  readonly notLinted?: string;
}

/** Files over this size are not linted: a clear message instead of seconds of work per keystroke (the largest real Dockerfiles are under 100 KB). */
export const MAX_LINT_BYTES = 1024 * 1024;

let defaultIds: ForeignIdMap | undefined;

export function effectiveSeverity(rule: DockerfileRule, config: DockerfileLintConfig | undefined): SeveritySetting {
  const s = config?.severities;
  return s?.[rule.code] ?? s?.[rule.name] ?? rule.defaultSeverity;
}

export function lintDockerfile(input: string, opts: LintOptions = {}): LintResult {
  const errors: string[] = [];
  const findings: Finding[] = [];
  if (input.length > MAX_LINT_BYTES) {
    const notLinted = `file is larger than ${MAX_LINT_BYTES / 1024 / 1024} MB: not linted`;
    errors.push(notLinted);
    return { findings, errors, notLinted };
  }
  // A BOM is not part of the Dockerfile (editors hide it too).
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rules = opts.rules ?? ALL_RULES;
  const ids = opts.rules ? foreignIdMap(rules) : (defaultIds ??= foreignIdMap(ALL_RULES));

  let lines: LineIndex;
  let model: ReturnType<typeof buildModel>;
  try {
    lines = new LineIndex(text);
    const ast = parseDockerfile(text);
    model = buildModel(ast);
  } catch (e) {
    errors.push(`could not parse the Dockerfile: ${describe(e)}`);
    return { findings, errors };
  }

  // One context for every rule (only `report` depends on the rule): allocating one per rule
  // showed up in the allocation profile of small files.
  let current: DockerfileRule = rules[0];
  let severity: Severity = 'warning';
  const ctx: RuleContext = {
    text,
    lines,
    ast: model.ast,
    model,
    options: opts.config?.options ?? {},
    filePath: opts.filePath,
    workspace: opts.workspace && memoizedWorkspace(opts.workspace),
    report(f: ReportInput): void {
      findings.push({ code: current.code, severity: f.severity ?? severity, message: f.message, range: f.range, fixes: f.fixes ?? [] });
    },
  };
  for (const rule of rules) {
    const sev = effectiveSeverity(rule, opts.config);
    if (sev === 'off') continue;
    current = rule;
    severity = sev;
    try {
      rule.check(ctx);
    } catch (e) {
      errors.push(`rule ${rule.code} failed: ${describe(e)}`);
    }
  }

  const kept = opts.honourSuppressions === false ? findings : applySuppressions(findings, lines, model, ids);
  // Codes are ASCII (`DF001`): a code-unit comparison orders them as localeCompare did, without ICU.
  kept.sort((a, b) => comparePositions(a.range.start, b.range.start) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { findings: kept, errors };
}

/**
 * The workspace as this lint sees it: each file read or checked once (several
 * rules read `.dockerignore`; every read of the caller's cache costs a `stat`).
 */
function memoizedWorkspace(ws: WorkspaceAccess): WorkspaceAccess {
  const reads = new Map<string, string | undefined>();
  const exists = new Map<string, boolean>();
  return {
    contextDir: ws.contextDir,
    readFile(path: string): string | undefined {
      if (reads.has(path)) return reads.get(path);
      const text = ws.readFile(path);
      reads.set(path, text);
      return text;
    },
    exists(path: string): boolean {
      let e = exists.get(path);
      if (e === undefined) {
        e = ws.exists(path);
        exists.set(path, e);
      }
      return e;
    },
  };
}

function applySuppressions(
  findings: Finding[],
  lines: LineIndex,
  model: ReturnType<typeof buildModel>,
  ids: ForeignIdMap,
): Finding[] {
  if (!findings.length) return findings;
  const sup = parseSuppressions(lines, ids);
  if (!sup.file.size && !sup.nextInstruction.size) return findings;
  if (sup.file.has('*')) return [];
  // Suppressed line spans: comment line -> the instruction that follows it (only comments/blank lines between).
  const spans: { start: number; end: number; codes: ReadonlySet<string> }[] = [];
  if (sup.nextInstruction.size) {
    const starts = model.instructions.map((i) => i.range);
    let k = 0;
    const commentLines = [...sup.nextInstruction.keys()].sort((a, b) => a - b);
    for (const line of commentLines) {
      while (k < starts.length && starts[k].start.line <= line) k++;
      if (k >= starts.length) break;
      const next = starts[k];
      let onlyComments = true;
      for (let l = line + 1; l < next.start.line; l++) {
        const t = lines.lineText(l).trim();
        if (t && !t.startsWith('#')) {
          onlyComments = false;
          break;
        }
      }
      if (onlyComments) spans.push({ start: next.start.line, end: next.end.line, codes: sup.nextInstruction.get(line)! });
    }
  }
  return findings.filter((f) => {
    if (sup.file.has(f.code)) return false;
    const line = f.range.start.line;
    for (const s of spans) if (line >= s.start && line <= s.end && s.codes.has(f.code)) return false;
    return true;
  });
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
