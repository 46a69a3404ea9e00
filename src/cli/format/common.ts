/** Shared by the output formats. Pure. */
import type { Finding, Severity } from '../../dockerfile/types';
import type { FailLevel } from '../args';
import { preferredFix } from '../fix';
import type { FileResult } from '../run';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 4, warning: 3, info: 2, style: 1 };

/** Whether a finding is at or above the fail level. */
export function atOrAbove(severity: Severity, level: FailLevel): boolean {
  return level !== 'none' && SEVERITY_RANK[severity] >= SEVERITY_RANK[level];
}

/** The JSON output's finding: 1-based lines and columns, `endColumn` exclusive. */
export interface JsonFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  /** `--fix` would fix it (the finding has a preferred fix). */
  readonly fixable: boolean;
}

export function toJsonFinding(f: Finding): JsonFinding {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    fixable: preferredFix(f) !== undefined,
  };
}

export interface Summary {
  readonly files: number;
  readonly filesWithFindings: number;
  readonly bySeverity: Record<Severity, number>;
  readonly total: number;
  readonly fixable: number;
  readonly fixed: number;
  readonly filesFixed: number;
  readonly errors: number;
}

export function summarize(results: readonly FileResult[]): Summary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  let fixable = 0;
  let fixed = 0;
  let filesFixed = 0;
  let filesWithFindings = 0;
  let errors = 0;
  for (const r of results) {
    if (r.findings.length) filesWithFindings++;
    if (r.error) errors++;
    for (const f of r.findings) {
      bySeverity[f.severity]++;
      if (preferredFix(f)) fixable++;
    }
    if (r.fixed?.length) {
      fixed += r.fixed.length;
      filesFixed++;
    }
  }
  const total = bySeverity.error + bySeverity.warning + bySeverity.info + bySeverity.style;
  return { files: results.length, filesWithFindings, bySeverity, total, fixable, fixed, filesFixed, errors };
}

export function plural(n: number, word: string, pluralWord = word + 's'): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Relative path with forward slashes when under `cwd`, else undefined. */
export function relativeUri(absPath: string, cwd: string, sep: string, relative: (from: string, to: string) => string): string | undefined {
  const rel = relative(cwd, absPath);
  if (!rel || rel === '..' || rel.startsWith('..' + sep) || /^[A-Za-z]:/.test(rel) || rel.startsWith('/')) return undefined;
  return rel.split(sep).join('/');
}
