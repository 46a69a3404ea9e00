/**
 * The Compose file linter: text in, findings out, with the same result shape
 * as `lintDockerfile`. Pure and synchronous (no `fs`, no `vscode`; other files
 * come through `WorkspaceAccess`); never throws.
 *
 *   CM000  YAML syntax errors (and the parser's warnings)
 *   CM001  Compose Specification schema violations (only when the YAML parses)
 *   CM002… the rule files of `rules/` (only when the YAML parses), each run on
 *          every `---` document of the file
 *
 * Suppression comments:
 *   # dockyard-ignore=CM001        findings starting on the next line that is not a comment or blank
 *   # dockyard-ignore-file=CM001   the whole file (anywhere in it)
 */
import { parseAllDocuments, type Document } from 'yaml';
import type { Finding, ReportInput, RuleMeta, Severity, SeveritySetting, WorkspaceAccess } from '../dockerfile/types';
import { comparePositions, LineIndex } from '../util/text';
import { CM000, CM001, COMPOSE_CHECK_RULES, COMPOSE_RULES } from './catalog';
import { interpolateTree } from './interpolate';
import { buildProjectView, readDotenv, slashPath } from './lintProject';
import type { ComposeProblem } from './model';
import { fastParseYaml } from './fastYaml';
import { treeFromDocument } from './node';
import { buildModel } from './parse';
import { dirnamePath } from './paths';
import type { ComposeRule, ComposeRuleContext, ComposeRuleOptions } from './rules/types';
import { COMPOSE_YAML_OPTIONS, parseComposeDocument, validateComposeSchema, yamlSyntaxFindings } from './schema';

export { COMPOSE_RULES } from './catalog';

export interface ComposeLintConfig {
  /** Per-rule severity by code (`CM001`) or name (`compose-schema`); `off` disables the rule. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  readonly options?: ComposeRuleOptions;
}

export interface ComposeLintOptions {
  /** Absolute path of the file (for messages and the cross-file rules). */
  readonly filePath?: string;
  /** Read access to the project (its `contextDir` is the compose file's directory). Without it, cross-file rules stay silent. */
  readonly workspace?: WorkspaceAccess;
  readonly config?: ComposeLintConfig;
  /** Rules to run besides CM000/CM001 (default: all). */
  readonly rules?: readonly ComposeRule[];
  /** Apply suppression comments (default true). */
  readonly honourSuppressions?: boolean;
}

export interface ComposeLintResult {
  readonly findings: Finding[];
  /** Problems of the linter itself, or why the file was not linted. */
  readonly errors: string[];
  /** Set when the file was not linted at all (e.g. too large), with the reason. */
  readonly notLinted?: string;
}

/** Files over this size are not linted (the same limit as Dockerfiles). */
export const MAX_COMPOSE_LINT_BYTES = 1024 * 1024;

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, style: 0 };

export function effectiveComposeSeverity(rule: RuleMeta, config: ComposeLintConfig | undefined): SeveritySetting {
  const s = config?.severities;
  return s?.[rule.code] ?? s?.[rule.name] ?? rule.defaultSeverity;
}

export function lintCompose(input: string, opts: ComposeLintOptions = {}): ComposeLintResult {
  const errors: string[] = [];
  try {
    if (input.length > MAX_COMPOSE_LINT_BYTES) {
      const notLinted = `file is larger than ${MAX_COMPOSE_LINT_BYTES / 1024 / 1024} MB: not linted`;
      errors.push(notLinted);
      return { findings: [], errors, notLinted };
    }
    // A BOM is not part of the file (editors hide it too).
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    const lines = new LineIndex(text);
    const docs = parseDocuments(text);

    const syntaxRule = CM000;
    const schemaRule = CM001;
    const syntaxSev = effectiveComposeSeverity(syntaxRule, opts.config);
    const schemaSev = effectiveComposeSeverity(schemaRule, opts.config);

    const syntax = docs.flatMap((d) => yamlSyntaxFindings(d, lines));
    const hasSyntaxErrors = syntax.some((f) => f.severity === 'error');
    const findings: Finding[] = [];
    if (syntaxSev !== 'off') {
      // Errors take the configured severity; the parser's warnings are never above it.
      for (const f of syntax) {
        const severity = f.severity === 'error' || SEVERITY_RANK[syntaxSev] < SEVERITY_RANK[f.severity] ? syntaxSev : f.severity;
        findings.push({ ...f, code: syntaxRule.code, severity });
      }
    }
    if (schemaSev !== 'off' && !hasSyntaxErrors) {
      for (const d of docs) {
        try {
          for (const f of validateComposeSchema(d, lines, { rethrow: true })) findings.push({ ...f, code: schemaRule.code, severity: schemaSev });
        } catch (e) {
          errors.push(`rule ${schemaRule.code} failed: ${describe(e)}`);
        }
      }
    }

    if (!hasSyntaxErrors) runRules(text, lines, docs, opts, findings, errors);

    const kept = opts.honourSuppressions === false ? findings : applySuppressions(findings, lines);
    kept.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.code.localeCompare(b.code));
    return { findings: kept, errors };
  } catch (e) {
    errors.push(`could not lint the Compose file: ${describe(e)}`);
    return { findings: [], errors };
  }
}

/** Runs the rule files over every document of the file. */
function runRules(text: string, lines: LineIndex, docs: Document[], opts: ComposeLintOptions, findings: Finding[], errors: string[]): void {
  const rules = (opts.rules ?? COMPOSE_CHECK_RULES).filter((r) => effectiveComposeSeverity(r, opts.config) !== 'off');
  if (!rules.length) return;
  const file = opts.filePath ?? '<compose>';
  const dir = opts.filePath ? dirnamePath(slashPath(opts.filePath)) : undefined;
  const { env, text: envText } = readDotenv(opts.workspace, dir);
  const lookup = (name: string): string | undefined => env[name];
  for (const doc of docs) {
    if (!doc.contents) continue;
    const problems: ComposeProblem[] = [];
    const root = treeFromDocument(doc, lines, file, problems);
    const interpolation: ComposeProblem[] = [];
    const interpolated = root ? interpolateTree(root, lookup, interpolation) : undefined;
    const model = buildModel(interpolated, file, problems);
    const project = buildProjectView({ model, filePath: opts.filePath, workspace: opts.workspace, env, envKey: envText });
    // One context per document; only `report` depends on the rule (as in the Dockerfile linter).
    let current = rules[0];
    let severity: Severity = 'warning';
    const ctx: ComposeRuleContext = {
      text,
      lines,
      doc,
      root,
      model,
      interpolation,
      env,
      filePath: opts.filePath,
      workspace: opts.workspace,
      project,
      options: opts.config?.options ?? {},
      report(f: ReportInput): void {
        findings.push({ code: current.code, severity: f.severity ?? severity, message: f.message, range: f.range, fixes: f.fixes ?? [] });
      },
    };
    for (const rule of rules) {
      current = rule;
      severity = effectiveComposeSeverity(rule, opts.config) as Severity;
      try {
        rule.check(ctx);
      } catch (e) {
        errors.push(`rule ${rule.code} failed: ${describe(e)}`);
      }
    }
  }
}

/**
 * Every `---` document of the file (compose-go accepts several and merges
 * them), each validated on its own; positions are offsets in the whole text.
 */
function parseDocuments(text: string): Document[] {
  // The common subset of compose YAML has a fast path that builds the same Document (or declines).
  const fast = fastParseYaml(text, COMPOSE_YAML_OPTIONS);
  if (fast) return [fast];
  try {
    const docs = parseAllDocuments(text, COMPOSE_YAML_OPTIONS);
    if (Array.isArray(docs) && docs.length) return docs as Document[];
  } catch {
    /* fall back to the single-document parse, which never throws */
  }
  return [parseComposeDocument(text)];
}

// ---------------------------------------------------------------------------
// suppression comments

const DIRECTIVE = /^#\s*(dockyard-ignore-file|dockyard-ignore)\s*=\s*([A-Za-z0-9_,\s-]*)$/i;

export interface ComposeSuppressions {
  /** Codes suppressed for the whole file. */
  readonly file: ReadonlySet<string>;
  /** Line (0-based) the suppression applies to -> codes suppressed on it. */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
}

/** The code of an id written in a comment: a code in any case, or a rule name. */
function codeOf(id: string): string {
  const byName = COMPOSE_RULES.find((r) => r.name === id.toLowerCase());
  return byName ? byName.code : id.toUpperCase();
}

/** Reads the suppression comments of a file. A `dockyard-ignore` comment applies to the next line that is neither blank nor a comment. */
export function parseComposeSuppressions(lines: LineIndex): ComposeSuppressions {
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  let pending: Set<string> | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const trimmed = lines.lineText(line).trim();
    if (!trimmed) continue;
    if (!trimmed.startsWith('#')) {
      if (pending) {
        const codes = byLine.get(line) ?? new Set<string>();
        for (const c of pending) codes.add(c);
        byLine.set(line, codes);
        pending = undefined;
      }
      continue;
    }
    const m = DIRECTIVE.exec(trimmed);
    if (!m) continue;
    const codes = m[2]
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(codeOf);
    if (m[1].toLowerCase() === 'dockyard-ignore-file') codes.forEach((c) => file.add(c));
    else {
      pending ??= new Set<string>();
      codes.forEach((c) => pending!.add(c));
    }
  }
  return { file, lines: byLine };
}

function applySuppressions(findings: Finding[], lines: LineIndex): Finding[] {
  if (!findings.length) return findings;
  // Cheap check before the line scan: no directive, nothing to do.
  if (!/dockyard-ignore/i.test(lines.text)) return findings;
  const sup = parseComposeSuppressions(lines);
  return findings.filter((f) => !sup.file.has(f.code) && !sup.lines.get(f.range.start.line)?.has(f.code));
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
