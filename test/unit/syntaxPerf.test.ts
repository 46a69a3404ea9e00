/**
 * The character-loop forms of `_syntax.ts` helpers (flags sliced when plain, whitespace split
 * without a regex, runs of ordinary characters appended as slices in `lex`) must give exactly
 * what the code they replace gave: the old code is kept here and both run on the corpus's
 * instruction texts and on seeded random strings of the characters the helpers care about.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex, type Position } from '../../src/util/text';
// The unchanged pieces the replaced logicalLine builds on (the result class, the continuation test).
import { continuationAt, escapeRe, Logical, extractFlags, lex, logicalLine, mayHaveLexProblems, parseWords, splitWhitespace, type LogicalLine, type FlagToken, type LexProblem, type LexResult, type Token } from '../../src/dockerfile/rules/_syntax';

const corpus = process.env.DOCKYARD_CORPUS ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

// ---- the replaced implementations, verbatim ----
function isSpace(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  if (k === 32 || (k >= 9 && k <= 13)) return true;
  return k >= 0x85 && /\s|\u0085/.test(c);
}

function oldExtractFlags(text: string, from: number): { flags: FlagToken[]; argsStart: number } {
  const flags: FlagToken[] = [];
  let pos = from;
  for (;;) {
    while (pos < text.length && isSpace(text[pos])) pos++;
    if (pos >= text.length) return { flags, argsStart: text.length };
    if (text[pos] !== '-' || text[pos + 1] !== '-') return { flags, argsStart: pos };
    const start = pos;
    let word = '';
    let quote = '';
    let eqRaw = -1;
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
    if (word === '--') return { flags, argsStart: pos };
    const body = word.slice(2);
    const eq = body.indexOf('=');
    flags.push({
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

function oldSplitWhitespace(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const re = /[^\t\v\f\r ]+/g;
  re.lastIndex = start;
  const slice = text.slice(0, end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice))) out.push({ raw: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

function oldLex(text: string, start: number, end: number, escape: string, env?: ReadonlyMap<string, string>): LexResult {
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
          if (d === escape && i + 1 < end && (text[i + 1] === '"' || text[i + 1] === '$' || text[i + 1] === escape)) i++;
          out += text[i];
          i++;
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
        out += c;
        i++;
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

const contRes = new Map<string, RegExp>();

const NO_LINES: readonly number[] = [];

/**
 * The logical line that starts at `start` (BuildKit's Parse loop): a line that ends
 * with the escape character (not itself escaped) continues on the next line; comment
 * lines and whitespace-only lines in between are skipped.
 */
function oldLogicalLine(lines: LineIndex, start: Position, maxLine: number, escape: string): LogicalLine {
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
  let lineText = lines.lineText(line).slice(start.character);
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
      const raw = lines.lineText(l);
      const trimmed = raw.trimStart();
      if (trimmed.startsWith('#')) continue;
      if (trimmed === '') {
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

// ---- inputs ----

function corpusDocs(): string[] {
  const dir = join(corpus, 'dockerfiles');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.md') && !f.endsWith('.tsv'))
    .slice(0, 150)
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

function corpusLines(): string[] {
  const dir = join(corpus, 'dockerfiles');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.md') || f.endsWith('.tsv')) continue;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) out.push(line);
  }
  return out;
}

const ALPHABET = ['-', '-', '-', '=', '"', "'", '\\', '`', '$', '{', '}', ':', '+', '?', '#', '%', '/', ' ', '\t', '\r', '\n', '\v', 'a', 'b', 'Z', '_', '1', '\u00a0', '\u2028', 'é', ','];

function randomStrings(n: number): string[] {
  let seed = 12345;
  const rnd = (k: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = rnd(3) === 0 ? '--' : '';
    const len = rnd(40);
    for (let j = 0; j < len; j++) s += ALPHABET[rnd(ALPHABET.length)];
    out.push(s);
  }
  return out;
}

const inputs = [...corpusLines(), ...randomStrings(5000)];

describe('_syntax helpers: equal to the implementations they replace', () => {
  it('logicalLine', () => {
    const docs = [...corpusDocs(), ...randomStrings(3000).map((t) => t.replace(/--/g, '\\\n'))];
    for (const doc of docs) {
      const lines = new LineIndex(doc);
      for (let l = 0; l < lines.lineCount; l++) {
        for (const ch of [0, 1, 4]) {
          for (const esc of ['\\', '`']) {
            const start = { line: l, character: ch };
            const a = logicalLine(lines, start, lines.lineCount, esc);
            const b = oldLogicalLine(lines, start, lines.lineCount, esc);
            assert.equal(a.text, b.text);
            assert.deepEqual(a.emptyLines, b.emptyLines);
            for (let o = 0; o <= a.text.length; o += 3) assert.deepEqual(a.range(o, a.text.length), b.range(o, b.text.length));
          }
        }
      }
    }
  });
  it('extractFlags', () => {
    for (const t of inputs) {
      for (const from of [0, Math.min(3, t.length)]) {
        const a = extractFlags(t, from) as { flags: FlagToken[]; argsStart: number };
        const b = oldExtractFlags(t, from);
        assert.deepEqual(a, b, JSON.stringify(t));
      }
    }
  });
  it('splitWhitespace', () => {
    for (const t of inputs) {
      for (const [s, e] of [[0, t.length], [Math.min(2, t.length), Math.max(0, t.length - 3)], [Math.min(5, t.length), Math.min(2, t.length)]]) {
        assert.deepEqual(splitWhitespace(t, s, e) as Token[], oldSplitWhitespace(t, s, e), JSON.stringify([t, s, e]));
      }
    }
  });
  it('splitWhitespace and parseWords with `max` give the first words of the full split', () => {
    for (const t of inputs) {
      const all = splitWhitespace(t, 0, t.length);
      for (const esc of ['\\', '`']) {
        const words = parseWords(t, 0, t.length, esc);
        for (const max of [1, 2, 3]) {
          assert.deepEqual(parseWords(t, 0, t.length, esc, max), words.slice(0, max), JSON.stringify(t));
        }
      }
      for (const max of [1, 2, 3]) assert.deepEqual(splitWhitespace(t, 0, t.length, max), all.slice(0, max), JSON.stringify(t));
    }
  });
  it('mayHaveLexProblems is false only where lex reports no problem', () => {
    for (const t of inputs) {
      for (const esc of ['\\', '`']) {
        if (!mayHaveLexProblems(t, 0, t.length)) assert.deepEqual(lex(t, 0, t.length, esc).problems, [], JSON.stringify(t));
      }
    }
  });
  it('lex', () => {
    const env = new Map([['a', 'x'], ['b', ''], ['Z', 'zz']]);
    for (const t of inputs) {
      for (const esc of ['\\', '`']) {
        for (const [s, e] of [[0, t.length], [Math.min(1, t.length), Math.max(0, t.length - 2)]]) {
          const a: LexResult = lex(t, s, e, esc, env);
          assert.deepEqual(a, oldLex(t, s, e, esc, env), JSON.stringify([t, s, e, esc]));
          assert.deepEqual(lex(t, s, e, esc), oldLex(t, s, e, esc), JSON.stringify([t, s, e, esc]));
        }
      }
    }
  });
});
