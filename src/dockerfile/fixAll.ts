/**
 * Applying fixes in bulk (fix-all, `--fix`, `source.fixAll`) and the edits of
 * the "ignore" actions. Pure; shared by the CLI and the editor.
 */
import { parseDockerfile } from './parse';
import { LineIndex, applyEdits, type TextEdit, type Range } from '../util/text';
import type { Finding, Fix, FileChange } from './types';

export interface FixAllResult {
  readonly text: string;
  /** Number of fixes applied. */
  readonly applied: number;
  /** Codes of the fixes applied, one entry per fix. */
  readonly codes: readonly string[];
  /** Changes to other files requested by applied fixes (only when `includeFileChanges`). */
  readonly files: readonly FileChange[];
}

export interface FixAllOptions {
  /** Only fix these codes (default: all). */
  readonly codes?: ReadonlySet<string>;
  /** Also apply fixes that change other files (default false: they need consent). */
  readonly includeFileChanges?: boolean;
  /** Passes over the text; each pass re-lints (default 10). */
  readonly maxPasses?: number;
}

function overlaps(a: Range, b: Range, lines: LineIndex): boolean {
  const as = lines.offsetAt(a.start);
  const ae = lines.offsetAt(a.end);
  const bs = lines.offsetAt(b.start);
  const be = lines.offsetAt(b.end);
  if (as === ae && bs === be) return as === bs; // two insertions at one point: keep the first only
  return as < be && bs < ae || (as === ae && as > bs && as < be) || (bs === be && bs > as && bs < ae);
}

/**
 * Applies the preferred fix of every finding, re-linting between passes until
 * nothing is left to fix. A fix is applied whole or not at all.
 */
export function fixAll(text: string, lint: (text: string) => readonly Finding[], opts: FixAllOptions = {}): FixAllResult {
  const codes: string[] = [];
  const files: FileChange[] = [];
  const maxPasses = opts.maxPasses ?? 10;
  let applied = 0;
  const seenFileFixes = new Set<string>();
  for (let pass = 0; pass < maxPasses; pass++) {
    const findings = lint(text);
    const lines = new LineIndex(text);
    const accepted: TextEdit[] = [];
    let progress = 0;
    for (const f of findings) {
      if (opts.codes && !opts.codes.has(f.code)) continue;
      const fix = preferredFix(f);
      if (!fix) continue;
      if (fix.files?.length) {
        if (!opts.includeFileChanges) continue;
        const key = `${f.code}:${fix.files.map((c) => c.path).join(',')}`;
        if (seenFileFixes.has(key)) continue;
        seenFileFixes.add(key);
        files.push(...fix.files);
        if (!fix.edits.length) {
          applied++;
          codes.push(f.code);
          progress++;
          continue;
        }
      }
      if (!fix.edits.length) continue;
      if (fix.edits.some((e) => accepted.some((a) => overlaps(a.range, e.range, lines)))) continue;
      accepted.push(...fix.edits);
      applied++;
      progress++;
      codes.push(f.code);
    }
    if (!progress) break;
    const next = applyEdits(text, accepted);
    if (next === text && !files.length) break;
    text = next;
    if (!accepted.length) break;
  }
  return { text, applied, codes, files };
}

export function preferredFix(f: Finding): Fix | undefined {
  return f.fixes.find((x) => x.preferred);
}

/** One edit that turns `before` into `after` (common prefix and suffix kept), or undefined when equal. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let s = 0;
  const max = Math.min(before.length, after.length);
  while (s < max && before.charCodeAt(s) === after.charCodeAt(s)) s++;
  let e = 0;
  while (e < max - s && before.charCodeAt(before.length - 1 - e) === after.charCodeAt(after.length - 1 - e)) e++;
  const lines = new LineIndex(before);
  return { range: lines.rangeOf(s, before.length - e), newText: after.slice(s, after.length - e) };
}

const DIRECTIVE_LINE = /^\s*#\s*[a-zA-Z][a-zA-Z0-9_-]*\s*=\s*\S/;
const NEXT_IGNORE = /^(\s*#\s*dockyard-ignore\s*=\s*)([A-Za-z0-9_,\s-]*?)\s*$/i;
const FILE_IGNORE = /^(\s*#\s*dockyard-ignore-file\s*=\s*)([A-Za-z0-9_,\s-]*?)\s*$/i;

/** First line of the instruction that holds `line` (a finding inside a multi-line RUN points into it). */
export function instructionStartLine(text: string, line: number): number {
  for (const i of parseDockerfile(text).getInstructions()) {
    const r = i.getRange();
    if (r.start.line <= line && line <= r.end.line) return r.start.line;
  }
  return line;
}

/**
 * Edit for "ignore <code> for this instruction": adds the code to a
 * `# dockyard-ignore=` comment right above the instruction holding
 * `findingLine`, or inserts one.
 */
export function ignoreForInstructionEdit(text: string, findingLine: number, code: string): TextEdit {
  return ignoreAboveLineEdit(text, instructionStartLine(text, findingLine), code);
}

/**
 * Edit that adds `code` to a `# dockyard-ignore=` comment right above `line`, or inserts one there
 * with the line's indentation (Dockerfiles and YAML alike: both use `#` comments).
 */
export function ignoreAboveLineEdit(text: string, line: number, code: string): TextEdit {
  const lines = new LineIndex(text);
  const above = line - 1;
  if (above >= 0) {
    const m = NEXT_IGNORE.exec(lines.lineText(above));
    if (m) return appendCode(lines, above, m, code);
  }
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const pos = { line, character: 0 };
  return { range: { start: pos, end: pos }, newText: `${indent}# dockyard-ignore=${code}${lines.eol}` };
}

/**
 * Edit for "ignore <code> in this file": extends an existing
 * `# dockyard-ignore-file=` comment or inserts one after the Dockerfile parser
 * directives (a comment before them would turn them into plain comments);
 * `afterDirectives: false` inserts at the top (YAML has no directives).
 */
export function ignoreForFileEdit(text: string, code: string, opts: { afterDirectives?: boolean } = {}): TextEdit {
  const lines = new LineIndex(text);
  let line = 0;
  for (let l = 0; l < lines.lineCount; l++) {
    const m = FILE_IGNORE.exec(lines.lineText(l));
    if (m) return appendCode(lines, l, m, code);
  }
  if (opts.afterDirectives !== false) {
    while (line < lines.lineCount && DIRECTIVE_LINE.test(lines.lineText(line)) && !FILE_IGNORE.test(lines.lineText(line))) line++;
  }
  const pos = { line, character: 0 };
  const atEnd = line >= lines.lineCount - 1 && lines.lineText(line) === '' && line > 0 && line === lines.lineCount - 1;
  return { range: { start: pos, end: pos }, newText: atEnd ? `# dockyard-ignore-file=${code}` : `# dockyard-ignore-file=${code}${lines.eol}` };
}

function appendCode(lines: LineIndex, line: number, m: RegExpExecArray, code: string): TextEdit {
  const existing = m[2].split(/[\s,]+/).filter(Boolean);
  if (existing.some((c) => c.toUpperCase() === code.toUpperCase())) {
    const p = { line, character: 0 };
    return { range: { start: p, end: p }, newText: '' };
  }
  const start = { line, character: m[1].length };
  const end = { line, character: lines.lineText(line).length };
  return { range: { start, end }, newText: [...existing, code].join(',') };
}

export { applyEdits };
