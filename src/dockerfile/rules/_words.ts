/**
 * The argument words of path-like instructions (COPY, ADD, WORKDIR…) with their
 * document ranges, the way BuildKit splits them: a JSON array is exec form,
 * otherwise whitespace-separated words (quotes are removed later, by expansion).
 * Here-document bodies are not arguments. Shared by DF040, DF044, DF049, DF051,
 * DF052. Pure.
 */
import type { Flag, Instruction, ModifiableInstruction } from 'dockerfile-ast';
import type { LineIndex, Range } from '../../util/text';
import { execFormArgs } from '../shell/extract';

export interface ArgWord {
  /** As written (quotes included; for exec form, the JSON literal). */
  readonly raw: string;
  /** Surrounding quotes removed, escapes kept (`"C:\x"` -> `C:\x`). */
  readonly bare: string;
  /** After quote removal and unescaping, as BuildKit sees it (variables kept). */
  readonly value: string;
  readonly range: Range;
}

/** Removes one pair of surrounding quotes. */
export function stripQuotes(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

/** Quote removal and unescaping of one word (BuildKit's lexer without expansion). */
export function unquote(raw: string, escape = '\\'): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) return out + raw.slice(i + 1);
      out += raw.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < raw.length && raw[j] !== '"'; j++) {
        if (raw[j] === escape && (raw[j + 1] === '"' || raw[j + 1] === '$' || raw[j + 1] === escape)) j++;
        out += raw[j];
      }
      i = j;
    } else if (c === escape && i + 1 < raw.length) {
      out += raw[++i];
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Non-flag arguments of COPY/ADD (or any instruction whose flags dockerfile-ast
 * separates), exec form included; here-document bodies dropped. Words are split
 * on blanks outside quotes (like hadolint; BuildKit splits inside quotes too, which
 * only breaks such Dockerfiles), line continuations joined.
 */
export function argWords(node: Instruction, escape: string, lines: LineIndex): ArgWord[] {
  // Several rules ask for the same instruction's words in one lint: computed once per instruction,
  // escape character and text (words are never modified; each caller gets its own array).
  const hit = argWordsCache.get(node);
  if (hit && hit.escape === escape && hit.lines === lines) return hit.words.slice();
  const words = computeArgWords(node, escape, lines);
  argWordsCache.set(node, { escape, lines, words });
  return words.slice();
}

const argWordsCache = new WeakMap<Instruction, { readonly escape: string; readonly lines: LineIndex; readonly words: readonly ArgWord[] }>();

function computeArgWords(node: Instruction, escape: string, lines: LineIndex): ArgWord[] {
  const exec = execFormArgs(node, escape);
  if (exec) {
    return exec.map((a) => ({ raw: lines.textOf(a.range), bare: a.value, value: a.value, range: a.range }));
  }
  const args = node.getArguments();
  if (!args.length) return [];
  const text = lines.text;
  let i = lines.offsetAt(args[0].getRange().start);
  const end = lines.offsetAt(node.getRange().end);
  const out: ArgWord[] = [];
  let heredocLine = -1;
  const isBlank = (c: string): boolean => c === ' ' || c === '\t';
  const continuation = (k: number): number => {
    if (text[k] !== escape) return 0;
    let j = k + 1;
    while (j < end && isBlank(text[j])) j++;
    if (text[j] === '\r' && text[j + 1] === '\n') return j + 2 - k;
    if (text[j] === '\n' || text[j] === '\r') return j + 1 - k;
    return 0;
  };
  const skipJunkLines = (k: number): number => {
    // comment and blank lines inside a continuation are dropped
    for (;;) {
      let j = k;
      while (j < end && isBlank(text[j])) j++;
      if (text[j] === '#' || text[j] === '\n' || text[j] === '\r') {
        if (text[j] === '#') while (j < end && text[j] !== '\n' && text[j] !== '\r') j++;
        if (text[j] === '\r' && text[j + 1] === '\n') j++;
        if (j >= end) return end;
        k = j + 1;
        continue;
      }
      return k;
    }
  };
  while (i < end) {
    const c = text[i];
    const cont = continuation(i);
    if (cont) {
      i = skipJunkLines(i + cont);
      continue;
    }
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') break;
    const start = i;
    let quote = '';
    while (i < end) {
      const ch = text[i];
      if (quote) {
        if (ch === quote) quote = '';
        else if (ch === escape && quote === '"' && i + 1 < end && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
        i++;
        continue;
      }
      const k = continuation(i);
      if (k) {
        i = skipJunkLines(i + k);
        continue;
      }
      if (isBlank(ch) || ch === '\n' || ch === '\r') break;
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === escape && i + 1 < end) i++;
      i++;
    }
    const range = lines.rangeOf(start, i);
    if (heredocLine >= 0 && range.start.line > heredocLine) break;
    const piece = text.slice(start, i);
    // Continuations need a line break: most words have none (no regex then).
    const raw = piece.includes('\n') ? piece.replace(escape === '\\' ? CONT_BACKSLASH : CONT_BACKTICK, '') : piece;
    if (/^\d*<<-?\S/.test(raw)) heredocLine = range.end.line;
    out.push({ raw, bare: stripQuotes(raw), value: unquote(raw, escape), range });
  }
  return out;
}

const CONT_BACKSLASH = /\\[ \t]*\r?\n[ \t]*/g;
const CONT_BACKTICK = /`[ \t]*\r?\n[ \t]*/g;

/** Whether the word is a here-document marker (`<<EOF`, `<<-"EOF"`). */
export function isHeredocWord(w: ArgWord): boolean {
  return /^\d*<<-?\S/.test(w.raw);
}

/** The flags of an instruction that has any (FROM, COPY, ADD, RUN, HEALTHCHECK…), else []. */
export function flagsOf(node: Instruction): Flag[] {
  const f = (node as Partial<ModifiableInstruction>).getFlags;
  return typeof f === 'function' ? f.call(node) : [];
}

/** The last flag with this name (case-insensitive), if any. */
export function flagOf(node: Instruction, name: string): Flag | undefined {
  const all = flagsOf(node);
  for (let k = all.length - 1; k >= 0; k--) if (all[k].getName().toLowerCase() === name) return all[k];
  return undefined;
}
