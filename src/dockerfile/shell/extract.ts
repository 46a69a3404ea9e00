/**
 * From dockerfile-ast instructions to the shell scripts BuildKit hands to the
 * shell, with offsets mapped back to the document.
 *
 * Call `scriptsOf` only when the stage's current SHELL is POSIX (see
 * `isPosixShell`): with `SHELL ["powershell", …]` or `["cmd", "/S", "/C"]` the
 * RUN text is not sh and must not be parsed as such.
 *
 * BuildKit semantics reproduced here: an escaped newline (escape char + optional
 * blanks at the end of a line) is removed, and so are comment lines and blank
 * lines inside the continuation; flags (`--mount=…`) before the command are not
 * part of the script; a JSON array is exec form (no shell); `RUN <<EOF` alone runs
 * the here-document body with the shell, while any other command line with
 * here-documents (`RUN python3 <<EOF`, `RUN <<A <<B`) is run as
 * "line + \n + body + delimiter…" by the shell.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { commandName, parseArgs } from './args';
import { parseShell } from './parse';
import { ScriptTextBuilder, documentRange } from './source';
import type { ScriptSource } from './types';

/** One string of an exec-form (JSON array) instruction. */
export interface ExecArg {
  /** The decoded string. */
  readonly value: string;
  /** The string literal, quotes included. */
  readonly range: Range;
  /** Inside the quotes. */
  readonly valueRange: Range;
}

/** How an instruction's command is written. */
export type CommandForm = 'shell' | 'exec' | 'heredoc' | 'none';

interface RawLine {
  readonly text: string;
  readonly line: number;
  readonly character: number;
}

interface Analysis {
  /** The escape character it was computed with. */
  readonly esc: string;
  /** The effective keyword (the trigger's for ONBUILD), upper case. */
  readonly keyword: string;
  readonly onbuild: boolean;
  /** The instruction's text and the document position of its first character. */
  readonly raw: string;
  readonly line: number;
  readonly character: number;
  /** Index of the first raw line after the logical line. */
  readonly next: number;
  readonly logical: ScriptTextBuilder;
  /** The command part (after keyword, flags, HEALTHCHECK `CMD`), trimmed. Undefined: none. */
  readonly restStart?: number;
  readonly restEnd?: number;
  /** Computed on demand: the raw lines (here-documents only), `rest`, scripts, JSON value. */
  lines?: RawLine[];
  rest?: string;
  scripts?: ScriptSource[];
  /** `NOT_JSON` when `rest` is not JSON; undefined: not parsed yet. */
  json?: unknown;
  /** An analysis of the same instruction for the other escape character. */
  other?: Analysis;
}

const NOT_JSON = Symbol('not JSON');

const COMMAND_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh', 'pdksh', 'yash', 'posh', 'hush', 'busybox']);
const NON_POSIX_SHELLS = new Set(['powershell', 'pwsh', 'cmd', 'fish', 'nu', 'elvish', 'xonsh', 'csh', 'tcsh']);
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

/**
 * The shell scripts of a RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD instruction
 * (also as an ONBUILD trigger) in shell form: a 'shell' source for the command
 * line and 'heredoc' sources for here-document bodies run by a shell. Exec form,
 * other instructions and `HEALTHCHECK NONE` give `[]`.
 *
 * Only meaningful when the current SHELL is POSIX (`isPosixShell`).
 * `escapeChar` is the Dockerfile's escape character (`\` or `` ` ``); by default
 * the one dockerfile-ast parsed the instruction with.
 */
export function scriptsOf(instruction: Instruction, escapeChar?: string): ScriptSource[] {
  // Kept on the analysis (per instruction and escape character); sources are immutable,
  // and parseShell caches per source.
  const a = analyse(instruction, escapeChar);
  return (a.scripts ??= computeScripts(a)).slice();
}

function computeScripts(a: Analysis): ScriptSource[] {
  if (!COMMAND_KEYWORDS.has(a.keyword) || a.restStart === undefined || a.restEnd === undefined) return [];
  const rest = restOf(a);
  if (rest.length === 0 || isJsonForm(a)) return [];
  if (a.keyword === 'RUN' && !a.onbuild) {
    const docs = heredocWords(rest);
    if (docs.length > 0) return heredocScripts(a, rest, docs);
  }
  return [a.logical.build('shell', a.restStart, a.restEnd)];
}

/** How the instruction's command is written ('none' for other instructions). */
export function commandForm(instruction: Instruction, escapeChar?: string): CommandForm {
  const a = analyse(instruction, escapeChar);
  if (!COMMAND_KEYWORDS.has(a.keyword) || a.restStart === undefined || a.restEnd === undefined) return 'none';
  const rest = restOf(a);
  if (rest.length === 0) return 'none';
  if (isJsonForm(a)) return 'exec';
  if (a.keyword === 'RUN' && !a.onbuild && heredocWords(rest).length > 0) return 'heredoc';
  return 'shell';
}

/**
 * The strings of an instruction written as a valid JSON string array (exec form of
 * RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD, SHELL, and any other instruction's
 * arguments after its flags), with their document ranges; undefined otherwise.
 */
export function execFormArgs(instruction: Instruction, escapeChar?: string): ExecArg[] | undefined {
  const a = analyse(instruction, escapeChar);
  if (a.restStart === undefined || a.restEnd === undefined) return undefined;
  const rest = restOf(a);
  const values = jsonStrings(a);
  if (!values) return undefined;
  const src = a.logical.build('shell', a.restStart, a.restEnd);
  const out: ExecArg[] = [];
  let k = 0;
  for (let i = 0; i < rest.length && k < values.length; i++) {
    if (rest[i] !== '"') continue;
    let j = i + 1;
    while (j < rest.length && rest[j] !== '"') j += rest[j] === '\\' ? 2 : 1;
    out.push({
      value: values[k++],
      range: documentRange(src, i, j + 1),
      valueRange: documentRange(src, i + 1, j),
    });
    i = j;
  }
  return out.length === values.length ? out : undefined;
}

/**
 * Whether a SHELL (its JSON strings) runs POSIX sh syntax. `undefined` (no SHELL
 * instruction: `/bin/sh -c`) is POSIX. PowerShell, cmd, fish, csh… are not;
 * wrappers such as `/usr/bin/env bash` are looked through. Unknown programs are
 * assumed POSIX.
 */
export function isPosixShell(shellJson: readonly string[] | undefined): boolean {
  const name = shellName(shellJson);
  if (name === undefined) return true;
  if (NON_POSIX_SHELLS.has(name)) return false;
  return true;
}

/**
 * The base name of the program a SHELL runs, lower case, without `.exe`
 * (`bash` for `["/usr/bin/env", "bash", "-c"]`); undefined when there is no SHELL.
 */
export function shellName(shellJson: readonly string[] | undefined): string | undefined {
  if (!shellJson || shellJson.length === 0) return undefined;
  let i = 0;
  let name = programName(shellJson[0]);
  if (name === 'env') {
    i = 1;
    while (i < shellJson.length && (shellJson[i].startsWith('-') || /^[A-Za-z_]\w*=/.test(shellJson[i]))) i++;
    if (i < shellJson.length) name = programName(shellJson[i]);
  }
  if (name === 'busybox' && i + 1 < shellJson.length) name = programName(shellJson[i + 1]);
  return name;
}

/** Whether the program (a path or a name) is a POSIX-like shell (`/bin/bash`, `sh`, `ash`…). */
export function isPosixShellProgram(program: string): boolean {
  return POSIX_SHELLS.has(programName(program));
}

function programName(p: string): string {
  const base = p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1).toLowerCase();
  return base.endsWith('.exe') ? base.slice(0, -4) : base;
}

// ------------------------------------------------------------------ analysis

function escapeOf(instruction: Instruction, escapeChar: string | undefined): string {
  if (escapeChar === '\\' || escapeChar === '`') return escapeChar;
  const own = (instruction as unknown as { escapeChar?: unknown }).escapeChar;
  return own === '`' ? '`' : '\\';
}

/** The raw lines of the instruction (computed for here-documents only). */
function linesOf(a: Analysis): RawLine[] {
  if (a.lines) return a.lines;
  const text = a.raw;
  const out: RawLine[] = [];
  let i = 0;
  let line = a.line;
  let character = a.character;
  for (;;) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    out.push({ text: text.slice(i, j), line, character });
    if (j >= text.length) break;
    i = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    line++;
    character = 0;
  }
  return (a.lines = out);
}

/** The command part's text (`restStart`..`restEnd` of the logical line). */
function restOf(a: Analysis): string {
  return (a.rest ??= a.logical.value.slice(a.restStart, a.restEnd));
}

/**
 * Per instruction (instructions are immutable), in a symbol-keyed field of the instruction: a
 * WeakMap entry per instruction cost about ten times more (adding keys to a WeakMap is slow, and
 * every lint adds hundreds). The other escape character's analysis hangs off it.
 */
const ANALYSIS: unique symbol = Symbol('shell analysis');
type WithAnalysis = { [ANALYSIS]?: Analysis };

function analyse(instruction: Instruction, escapeChar: string | undefined): Analysis {
  const esc = escapeOf(instruction, escapeChar);
  const a = (instruction as unknown as WithAnalysis)[ANALYSIS];
  if (a === undefined) {
    const r = analyseUncached(instruction, esc);
    (instruction as unknown as WithAnalysis)[ANALYSIS] = r;
    return r;
  }
  if (a.esc === esc) return a;
  return (a.other ??= analyseUncached(instruction, esc));
}

function analyseUncached(instruction: Instruction, esc: string): Analysis {
  const raw = instruction.getTextContent();
  const origin = instruction.getRange().start;
  const logical = new ScriptTextBuilder();
  const escCode = esc.charCodeAt(0);
  const n = raw.length;
  // The logical line: raw lines joined at escaped newlines, skipping blank and comment lines
  // inside the continuation (BuildKit). Walks the text without splitting it into lines.
  let i = 0;
  let index = 0;
  let line = origin.line;
  let character = origin.character;
  // Next `\n` / `\r` at or after i (n: none); `\r` is rare, so both are found with indexOf.
  let lf = -1;
  let cr = -1;
  for (;;) {
    if (lf < i) {
      lf = raw.indexOf('\n', i);
      if (lf < 0) lf = n;
    }
    if (cr < i) {
      cr = raw.indexOf('\r', i);
      if (cr < 0) cr = n;
    }
    const j = lf < cr ? lf : cr;
    let more = true;
    let f = i;
    if (index > 0) while (f < j && (raw.charCodeAt(f) === 32 || raw.charCodeAt(f) === 9)) f++;
    if (index === 0 || (f < j && raw.charCodeAt(f) !== 35)) {
      let m = j - 1;
      while (m >= i && (raw.charCodeAt(m) === 32 || raw.charCodeAt(m) === 9)) m--;
      more = m >= i && raw.charCodeAt(m) === escCode;
      logical.append(raw.slice(i, more ? m : j), line, character);
    }
    if (!more || j >= n) break;
    i = raw.charCodeAt(j) === 13 && raw.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    index++;
    line++;
    character = 0;
  }
  const text = logical.value;
  // Keyword (and the ONBUILD trigger keyword).
  let p = skipSpace(text, 0);
  let q = skipWord(text, p);
  let keyword = keywordAt(text, p, q);
  let onbuild = false;
  if (keyword === 'ONBUILD') {
    onbuild = true;
    p = skipSpace(text, q);
    q = skipWord(text, p);
    keyword = keywordAt(text, p, q);
  }
  let r = builderFlagsEnd(text, q);
  let restStart: number | undefined;
  let restEnd: number | undefined;
  let hasRest = true;
  if (keyword === 'HEALTHCHECK') {
    r = skipSpace(text, r);
    const e = skipWord(text, r);
    if (text.slice(r, e).toUpperCase() !== 'CMD') hasRest = false;
    r = e;
  }
  if (hasRest) {
    restStart = skipSpace(text, r);
    restEnd = text.length;
    while (restEnd > restStart && isSpace(text.charCodeAt(restEnd - 1))) restEnd--;
  }
  return {
    esc,
    keyword,
    onbuild,
    raw,
    line: origin.line,
    character: origin.character,
    next: index + 1,
    logical,
    restStart,
    restEnd,
    lines: undefined,
    rest: undefined,
    scripts: undefined,
    json: undefined,
    other: undefined,
  };
}

const KEYWORDS = ['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD', 'FROM', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL',
  'WORKDIR', 'USER', 'EXPOSE', 'VOLUME', 'SHELL', 'STOPSIGNAL', 'MAINTAINER'];

/** `text.slice(p, q).toUpperCase()`, without allocating for keywords already written in upper case. */
function keywordAt(text: string, p: number, q: number): string {
  const len = q - p;
  for (const k of KEYWORDS) if (k.length === len && text.startsWith(k, p)) return k;
  return text.slice(p, q).toUpperCase();
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 10;
}
function skipSpace(s: string, p: number): number {
  while (p < s.length && isSpace(s.charCodeAt(p))) p++;
  return p;
}
function skipWord(s: string, p: number): number {
  while (p < s.length && !isSpace(s.charCodeAt(p))) p++;
  return p;
}

/** BuildKit's extractBuilderFlags: the offset where the non-flag part starts. */
function builderFlagsEnd(line: string, pos: number): number {
  let p = pos;
  for (;;) {
    p = skipSpace(line, p);
    if (p >= line.length) return p;
    if (line[p] !== '-' || line[p + 1] !== '-') return p;
    // One flag word: quotes and backslashes as BuildKit reads them.
    const wordStart = p;
    let quote = '';
    while (p < line.length) {
      const c = line[p];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\') p++;
      } else if (isSpace(line.charCodeAt(p))) break;
      else if (c === "'" || c === '"') quote = c;
      else if (c === '\\') p++;
      p++;
    }
    p = Math.min(p, line.length);
    if (line.slice(wordStart, p) === '--') return p;
  }
}

/** The command part parsed as JSON (once per analysis), or `NOT_JSON`. */
function jsonOf(a: Analysis): unknown {
  if (a.json !== undefined) return a.json;
  const rest = restOf(a);
  let v: unknown = NOT_JSON;
  if (rest[0] === '[') {
    try {
      v = JSON.parse(rest);
    } catch {
      // not JSON: shell form
    }
  }
  return (a.json = v);
}

function isJsonForm(a: Analysis): boolean {
  return Array.isArray(jsonOf(a));
}

/** The strings of a JSON string array (shared: callers must not modify it). */
function jsonStrings(a: Analysis): readonly string[] | undefined {
  const v = jsonOf(a);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

// ------------------------------------------------------------------ heredocs

interface HeredocWord {
  readonly name: string;
  readonly chomp: boolean;
}

/** BuildKit's heredocsFromLine: whitespace-separated words like `<<EOF`, `<<-"EOF"`, `2<<EOF`. */
function heredocWords(rest: string): HeredocWord[] {
  const out: HeredocWord[] = [];
  if (!rest.includes('<<')) return out;
  for (const word of rawWords(rest)) {
    const m = HEREDOC_WORD.exec(word);
    if (!m) continue;
    const names = rawWords(m[3]).map(unquote);
    if (names.length !== 1 || names[0] === '') continue;
    out.push({ name: names[0], chomp: m[2] === '-' });
  }
  return out;
}

/** Splits on blanks outside quotes, keeping quotes and escapes (BuildKit RawQuotes/RawEscapes). */
function rawWords(s: string): string[] {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      cur += c;
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      continue;
    }
    if (isSpace(s.charCodeAt(i))) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    inWord = true;
    cur += c;
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < s.length) cur += s[++i];
  }
  if (inWord) words.push(cur);
  return words;
}

function unquote(w: string): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && i + 1 < w.length && '"\\$`'.includes(w[i + 1])) out += w[++i];
      else out += c;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i + 1 < w.length) out += w[++i];
    else out += c;
  }
  return out;
}

interface Body {
  readonly doc: HeredocWord;
  /** Raw line indexes of the body, and of the delimiter line (-1 when missing). */
  readonly first: number;
  readonly end: number;
  readonly delimiter: number;
}

function readBodies(a: Analysis, docs: readonly HeredocWord[]): Body[] {
  const out: Body[] = [];
  const lines = linesOf(a);
  let i = a.next;
  for (const doc of docs) {
    const first = i;
    let delimiter = -1;
    for (; i < lines.length; i++) {
      const t = doc.chomp ? lines[i].text.replace(/^\t+/, '') : lines[i].text;
      if (t === doc.name) {
        delimiter = i;
        break;
      }
    }
    out.push({ doc, first, end: delimiter < 0 ? lines.length : delimiter, delimiter });
    i = delimiter < 0 ? lines.length : delimiter + 1;
  }
  return out;
}

function bodySource(a: Analysis, b: Body, interpreter?: string): ScriptSource {
  const builder = new ScriptTextBuilder();
  const lines = linesOf(a);
  for (let k = b.first; k < b.end; k++) {
    const l = lines[k];
    builder.append(l.text + '\n', l.line, l.character);
  }
  if (builder.length === 0) {
    const l = lines[Math.min(b.first, lines.length - 1)];
    return { text: '', kind: 'heredoc', toDocument: () => ({ line: l.line, character: 0 }) };
  }
  return builder.build('heredoc', 0, builder.length, interpreter);
}

function heredocScripts(a: Analysis, rest: string, docs: readonly HeredocWord[]): ScriptSource[] {
  const bodies = readBodies(a, docs);
  const lines = linesOf(a);
  // `RUN <<EOF` alone: the body is the script (or a file run by its shebang).
  const simple = HEREDOC_WORD.exec(rest);
  if (simple && rawWords(simple[3]).length === 1 && bodies.length === 1) {
    const b = bodies[0];
    const firstLine = b.first < b.end ? lines[b.first].text : '';
    if (firstLine.startsWith('#!')) {
      const interp = shebangInterpreter(firstLine);
      return interp && POSIX_SHELLS.has(interp) ? [bodySource(a, b, interp)] : [];
    }
    return [bodySource(a, b)];
  }
  // Otherwise the shell runs: line + "\n" + body + delimiter, for each here-document.
  const full = new ScriptTextBuilder();
  full.appendFrom(a.logical, a.restStart!, a.restEnd!);
  const bodyOffsets: number[] = [];
  let prev = lines[a.next - 1];
  for (const b of bodies) {
    full.append('\n', prev.line, prev.character + prev.text.length);
    bodyOffsets.push(full.length);
    for (let k = b.first; k < b.end; k++) {
      const l = lines[k];
      full.append(l.text + '\n', l.line, l.character);
    }
    if (b.delimiter >= 0) {
      prev = lines[b.delimiter];
      full.append(prev.text, prev.line, prev.character);
    } else if (b.end > b.first) {
      prev = lines[b.end - 1];
    }
  }
  const shell = full.build('shell');
  const out: ScriptSource[] = [shell];
  // Bodies fed to a shell's stdin (`RUN <<EOF bash`, `RUN bash -e <<EOF`) are scripts too.
  const parsed = parseShell(shell);
  for (const cmd of parsed.commands) {
    for (const r of cmd.redirects) {
      if (!r.heredoc) continue;
      const idx = bodyOffsets.indexOf(r.heredoc.start);
      if (idx < 0) continue;
      const interp = stdinShell(cmd.words);
      if (interp) out.push(bodySource(a, bodies[idx], interp));
    }
  }
  return out;
}

/** The shell named by a `#!` line (`bash` for `#!/usr/bin/env bash`). */
function shebangInterpreter(line: string): string | undefined {
  const parts = line.slice(2).trim().split(/\s+/);
  let prog = programName(parts[0] ?? '');
  if (prog === 'env') {
    const rest = parts.slice(1).filter((p) => !p.startsWith('-') && !/^[A-Za-z_]\w*=/.test(p));
    prog = programName(rest[0] ?? '');
  }
  return prog || undefined;
}

/** When the words run a POSIX shell that reads its script from stdin, that shell's name. */
function stdinShell(words: readonly import('./types').Word[]): string | undefined {
  const n = commandName(words);
  if (!n || !POSIX_SHELLS.has(n.name) || n.name === 'busybox') return undefined;
  const args = parseArgs(words.slice(n.index + 1), {
    stopAtFirstPositional: true,
    withValue: ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'],
  });
  if (args.has('-c')) return undefined;
  if (args.positionals.length > 0 && !args.has('-s')) return undefined;
  return n.name;
}
