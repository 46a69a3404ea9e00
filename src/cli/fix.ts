/**
 * `--fix`: apply each finding's preferred fix, re-lint and repeat until no
 * preferred fix remains (or 10 passes). Fixes are applied whole or not at all:
 * in one pass a fix is taken only when none of its edits overlaps an edit of
 * a fix already taken (the rest wait for the next pass, recomputed on the new
 * text). Writes are atomic (temp file + rename). Never throws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileChange, Finding, Fix } from '../dockerfile/types';
import { applyEdits, LineIndex, type TextEdit } from '../util/text';
import { ioMessage } from '../config/configFile';

export const MAX_FIX_PASSES = 10;

export interface AppliedFix {
  readonly code: string;
  readonly title: string;
}

export interface FileChangeResult {
  readonly path: string;
  readonly action: 'created' | 'edited' | 'unchanged';
  readonly error?: string;
}

export interface FixLoopResult {
  readonly text: string;
  readonly applied: AppliedFix[];
  readonly passes: number;
  readonly fileChanges: FileChangeResult[];
}

export function preferredFix(f: Finding): Fix | undefined {
  return f.fixes.find((x) => x.preferred);
}

interface Span {
  start: number;
  end: number;
}

function conflicts(a: Span, b: Span): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** The preferred fixes of `findings` that can be applied together (document order wins). */
export function selectFixes(text: string, findings: readonly Finding[]): { finding: Finding; fix: Fix }[] {
  const index = new LineIndex(text);
  const taken: Span[] = [];
  const otherFiles = new Set<string>();
  const out: { finding: Finding; fix: Fix }[] = [];
  for (const f of findings) {
    const fix = preferredFix(f);
    if (!fix) continue;
    const spans = fix.edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end) }));
    if (spans.some((s) => s.end < s.start)) continue;
    // A fix whose own edits overlap is broken: skip it rather than half-apply it.
    if (spans.some((s, i) => spans.some((t, j) => j > i && conflicts(s, t)))) continue;
    if (spans.some((s) => taken.some((t) => conflicts(s, t)))) continue;
    const paths = (fix.files ?? []).map((c) => c.path);
    if (paths.some((p) => otherFiles.has(p))) continue;
    if (!spans.length && !paths.length) continue;
    taken.push(...spans);
    paths.forEach((p) => otherFiles.add(p));
    out.push({ finding: f, fix });
  }
  return out;
}

export interface FixLoopOptions {
  /** Lints a text (the current content of the file). */
  readonly lint: (text: string) => readonly Finding[];
  /** Applies a change to another file (default: `applyFileChange`). */
  readonly applyChange?: (change: FileChange) => FileChangeResult;
  readonly maxPasses?: number;
}

export function fixLoop(text: string, opts: FixLoopOptions): FixLoopResult {
  const applied: AppliedFix[] = [];
  const fileChanges: FileChangeResult[] = [];
  const applyChange = opts.applyChange ?? ((c: FileChange) => applyFileChange(c));
  const max = opts.maxPasses ?? MAX_FIX_PASSES;
  let passes = 0;
  let current = text;
  while (passes < max) {
    const chosen = selectFixes(current, opts.lint(current));
    if (!chosen.length) break;
    passes++;
    const edits: TextEdit[] = chosen.flatMap((c) => [...c.fix.edits]);
    const next = edits.length ? applyEdits(current, edits) : current;
    let changedOther = false;
    for (const c of chosen) {
      for (const change of c.fix.files ?? []) {
        const r = applyChange(change);
        fileChanges.push(r);
        if (r.action !== 'unchanged' && !r.error) changedOther = true;
      }
    }
    if (next === current && !changedOther) break; // nothing moved: stop rather than spin
    for (const c of chosen) applied.push({ code: c.finding.code, title: c.fix.title });
    current = next;
  }
  return { text: current, applied, passes, fileChanges: mergeChanges(fileChanges) };
}

function mergeChanges(changes: FileChangeResult[]): FileChangeResult[] {
  const rank = (c: FileChangeResult): number => (c.error ? 3 : c.action === 'created' ? 2 : c.action === 'edited' ? 1 : 0);
  const byPath = new Map<string, FileChangeResult>();
  for (const c of changes) {
    const prev = byPath.get(c.path);
    if (!prev || rank(c) > rank(prev)) byPath.set(c.path, c);
  }
  return [...byPath.values()];
}

/**
 * Writes `content` to `file` atomically: a temp file in the same folder, then
 * rename. Keeps the mode of an existing file and writes through symbolic links.
 */
export function writeFileAtomic(file: string, content: string): void {
  let target = file;
  try {
    target = fs.realpathSync(file);
  } catch {
    /* does not exist yet */
  }
  let mode: number | undefined;
  try {
    mode = fs.statSync(target).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.dockyard-tmp`);
  try {
    fs.writeFileSync(tmp, content, mode !== undefined ? { mode } : {});
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
}

/** Applies a `Fix.files` change: create the file when it does not exist, else apply the edits. */
export function applyFileChange(change: FileChange, onWrite?: (absPath: string) => void): FileChangeResult {
  const p = path.resolve(change.path);
  try {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (st && !st.isFile()) return { path: p, action: 'unchanged', error: 'is not a regular file' };
    if (st) {
      if (!change.edits?.length) return { path: p, action: 'unchanged' };
      const buf = fs.readFileSync(p);
      if (buf.includes(0)) return { path: p, action: 'unchanged', error: 'is a binary file' };
      const old = buf.toString('utf8');
      const bom = old.charCodeAt(0) === 0xfeff;
      const body = bom ? old.slice(1) : old;
      const next = applyEdits(body, change.edits);
      if (next === body) return { path: p, action: 'unchanged' };
      writeFileAtomic(p, (bom ? '\ufeff' : '') + next);
      onWrite?.(p);
      return { path: p, action: 'edited' };
    }
    if (change.create === undefined) return { path: p, action: 'unchanged' };
    fs.mkdirSync(path.dirname(p), { recursive: true });
    writeFileAtomic(p, change.create);
    onWrite?.(p);
    return { path: p, action: 'created' };
  } catch (e) {
    return { path: p, action: 'unchanged', error: ioMessage(e) };
  }
}
