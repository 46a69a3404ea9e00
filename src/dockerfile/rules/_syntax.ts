/**
 * BuildKit-exact reading of one instruction, for the syntax rules DF002–DF024
 * (owned by them): the logical line (continuations joined, comment and blank
 * lines inside skipped, here-document bodies excluded), builder flags extracted
 * the way BuildKit's `extractBuilderFlags` does, and the argument splitters
 * BuildKit's parser uses per instruction (whitespace, JSON array, `parseWords`).
 * Logical offsets map back to document positions. Pure; never throws.
 */
import type { Position, Range, TextEdit, LineIndex } from '../../util/text';
import type { InstructionInfo } from '../model';
import type { Fix, RuleContext } from '../types';

/** One logical line: the text BuildKit's parser hands to the instruction parsers. */
export interface LogicalLine {
  readonly text: string;
  /** Document position of a logical offset. `end` picks the earlier piece at a piece boundary. */
  pos(offset: number, end?: boolean): Position;
  range(start: number, end: number): Range;
  /** Whitespace-only lines inside the continuation (BuildKit: "empty continuation line"). */
  readonly emptyLines: readonly number[];
}

/** A token of the logical line; offsets are logical. */
export interface Token {
  /** As written. */
  readonly raw: string;
  readonly start: number;
  readonly end: number;
}

export interface FlagToken extends Token {
  /** The word after BuildKit's quote/backslash processing, e.g. `--from=build`. */
  readonly word: string;
  /** Name without the leading `--`. */
  readonly name: string;
  /** Value after `=`, or null when there is no `=`. */
  readonly value: string | null;
  /** Logical offset where the name ends (at the `=` or the end of the word). */
  readonly nameEnd: number;
  /** Logical offset where the value starts (after the `=`), when there is one. */
  readonly valueStart: number | undefined;
}

export interface ParsedInstruction {
  readonly logical: LogicalLine;
  /** Upper-case keyword of the instruction (of the trigger for `ONBUILD X`). */
  readonly keyword: string;
  readonly keywordTok: Token;
  /** The `ONBUILD` keyword when this instruction is a trigger. */
  readonly onbuildTok: Token | undefined;
  /** Flags written between ONBUILD and its trigger (BuildKit rejects any). */
  readonly onbuildFlags: readonly FlagToken[];
  readonly flags: readonly FlagToken[];
  /** Arguments after the flags, trimmed (logical offsets). */
  readonly argsStart: number;
  readonly argsEnd: number;
  readonly args: string;
}

/** Go's unicode.IsSpace (fast path for ASCII). */
function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k === 32 || (k >= 9 && k <= 13)) return true;
  return k >= 0x85 && /\s|\u0085/.test(c);
}

const contRes = new Map<string, RegExp>();

/** Parses (once per lint) the instruction the way BuildKit's parser reads it. */
export function parseInstruction(ctx: RuleContext, info: InstructionInfo): ParsedInstruction {
  // Cached on the instruction (a fresh object per lint): cheaper than a WeakMap lookup per call.
  let p = info.syntaxCache as ParsedInstruction | undefined;
  if (!p) {
    p = parse(logicalLine(ctx.lines, info.range.start, info.range.end.line, ctx.model.escapeChar));
    info.syntaxCache = p;
  }
  return p;
}

export function escapeRe(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

const NO_LINES: readonly number[] = [];

/**
 * A logical line as pieces of document lines. The first piece is kept in fields; further pieces
 * (continuation lines) as flat (logical offset, line, character) triples. Methods on the
 * prototype: no closures per instruction.
 */
export class Logical implements LogicalLine {
  constructor(
    readonly text: string,
    private readonly line0: number,
    private readonly char0: number,
    /** Pieces after the first: logical offset, line, character. */
    private readonly more: number[] | undefined,
    readonly emptyLines: readonly number[],
  ) {}

  pos(offset: number, end = false): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const more = this.more;
    if (more === undefined) return { line: this.line0, character: this.char0 + o };
    // Piece k (k >= 1) starts at more[3(k-1)]; piece 0 at 0.
    let lo = 0;
    let hi = more.length / 3;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const at = more[3 * (mid - 1)];
      if (end ? at < o : at <= o) lo = mid;
      else hi = mid - 1;
    }
    if (lo === 0) return { line: this.line0, character: this.char0 + o };
    const k = 3 * (lo - 1);
    return { line: more[k + 1], character: more[k + 2] + (o - more[k]) };
  }

  range(s: number, en: number): Range {
    return { start: this.pos(s), end: this.pos(en, en > s) };
  }
}

/**
 * Where the continuation escape of `lineText` is (the escape character, not itself escaped,
 * followed by blanks only), or -1.
 */
export function continuationAt(lineText: string, esc: string, cont: RegExp | undefined): number {
  if (cont) {
    const m = cont.exec(lineText);
    return m ? m.index + m[1].length : -1;
  }
  let j = lineText.length;
  while (j > 0) {
    const c = lineText.charCodeAt(j - 1);
    if (c !== 32 && c !== 9) break;
    j--;
  }
  if (j === 0 || lineText[j - 1] !== esc) return -1;
  return j >= 2 && lineText[j - 2] === esc ? -1 : j - 1;
}

/**
 * The logical line that starts at `start` (BuildKit's Parse loop): a line that ends
 * with the escape character (not itself escaped) continues on the next line; comment
 * lines and whitespace-only lines in between are skipped.
 */
export function logicalLine(lines: LineIndex, start: Position, maxLine: number, escape: string): LogicalLine {
  const esc = escape || '\\';
  // A one-character escape that is not a blank is found without a regex (the regex's only match
  // is at the last non-blank character); anything else keeps the regex.
  let cont: RegExp | undefined;
  if (esc.length !== 1 || esc === ' ' || esc === '\t') {
    cont = contRes.get(esc);
    if (!cont) {
      const e = escapeRe(esc);
      cont = new RegExp(`(^|[^${e}])${e}[ \\t]*$`);
      contRes.set(esc, cont);
    }
  }
  let more: number[] | undefined;
  let emptyLines: number[] | undefined;
  let line = start.line;
  // The rest of the first line in one slice (not the whole line, then its tail).
  let lineText = restOfLine(lines, line, start.character);
  let at = continuationAt(lineText, esc, cont);
  if (at < 0) return new Logical(lineText, line, start.character, undefined, NO_LINES);
  let text = '';
  // A text ending with a line break has no real line after it (BuildKit's scanner sees none).
  const lastReal = lines.lineCount > 1 && lines.lineText(lines.lineCount - 1) === '' ? lines.lineCount - 2 : lines.lineCount - 1;
  const last = Math.min(Math.max(maxLine, line), lastReal);
  for (;;) {
    if (line !== start.line) (more ??= []).push(text.length, line, 0);
    text += at >= 0 ? lineText.slice(0, at) : lineText;
    if (at < 0) break;
    let next = -1;
    for (let l = line + 1; l <= last; l++) {
      const first = firstNonBlank(lines, l);
      if (first === 35 /* # */) continue;
      if (first === -1) {
        (emptyLines ??= []).push(l);
        continue;
      }
      next = l;
      break;
    }
    if (next < 0) break;
    line = next;
    lineText = lines.lineText(line);
    at = continuationAt(lineText, esc, cont);
  }
  return new Logical(text, start.line, start.character, more, emptyLines ?? NO_LINES);
}

/** `lines.lineText(line).slice(character)`, without the intermediate string. */
function restOfLine(lines: LineIndex, line: number, character: number): string {
  const starts = lines.starts;
  if (line < 0 || line >= starts.length) return '';
  const text = lines.text;
  const start = starts[line];
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  if (character < 0) return lines.lineText(line).slice(character);
  return start + character >= end ? '' : text.slice(start + character, end);
}

/**
 * The first character of `lines.lineText(line).trimStart()` as a char code, -1 when that is
 * empty; reads the document in place (the line's text and its trimmed copy were two strings per line).
 */
function firstNonBlank(lines: LineIndex, line: number): number {
  const starts = lines.starts;
  if (line < 0 || line >= starts.length) return -1;
  const text = lines.text;
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > starts[line] && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  for (let i = starts[line]; i < end; i++) {
    const k = text.charCodeAt(i);
    if (k === 32 || (k >= 9 && k <= 13)) continue;
    // Other white space (no-break space, U+2028…) as trimStart sees it: the rare slow path.
    if (k >= 0x80) {
      const t = text.slice(i, end).trimStart();
      return t === '' ? -1 : t.charCodeAt(0);
    }
    return k;
  }
  return -1;
}

function parse(logical: LogicalLine): ParsedInstruction {
  const text = logical.text;
  let i = 0;
  while (i < text.length && isSpace(text[i])) i++;
  const kwStart = i;
  while (i < text.length && !isSpace(text[i])) i++;
  let keywordTok: Token = { raw: text.slice(kwStart, i), start: kwStart, end: i };
  let keyword = keywordTok.raw.toUpperCase();
  let flags = scanFlags(text, i);
  let argsStart = flagsEnd;
  let onbuildTok: Token | undefined;
  let onbuildFlags = NO_FLAGS;
  if (keyword === 'ONBUILD') {
    // BuildKit: ONBUILD's rest is parsed as an instruction of its own.
    let j = argsStart;
    const tStart = j;
    while (j < text.length && !isSpace(text[j])) j++;
    if (j > tStart) {
      onbuildTok = keywordTok;
      onbuildFlags = flags;
      keywordTok = { raw: text.slice(tStart, j), start: tStart, end: j };
      keyword = keywordTok.raw.toUpperCase();
      flags = scanFlags(text, j);
      argsStart = flagsEnd;
    }
  }
  let argsEnd = text.length;
  while (argsEnd > argsStart && isSpace(text[argsEnd - 1])) argsEnd--;
  return {
    logical,
    keyword,
    keywordTok,
    onbuildTok,
    onbuildFlags,
    flags,
    argsStart,
    argsEnd,
    args: text.slice(argsStart, argsEnd),
  };
}

/** BuildKit's extractBuilderFlags: leading `--words` (quotes and `\` processed) up to the first other word or `--`. */
export function extractFlags(text: string, from: number): { flags: readonly FlagToken[]; argsStart: number } {
  const flags = scanFlags(text, from);
  return { flags, argsStart: flagsEnd };
}

/** Most instructions have no flags: they share this array (never modified). */
const NO_FLAGS: readonly FlagToken[] = [];
/** Where the arguments start after the last `scanFlags` (a result object per instruction was garbage). */
let flagsEnd = 0;

/** `extractFlags`' flags; the arguments' start is left in `flagsEnd`. */
function scanFlags(text: string, from: number): readonly FlagToken[] {
  let flags: FlagToken[] | undefined;
  let pos = from;
  for (;;) {
    while (pos < text.length && isSpace(text[pos])) pos++;
    if (pos >= text.length) {
      flagsEnd = text.length;
      return flags ?? NO_FLAGS;
    }
    if (text[pos] !== '-' || text[pos + 1] !== '-') {
      flagsEnd = pos;
      return flags ?? NO_FLAGS;
    }
    const start = pos;
    let word: string;
    let eqRaw = -1;
    // Most flags (`--mount=type=cache,target=/x`) have no quote or backslash: the word is the
    // text itself, one slice instead of a string built character by character.
    let plain = pos;
    while (plain < text.length) {
      const k = text.charCodeAt(plain);
      if (k === 34 || k === 39 || k === 92 || k === 32 || (k >= 9 && k <= 13) || k >= 0x85) break;
      if (k === 61 && eqRaw < 0) eqRaw = plain;
      plain++;
    }
    const stop = plain < text.length ? text.charCodeAt(plain) : 32;
    if (stop === 32 || (stop >= 9 && stop <= 13)) {
      word = text.slice(start, plain);
      pos = plain;
    } else {
      word = '';
      eqRaw = -1;
      let quote = '';
      for (; pos < text.length; pos++) {
        const c = text[pos];
        if (quote) {
          if (c === quote) quote = '';
          else if (c === '\\' && pos + 1 < text.length) word += text[++pos];
          else word += c;
          continue;
        }
        if (isSpace(c)) break;
        if (c === '"' || c === "'") {
          quote = c;
          continue;
        }
        if (c === '=' && eqRaw < 0) eqRaw = pos;
        if (c === '\\') {
          if (pos + 1 < text.length) word += text[++pos];
          continue;
        }
        word += c;
      }
    }
    if (word === '--') {
      flagsEnd = pos;
      return flags ?? NO_FLAGS;
    }
    const body = word.slice(2);
    const eq = body.indexOf('=');
    (flags ??= []).push({
      raw: text.slice(start, pos),
      start,
      end: pos,
      word,
      name: eq >= 0 ? body.slice(0, eq) : body,
      value: eq >= 0 ? body.slice(eq + 1) : null,
      nameEnd: eqRaw >= 0 ? eqRaw : pos,
      valueStart: eqRaw >= 0 ? eqRaw + 1 : undefined,
    });
  }
}

/** BuildKit's parseStringsWhitespaceDelimited on [start, end); only the first `max` tokens when given. */
export function splitWhitespace(text: string, start: number, end: number, max = Infinity): Token[] {
  // A character loop: no regex state and no copy of the text up to `end` per call.
  const out: Token[] = [];
  let i = start;
  for (;;) {
    while (i < end && isWhitespaceDelimiter(text.charCodeAt(i))) i++;
    if (i >= end) return out;
    const s = i;
    while (i < end && !isWhitespaceDelimiter(text.charCodeAt(i))) i++;
    out.push({ raw: text.slice(s, i), start: s, end: i });
    if (out.length >= max) return out;
  }
}

/** The separators of parseStringsWhitespaceDelimited: tab, vertical tab, form feed, carriage return, space (not line feed). */
function isWhitespaceDelimiter(k: number): boolean {
  return k === 32 || k === 9 || k === 11 || k === 12 || k === 13;
}

export interface JsonArray {
  readonly values: string[];
  /** Each element's string literal (quotes included). */
  readonly elems: Token[];
  readonly open: number;
  readonly close: number;
}

/**
 * BuildKit's parseJSON on [start, end): a JSON array of strings, 'strings' when it
 * is a JSON array with other values (a parse error), or undefined (not JSON: shell form).
 */
export function jsonArray(text: string, start: number, end: number): JsonArray | 'not-strings' | undefined {
  let s = start;
  while (s < end && isSpace(text[s])) s++;
  if (text[s] !== '[') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(s, end));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  if (!parsed.every((v) => typeof v === 'string')) return 'not-strings';
  const elems: Token[] = [];
  let close = end - 1;
  for (let i = s + 1; i < end; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < end && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      elems.push({ raw: text.slice(i, j + 1), start: i, end: j + 1 });
      i = j;
    } else if (c === ']') {
      close = i;
      break;
    }
  }
  return { values: parsed as string[], elems, open: s, close };
}

/**
 * BuildKit's parseWords (ENV, LABEL, ARG): words separated by whitespace outside
 * quotes; the escape character keeps the next character in the word. Quotes stay.
 * An unterminated quote runs to the end. Only the first `max` words when given.
 */
export function parseWords(text: string, start: number, end: number, escape: string, max = Infinity): Token[] {
  const out: Token[] = [];
  let i = start;
  while (i < end && out.length < max) {
    while (i < end && isSpace(text[i])) i++;
    if (i >= end) break;
    const ws = i;
    let quote = '';
    for (; i < end; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === escape && quote !== "'") i++;
        continue;
      }
      if (isSpace(c)) break;
      if (c === '"' || c === "'") quote = c;
      else if (c === escape) i++;
    }
    i = Math.min(i, end);
    out.push({ raw: text.slice(ws, i), start: ws, end: i });
  }
  return out;
}

/** Problems BuildKit's word expansion (shlex) reports, with logical offsets. */
export interface LexProblem {
  readonly kind: 'quote' | 'substitution';
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface LexResult {
  /** The expanded value (undefined when expansion failed or used an unsupported form). */
  readonly value: string | undefined;
  readonly problems: LexProblem[];
  /** Variable names referenced. */
  readonly vars: string[];
  /** A `${x/a/b}`, `${x#p}` or `${x%p}` form we do not evaluate. */
  readonly unevaluated: boolean;
}

/**
 * Whether `lex` on [start, end) can report a problem: every problem comes from a quote or a `$`.
 * Lets a rule that only wants the problems skip the lexer (and its allocations) on plain words.
 */
export function mayHaveLexProblems(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const k = text.charCodeAt(i);
    if (k === 36 /* $ */ || k === 34 /* " */ || k === 39 /* ' */) return true;
  }
  return false;
}

/**
 * BuildKit's shell lexer (frontend/dockerfile/shell/lex.go) on [start, end): quote
 * removal, escapes, `$x`, `${x}`, `${x:-w}`, `${x-w}`, `${x:+w}`, `${x+w}`, `${x?w}`,
 * `${x:?w}`; `#`, `%`, `/` forms are accepted but not evaluated. `env` maps names to
 * values (absent = unset).
 */
export function lex(text: string, start: number, end: number, escape: string, env?: ReadonlyMap<string, string>): LexResult {
  const problems: LexProblem[] = [];
  const vars: string[] = [];
  let unevaluated = false;
  let i = start;
  const get = (name: string): string | undefined => env?.get(name);

  const closeBrace = (from: number): number => {
    const j = text.indexOf('}', from);
    return j >= 0 && j < end ? j + 1 : Math.min(from + 1, end);
  };

  // Reads until `stop` (or end). Returns undefined on error.
  const until = (stop: string | undefined): string | undefined => {
    let out = '';
    while (i < end) {
      const c = text[i];
      if (stop !== undefined && c === stop) {
        i++;
        return out;
      }
      if (c === "'") {
        const qs = i;
        const j = text.indexOf("'", i + 1);
        if (j < 0 || j >= end) {
          problems.push({ kind: 'quote', message: 'unterminated single quote', start: qs, end });
          i = end;
          return undefined;
        }
        out += text.slice(i + 1, j);
        i = j + 1;
      } else if (c === '"') {
        const qs = i;
        i++;
        let closed = false;
        while (i < end) {
          const d = text[i];
          if (d === '"') {
            i++;
            closed = true;
            break;
          }
          if (d === '$') {
            const v = dollar();
            if (v === undefined) return undefined;
            out += v;
            continue;
          }
          if (d === escape) {
            if (i + 1 < end && (text[i + 1] === '"' || text[i + 1] === '$' || text[i + 1] === escape)) i++;
            out += text[i];
            i++;
            continue;
          }
          // A run of ordinary characters inside the quotes, as one slice.
          const s = i;
          i++;
          while (i < end) {
            const e = text[i];
            if (e === '"' || e === '$' || e === escape) break;
            i++;
          }
          out += text.slice(s, i);
        }
        if (!closed) {
          problems.push({ kind: 'quote', message: 'unterminated double quote', start: qs, end });
          return undefined;
        }
      } else if (c === '$') {
        const v = dollar();
        if (v === undefined) return undefined;
        out += v;
      } else if (c === escape) {
        i++;
        if (i < end) out += text[i++];
      } else {
        // A run of ordinary characters is appended as one slice, not one by one.
        const s = i;
        i++;
        while (i < end) {
          const d = text[i];
          if (d === stop || d === "'" || d === '"' || d === '$' || d === escape) break;
          i++;
        }
        out += text.slice(s, i);
      }
    }
    if (stop !== undefined) return undefined; // caller reports the missing stop
    return out;
  };

  const name = (): string => {
    const s = i;
    const digit = (k: number): boolean => k >= 48 && k <= 57;
    if (i < end && digit(text.charCodeAt(i))) {
      while (i < end && digit(text.charCodeAt(i))) i++;
      return text.slice(s, i);
    }
    if (i < end && '@*#?-$!0'.includes(text[i])) return text[i++];
    while (i < end) {
      const k = text.charCodeAt(i);
      const ok = digit(k) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || k === 95 || (k > 127 && /[\p{L}\p{N}]/u.test(text[i]));
      if (!ok) break;
      i++;
    }
    return text.slice(s, i);
  };

  const dollar = (): string | undefined => {
    const ds = i;
    i++; // $
    if (text[i] !== '{' || i >= end) {
      const n = name();
      if (!n) return '$';
      vars.push(n);
      return get(n) ?? '';
    }
    i++; // {
    if (i >= end) {
      problems.push({ kind: 'substitution', message: "missing '}'", start: ds, end });
      return undefined;
    }
    if (text[i] === '{' || text[i] === '}' || text[i] === ':') {
      problems.push({ kind: 'substitution', message: 'bad substitution', start: ds, end: closeBrace(i) });
      return undefined;
    }
    const n = name();
    vars.push(n);
    if (i >= end) {
      problems.push({ kind: 'substitution', message: "missing '}'", start: ds, end });
      return undefined;
    }
    let ch = text[i++];
    let mod = ch;
    let nullIsUnset = false;
    if (ch === '}') return get(n) ?? '';
    if (ch === ':') {
      nullIsUnset = true;
      ch = i < end ? text[i++] : '';
      mod += ch;
      if (ch === '#' || ch === '%' || !'+-?'.includes(ch) || ch === '') {
        problems.push({ kind: 'substitution', message: `unsupported modifier (${mod}) in substitution`, start: ds, end: closeBrace(i) });
        return undefined;
      }
    }
    if ('+-?#%'.includes(ch)) {
      const w = until('}');
      if (w === undefined) {
        if (!problems.length) problems.push({ kind: 'substitution', message: "missing '}'", start: ds, end });
        return undefined;
      }
      const v = get(n);
      const unset = v === undefined || (nullIsUnset && v === '');
      switch (ch) {
        case '-':
          return unset ? w : v;
        case '+':
          return unset ? '' : w;
        case '?':
          if (unset) unevaluated = true; // the build fails with the message: only known with real values
          return v ?? '';
        default:
          unevaluated = true;
          return v ?? '';
      }
    }
    if (ch === '/') {
      unevaluated = true;
      const s1 = until('/');
      const s2 = s1 === undefined ? undefined : until('}');
      if (s2 === undefined) {
        if (!problems.length) problems.push({ kind: 'substitution', message: "missing '}'", start: ds, end });
        return undefined;
      }
      return get(n) ?? '';
    }
    problems.push({ kind: 'substitution', message: `unsupported modifier (${mod}) in substitution`, start: ds, end: closeBrace(i - 1) });
    return undefined;
  };

  const value = until(undefined);
  return { value: problems.length ? undefined : value, problems, vars, unevaluated };
}

/**
 * Deletes a token with the blanks before it (or after it when it starts the line's
 * content). When the token is alone on a continuation line (only indentation and the
 * escape character would remain), the whole line goes. Continuations stay intact.
 */
export function deleteToken(lines: LineIndex, r: Range, escape = '\\'): TextEdit {
  const lt = lines.lineText(r.start.line);
  if (r.start.line === r.end.line && r.start.line + 1 < lines.lineCount) {
    const rest = lt.slice(0, r.start.character) + lt.slice(r.end.character);
    const trimmed = rest.trim();
    if (trimmed === escape && lt.slice(0, r.start.character).trim() === '') {
      return { range: { start: { line: r.start.line, character: 0 }, end: { line: r.start.line + 1, character: 0 } }, newText: '' };
    }
  }
  let s = r.start.character;
  while (s > 0 && (lt[s - 1] === ' ' || lt[s - 1] === '\t')) s--;
  if (s > 0 && s < r.start.character) return { range: { start: { line: r.start.line, character: s }, end: r.end }, newText: '' };
  const endText = lines.lineText(r.end.line);
  let e = r.end.character;
  while (e < endText.length && (endText[e] === ' ' || endText[e] === '\t')) e++;
  return { range: { start: r.start, end: { line: r.end.line, character: e } }, newText: '' };
}

/** Upper- or lower-case `AS` to match how FROM is written (BuildKit FromAsCasing). */
export function asKeyword(fromKeyword: string): string {
  return fromKeyword === fromKeyword.toLowerCase() ? 'as' : 'AS';
}

/** BuildKit's stage name rule (after lowercasing). */
export const VALID_STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export type FlagType = 'bool' | 'string' | 'strings';

/**
 * The flags BuildKit's instruction parsers define (dockerfile frontend 1.x, labs
 * flags included). Instructions listed with no flags still parse flags and reject
 * any; instructions not listed (ARG, STOPSIGNAL, HEALTHCHECK NONE) ignore them.
 */
export const KNOWN_FLAGS: Readonly<Record<string, Readonly<Record<string, FlagType>>>> = {
  FROM: { platform: 'string' },
  COPY: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'strings' },
  ADD: { chown: 'string', chmod: 'string', link: 'bool', 'keep-git-dir': 'bool', checksum: 'string', exclude: 'strings', unpack: 'bool' },
  RUN: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  HEALTHCHECK: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
  ENV: {},
  LABEL: {},
  MAINTAINER: {},
  ONBUILD: {},
  WORKDIR: {},
  CMD: {},
  ENTRYPOINT: {},
  EXPOSE: {},
  USER: {},
  VOLUME: {},
  SHELL: {},
};

/** The flags BuildKit validates on this instruction, or undefined when it ignores them. */
export function flagSpec(p: ParsedInstruction): Readonly<Record<string, FlagType>> | undefined {
  if (p.keyword === 'HEALTHCHECK' && /^NONE(\s|$)/i.test(p.args)) return undefined;
  return Object.prototype.hasOwnProperty.call(KNOWN_FLAGS, p.keyword) ? KNOWN_FLAGS[p.keyword] : undefined;
}

export interface QuotedElem extends Token {
  readonly value: string;
  readonly single: boolean;
}

/**
 * A JSON-looking array written with single quotes, e.g. `['sh', '-c']` (not JSON, so
 * BuildKit treats it as shell form). Undefined unless [start, end) is exactly a
 * bracketed, comma-separated list of quoted strings with at least one single-quoted one.
 */
export function singleQuotedArray(text: string, start: number, end: number): { values: string[]; elems: QuotedElem[] } | undefined {
  let i = start;
  const ws = (): void => {
    while (i < end && isSpace(text[i])) i++;
  };
  ws();
  if (text[i] !== '[') return undefined;
  i++;
  const elems: QuotedElem[] = [];
  ws();
  if (text[i] === ']') return undefined;
  for (;;) {
    const q = text[i];
    if (q !== "'" && q !== '"') return undefined;
    const s = i;
    let value = '';
    i++;
    for (; i < end && text[i] !== q; i++) {
      if (text[i] === '\\' && i + 1 < end) {
        const n = text[i + 1];
        if (n === q || n === '\\') {
          value += n;
          i++;
          continue;
        }
        if (q === '"') {
          // keep JSON escapes as JSON would read them
          try {
            value += JSON.parse(`"\\${n}"`) as string;
            i++;
            continue;
          } catch {
            return undefined;
          }
        }
      }
      value += text[i];
    }
    if (i >= end) return undefined;
    i++;
    elems.push({ raw: text.slice(s, i), start: s, end: i, value, single: q === "'" });
    ws();
    if (text[i] === ',') {
      i++;
      ws();
      continue;
    }
    if (text[i] === ']') {
      i++;
      break;
    }
    return undefined;
  }
  ws();
  if (i !== end || !elems.some((e) => e.single)) return undefined;
  return { values: elems.map((e) => e.value), elems };
}

/** Dockerfiles have no inline comments: a `#` inside an instruction is an argument. */
export function isInlineComment(word: string): boolean {
  return word.startsWith('#');
}

/**
 * A fix that moves an inline `# comment` (logical offset `start` to the end of the
 * arguments) to its own line above the instruction. Undefined when the comment spans lines.
 */
export function moveCommentFix(lines: LineIndex, p: ParsedInstruction, instructionStart: Position, start: number): Fix | undefined {
  const text = p.logical.text;
  const r = p.logical.range(start, p.argsEnd);
  if (r.start.line !== r.end.line) return undefined;
  let s = start;
  while (s > 0 && isSpace(text[s - 1])) s--;
  const indent = /^[ \t]*/.exec(lines.lineText(instructionStart.line))![0];
  const at = { line: instructionStart.line, character: 0 };
  return {
    title: 'Move the comment to its own line',
    edits: [
      { range: { start: at, end: at }, newText: `${indent}${text.slice(start, p.argsEnd)}${lines.eol}` },
      { range: p.logical.range(s, p.argsEnd), newText: '' },
    ],
  };
}
