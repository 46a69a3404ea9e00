/**
 * Variable references in the non-shell parts of a Dockerfile (FROM, ENV, ARG,
 * LABEL, COPY/ADD, WORKDIR, USER, VOLUME, STOPSIGNAL), scanned the way
 * BuildKit's shell lexer expands them: single quotes are literal, the escape
 * character escapes the next character, `$NAME` and `${NAME…}` (with modifiers,
 * whose word may hold further references) are expansions. Shared by DF041,
 * DF042 and DF043. Pure.
 */
import type { Range } from '../../util/text';
import type { LineIndex } from '../../util/text';

export interface VarRef {
  readonly name: string;
  /** Offsets in the scanned text: the whole reference (`$` to the name's end or the closing `}`). */
  readonly start: number;
  readonly end: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Written `${…}` with a modifier (`:-`, `+`, `#`, `/`…). */
  readonly modifier: boolean;
  /** False for syntax BuildKit rejects (`${a:b}`, `${a:#b}`): another rule's finding. */
  readonly valid: boolean;
}

/**
 * Build args every build has without an `ARG` (BuildKit's automatic platform args,
 * the proxy args, BuildKit's own settings). Counted as declared by DF041/DF042.
 */
export const PREDEFINED_ARGS: ReadonlySet<string> = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'TARGETOSVERSION', 'TARGETSTAGE',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'BUILDOSVERSION',
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy',
  'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
  'BUILDKIT_CACHE_MOUNT_NS', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM',
  'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_SYNTAX', 'BUILDKIT_DOCKERFILE_CHECK', 'BUILDKIT_SBOM_SCAN_CONTEXT',
  'BUILDKIT_SBOM_SCAN_STAGE', 'BUILDKIT_HISTORY_PROVENANCE_V1', 'SOURCE_DATE_EPOCH',
]);

const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

/** Length of a line continuation (escape + blanks + newline) at `i`, else 0. */
function continuationAt(text: string, i: number, escape: string): number {
  if (text[i] !== escape) return 0;
  let j = i + 1;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
  if (text[j] === '\r' && text[j + 1] === '\n') return j + 2 - i;
  if (text[j] === '\n' || text[j] === '\r') return j + 1 - i;
  return 0;
}

/** After a continuation: skip comment lines and blank lines (BuildKit drops them). */
function skipContinuationJunk(text: string, i: number): number {
  for (;;) {
    let j = i;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    if (text[j] === '#') {
      while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
      if (text[j] === '\r' && text[j + 1] === '\n') j++;
      if (j < text.length) j++;
      i = j;
      continue;
    }
    if (j < text.length && (text[j] === '\n' || text[j] === '\r') && j > i) {
      // a blank (whitespace-only) continuation line
      if (text[j] === '\r' && text[j + 1] === '\n') j++;
      i = j + 1;
      continue;
    }
    return i;
  }
}

interface Scan {
  refs: VarRef[];
  /** Index after the stop character (or text.length). */
  end: number;
}

function scan(text: string, from: number, escape: string, stop: string | undefined, refs: VarRef[]): Scan {
  let i = from;
  let inDouble = false;
  while (i < text.length) {
    const c = text[i];
    if (!inDouble && stop !== undefined && c === stop) return { refs, end: i + 1 };
    if (c === escape) {
      const cont = continuationAt(text, i, escape);
      if (cont) {
        i = skipContinuationJunk(text, i + cont);
        continue;
      }
      i += 2;
      continue;
    }
    if (c === "'" && !inDouble) {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return { refs, end: text.length };
      i = close + 1;
      continue;
    }
    if (c === '"') {
      inDouble = !inDouble;
      i++;
      continue;
    }
    if (c === '$') {
      i = dollar(text, i, escape, refs);
      continue;
    }
    i++;
  }
  return { refs, end: text.length };
}

function readName(text: string, i: number): number {
  if (i >= text.length) return i;
  if (/[0-9]/.test(text[i])) {
    while (i < text.length && /[0-9]/.test(text[i])) i++;
    return i;
  }
  if (SPECIAL.has(text[i])) return i + 1;
  while (i < text.length && NAME_CHAR.test(text[i])) i++;
  return i;
}

function isRealName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** Handles a `$` at `i`; returns the index after the reference. */
function dollar(text: string, i: number, escape: string, refs: VarRef[]): number {
  if (text[i + 1] !== '{') {
    const nameEnd = readName(text, i + 1);
    if (nameEnd === i + 1) return i + 1;
    const name = text.slice(i + 1, nameEnd);
    if (isRealName(name)) refs.push({ name, start: i, end: nameEnd, nameStart: i + 1, nameEnd, modifier: false, valid: true });
    return nameEnd;
  }
  const nameStart = i + 2;
  const nameEnd = readName(text, nameStart);
  const name = text.slice(nameStart, nameEnd);
  if (nameEnd === nameStart) {
    // `${}`, `${:x}`: a syntax error for BuildKit; skip to the closing brace
    const close = text.indexOf('}', nameStart);
    return close < 0 ? text.length : close + 1;
  }
  const next = text[nameEnd];
  if (next === '}') {
    if (isRealName(name)) refs.push({ name, start: i, end: nameEnd + 1, nameStart, nameEnd, modifier: false, valid: true });
    return nameEnd + 1;
  }
  // Modifier: `:-w`, `-w`, `:+w`, `?w`, `#w`, `%w`, `/p/r`. Its word may contain references.
  const op = text[nameEnd] === ':' ? text.slice(nameEnd, nameEnd + 2) : text[nameEnd] ?? '';
  const valid = [':-', ':+', ':?', '-', '+', '?', '#', '%', '/'].includes(op);
  const own: VarRef = { name, start: i, end: nameEnd, nameStart, nameEnd, modifier: true, valid };
  const at = refs.length;
  const inner = scan(text, nameEnd + 1, escape, '}', refs);
  if (isRealName(name)) refs.splice(at, 0, { ...own, end: inner.end });
  return inner.end;
}

/** Every variable reference in `text` (a raw piece of the document). */
export function scanVars(text: string, escape = '\\'): VarRef[] {
  // Every reference starts at a `$`.
  if (!text.includes('$')) return [];
  return scan(text, 0, escape, undefined, []).refs;
}

/** References in a document range, with their document ranges. */
export interface DocVarRef extends VarRef {
  readonly range: Range;
  readonly nameRange: Range;
}

export function scanRange(lines: LineIndex, range: Range, escape = '\\'): DocVarRef[] {
  const base = lines.offsetAt(range.start);
  const end = lines.offsetAt(range.end);
  // Every reference starts at a `$`: most ranges have none and are not copied out of the document.
  const doc = lines.text;
  let k = base;
  while (k < end && doc.charCodeAt(k) !== 36 /* $ */) k++;
  if (k >= end) return [];
  const text = doc.slice(base, end);
  const refs = scanVars(text, escape);
  const out: DocVarRef[] = [];
  // The fields written out rather than spread: a spread copy is a slow generic path in V8.
  for (const r of refs) {
    out.push({
      name: r.name,
      start: r.start,
      end: r.end,
      nameStart: r.nameStart,
      nameEnd: r.nameEnd,
      modifier: r.modifier,
      valid: r.valid,
      range: lines.rangeOf(base + r.start, base + r.end),
      nameRange: lines.rangeOf(base + r.nameStart, base + r.nameEnd),
    });
  }
  return out;
}

/** Optimal-string-alignment distance: Levenshtein where swapping two neighbours costs 1 (`HOEM` -> `HOME`). */
export function typoDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (!m || !n) return m + n;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/**
 * A did-you-mean among `candidates`: same name in another case, else the closest
 * within `budget` edits (default: a third of the name, at least 1, at most 2).
 */
export function suggestName(name: string, candidates: Iterable<string>, budget?: number): string | undefined {
  const max = budget ?? Math.min(2, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    if (c.toLowerCase() === name.toLowerCase()) return c;
    const d = typoDistance(name, c);
    if (d < bestD && d <= max) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
