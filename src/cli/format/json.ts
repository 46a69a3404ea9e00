/**
 * The JSON output: a public contract, documented in docs/cli.md. Pure.
 *
 *   [ { "file": "app/Dockerfile",
 *       "findings": [ { "code", "severity", "message", "line", "column",
 *                       "endLine", "endColumn", "fixable" } ],
 *       "error"?: "…",                       // the file could not be read, linted or written
 *       "fixed"?: [ { "code", "title" } ] } ]  // with --fix
 *
 * Lines and columns are 1-based; `endColumn` is exclusive (the column just
 * after the last character), as in SARIF. Columns count UTF-16 code units.
 */
import type { AppliedFix } from '../fix';
import type { FileResult } from '../run';
import { toJsonFinding, type JsonFinding } from './common';

export interface JsonFileResult {
  readonly file: string;
  readonly findings: JsonFinding[];
  readonly error?: string;
  readonly fixed?: AppliedFix[];
}

export function toJsonResults(results: readonly FileResult[], opts: { fix?: boolean } = {}): JsonFileResult[] {
  return results.map((r) => ({
    file: r.file,
    findings: r.findings.map(toJsonFinding),
    ...(r.error ? { error: r.error } : {}),
    ...(opts.fix ? { fixed: (r.fixed ?? []).map((f) => ({ code: f.code, title: f.title })) } : {}),
  }));
}

export function formatJson(results: readonly FileResult[], opts: { fix?: boolean } = {}): string {
  return JSON.stringify(toJsonResults(results, opts), null, 2) + '\n';
}
