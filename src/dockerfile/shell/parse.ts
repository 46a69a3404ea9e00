/**
 * A POSIX sh (plus common bash) parser for lint rules: finds every simple command
 * (nested ones too), pipelines, redirections and here-documents. It never throws,
 * runs in linear time and reports syntax problems in `errors`.
 *
 * Understood: quoting (`'…'`, `"…"`, `$'…'`, `$"…"`), backslash escapes and line
 * continuations, `$VAR`, `${…}`, `$(…)`, backticks, `$((…))`, `<(…)`/`>(…)`;
 * `&& || ; & | |& !` and newlines; `( )`, `{ }`, `if`, `for`, `select`, `while`,
 * `until`, `case`, `((…))`, `[[ … ]]`, function definitions; comments; redirections
 * including here-documents (bodies are skipped, see `Redirect.heredoc`).
 */
import type {
  HeredocBody,
  Pipeline,
  Redirect,
  ScriptSource,
  Separator,
  ShellConstruct,
  ShellScript,
  SimpleCommand,
  Word,
} from './types';
import { MEMO_ROW } from './memo';
import { SegmentedSource } from './source';

/** Deeper nesting is scanned without being parsed (keeps recursion bounded). */
const MAX_DEPTH = 64;

const enum T {
  Word,
  Op,
  EOF,
}

/** Every token has every field (one object shape for all token kinds). */
interface Tok {
  readonly t: T;
  readonly start: number;
  readonly end: number;
  /** Operator text (for redirections: without the fd number). */
  readonly op: string;
  readonly fd: string | undefined;
  readonly word: Word | undefined;
}

interface Ctx {
  readonly depth: number;
  readonly inSubst: boolean;
  readonly construct?: ShellConstruct;
  readonly inCondition: boolean;
}

interface MutCommand {
  type: 'simple';
  assignments: Word[];
  words: Word[];
  redirects: Redirect[];
  start: number;
  end: number;
  separatorBefore: Separator;
  separatorAfter: Separator;
  inPipeline: boolean;
  depth: number;
  inSubstitution: boolean;
  construct?: ShellConstruct;
  inCondition: boolean;
  /** The memo row of the recognisers (see `memo.ts`). */
  [MEMO_ROW]: unknown[] | undefined;
}

interface MutHeredoc {
  delimiter: string;
  quoted: boolean;
  stripTabs: boolean;
  start: number;
  end: number;
  terminated: boolean;
}


const REDIRECT_OPS = new Set(['<', '>', '>>', '<<', '<<-', '<<<', '<&', '>&', '<>', '>|', '&>', '&>>']);
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const CASE_ENDS = new Set([';;', ';&', ';;&']);
const STOP_NONE: ReadonlySet<string> = new Set();
const STOP_PAREN: ReadonlySet<string> = new Set([')']);
const STOP_BACKTICK: ReadonlySet<string> = new Set(['`']);
const STOP_BRACE: ReadonlySet<string> = new Set(['}']);
const STOP_THEN: ReadonlySet<string> = new Set(['then']);
const STOP_IF_BODY: ReadonlySet<string> = new Set(['elif', 'else', 'fi']);
const STOP_FI: ReadonlySet<string> = new Set(['fi']);
const STOP_DO: ReadonlySet<string> = new Set(['do']);
const STOP_DONE: ReadonlySet<string> = new Set(['done']);
const STOP_CASE_BODY: ReadonlySet<string> = new Set([';;', ';&', ';;&', 'esac']);
const STOP_ESAC: ReadonlySet<string> = new Set(['esac']);
/** Shared empty lists of the commands without assignments / redirections (never mutated: `SimpleCommand`'s are read-only). */
const NO_WORDS: Word[] = [];
const NO_REDIRECTS: Redirect[] = [];
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
const ARRAY_ASSIGN_HEAD = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/;

const ANSI_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** Characters that end the fast path of `readWord` (blanks, operators, quotes, `\\`, `$`, backtick). */
const WORD_SPECIAL = new Uint8Array(128);
for (const ch of ' \t\n\r;&|<>()\\\'"$`') WORD_SPECIAL[ch.charCodeAt(0)] = 1;

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const cache = new WeakMap<ScriptSource, ShellScript>();

/**
 * Parses a shell script. Never throws. Results are cached per `source` object
 * (sources and results are immutable), so every rule can call it freely. The
 * sources `scriptsOf` makes keep their result in a field (a WeakMap entry per
 * script costs more to add and to collect); other sources use the WeakMap.
 */
export function parseShell(source: ScriptSource): ShellScript {
  if (source instanceof SegmentedSource) return (source.parsed ??= parseUncached(source));
  let r = cache.get(source);
  if (!r) {
    r = parseUncached(source);
    cache.set(source, r);
  }
  return r;
}

function parseUncached(source: ScriptSource): ShellScript {
  const p = new Parser(source.text);
  try {
    p.parseTop();
  } catch (e) {
    // Defensive: a bug must not break linting; keep what was found.
    p.error(`internal parser error: ${e instanceof Error ? e.message : String(e)}`, p.pos, source.text.length);
  }
  // Mostly in order already (nested commands complete first); sort (stable) only when not.
  const commands = p.commands;
  if (!sortedBy(commands, byStart)) commands.sort(byStart);
  const pipelines = p.pipelines; // already in order (see `addPipeline`)
  // The memo row field makes `memoByObject` (commandsOf…) keep its row on the script, not in a WeakMap.
  return { source, commands, pipelines, errors: p.errors, [MEMO_ROW]: undefined } as ShellScript;
}

function byStart(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}
function byStartThenLongest(a: Pipeline, b: Pipeline): number {
  return a.start - b.start || b.end - a.end;
}
function sortedBy<X>(xs: readonly X[], cmp: (a: X, b: X) => number): boolean {
  for (let i = 1; i < xs.length; i++) if (cmp(xs[i - 1], xs[i]) > 0) return false;
  return true;
}

/** Convenience for callers that only have a string (offsets are positions in `text`). */
export function parseShellText(text: string): ShellScript {
  return parseShell({ text, kind: 'shell', toDocument: (o) => ({ line: 0, character: o }) });
}

class Parser {
  pos = 0;
  readonly commands: SimpleCommand[] = [];
  readonly pipelines: Pipeline[] = [];
  readonly errors: { message: string; start: number; end: number }[] = [];
  private readonly len: number;
  private cachePos = -1;
  private cacheTok: Tok | undefined;
  private inBacktick = 0;
  private lastEnd = 0;
  private pendingHeredocs: MutHeredoc[] = [];
  /** Closing tokens some enclosing construct waits for (multiset). */
  // Made on first use: most scripts have no compound command or substitution.
  private open: Map<string, number> | undefined;
  private deepReported = false;
  /** End offset and expansion flag of the last `readDoubleQuoted` / `readAnsiC`. */
  private quotedEnd = 0;
  private quotedExpansion = false;

  constructor(private readonly src: string) {
    this.len = src.length;
  }

  error(message: string, start: number, end: number): void {
    if (this.errors.length < 100) this.errors.push({ message, start, end: Math.max(start, end) });
  }

  parseTop(): void {
    const ctx: Ctx = { depth: 0, inSubst: false, inCondition: false };
    for (;;) {
      this.parseList(ctx, STOP_NONE);
      const tok = this.peek(ctx);
      if (tok.t === T.EOF) break;
      // A closer nobody waits for at top level.
      this.error(`unexpected '${tok.t === T.Word ? tok.word!.raw : tok.op}'`, tok.start, tok.end);
      this.consume(ctx);
    }
    if (this.pendingHeredocs.length > 0) this.readHeredocs(true);
  }

  // ---------------------------------------------------------------- lexer

  private skipBlanks(p: number): number {
    const s = this.src;
    while (p < this.len) {
      const c = s.charCodeAt(p);
      if (c === 32 || c === 9) p++;
      else if (c === 13 && s.charCodeAt(p + 1) === 10) p++;
      else if (c === 92 /* \ */ && s.charCodeAt(p + 1) === 10) p += 2;
      else if (c === 92 && s.charCodeAt(p + 1) === 13 && s.charCodeAt(p + 2) === 10) p += 3;
      else if (c === 35 /* # */) {
        while (p < this.len && s.charCodeAt(p) !== 10) p++;
      } else break;
    }
    return p;
  }

  peek(ctx: Ctx): Tok {
    if (this.cachePos === this.pos && this.cacheTok) return this.cacheTok;
    const save = this.pos;
    const tok = this.lex(save, ctx);
    this.pos = save;
    this.cachePos = save;
    this.cacheTok = tok;
    return tok;
  }

  consume(ctx: Ctx): Tok {
    const tok = this.peek(ctx);
    this.pos = tok.end;
    this.cachePos = -1;
    this.cacheTok = undefined;
    if (tok.t !== T.EOF) this.lastEnd = tok.end;
    if (tok.t === T.Op && tok.op === '\n' && this.pendingHeredocs.length > 0) this.readHeredocs(false);
    return tok;
  }

  private invalidate(): void {
    this.cachePos = -1;
    this.cacheTok = undefined;
  }

  private opTok(start: number, op: string, fd?: string): Tok {
    return { t: T.Op, start, end: start + (fd?.length ?? 0) + op.length, op, fd, word: undefined };
  }

  private lex(from: number, ctx: Ctx): Tok {
    const s = this.src;
    const p = this.skipBlanks(from);
    if (p >= this.len) return { t: T.EOF, start: this.len, end: this.len, op: '', fd: undefined, word: undefined };
    const c = s[p];
    const n = s[p + 1];
    switch (c) {
      case '\n':
        return this.opTok(p, '\n');
      case '&':
        if (n === '&') return this.opTok(p, '&&');
        if (n === '>') return this.opTok(p, s[p + 2] === '>' ? '&>>' : '&>');
        return this.opTok(p, '&');
      case '|':
        if (n === '|') return this.opTok(p, '||');
        if (n === '&') return this.opTok(p, '|&');
        return this.opTok(p, '|');
      case ';':
        if (n === ';') return this.opTok(p, s[p + 2] === '&' ? ';;&' : ';;');
        if (n === '&') return this.opTok(p, ';&');
        return this.opTok(p, ';');
      case '(':
      case ')':
        return this.opTok(p, c);
      case '<':
      case '>':
        if (n === '(') break; // process substitution: a word
        return this.opTok(p, this.redirOp(p));
      case '`':
        if (this.inBacktick > 0) return this.opTok(p, '`');
        break;
    }
    if (isDigit(s.charCodeAt(p))) {
      let q = p;
      while (q < this.len && isDigit(s.charCodeAt(q))) q++;
      const d = s[q];
      if ((d === '<' || d === '>') && s[q + 1] !== '(') return this.opTok(p, this.redirOp(q), s.slice(p, q));
    }
    const word = this.readWord(p, ctx);
    if (word.end === p) return this.opTok(p, s[p]); // cannot happen; keeps progress guaranteed
    return { t: T.Word, start: word.start, end: word.end, op: '', fd: undefined, word };
  }

  private redirOp(p: number): string {
    const s = this.src;
    const c = s[p];
    const n = s[p + 1];
    if (c === '<') {
      if (n === '<') {
        if (s[p + 2] === '<') return '<<<';
        if (s[p + 2] === '-') return '<<-';
        return '<<';
      }
      if (n === '&') return '<&';
      if (n === '>') return '<>';
      return '<';
    }
    if (n === '>') return '>>';
    if (n === '&') return '>&';
    if (n === '|') return '>|';
    return '>';
  }

  /** Reads one word at `start` (not at a blank or an operator). */
  private readWord(start: number, ctx: Ctx): Word {
    const s = this.src;
    let p = start;
    let value = '';
    let quoted = false;
    let hasExpansion = false;
    // True while `value` is exactly `s.slice(start, p)` (only ordinary characters so far).
    let plain = true;
    // Process substitution at word start.
    const c0 = s.charCodeAt(p);
    if ((c0 === 60 || c0 === 62) && s.charCodeAt(p + 1) === 40) {
      const end = this.parseCommandSubstitution(p + 2, ctx, p);
      value += s.slice(p, end);
      hasExpansion = true;
      plain = false;
      p = end;
    }
    for (;;) {
      if (p >= this.len) break;
      const c = s.charCodeAt(p);
      // Fast path: ordinary characters.
      if (c >= 128 || WORD_SPECIAL[c] === 0) {
        let q = p + 1;
        while (q < this.len) {
          const d = s.charCodeAt(q);
          if (d < 128 && WORD_SPECIAL[d] !== 0) break;
          q++;
        }
        value += s.slice(p, q);
        p = q;
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 59 || c === 38 || c === 124 || c === 60 || c === 62 || c === 41) break;
      if (c === 13 && s.charCodeAt(p + 1) === 10) break; // CRLF: a newline
      plain = false;
      if (c === 13) {
        value += '\r';
        p++;
        continue;
      }
      if (c === 40 /* ( */) {
        const sofar = s.slice(start, p);
        const prev = s[p - 1];
        if (p > start && (ARRAY_ASSIGN_HEAD.test(sofar) || '?*+@!'.includes(prev))) {
          let end = this.skipBalanced(p);
          if (end < 0) {
            this.error("unterminated '('", p, this.len);
            end = this.len;
          }
          value += s.slice(p, end);
          p = end;
          continue;
        }
        break;
      }
      if (c === 96 /* ` */) {
        if (this.inBacktick > 0) break;
        const end = this.parseBacktick(p, ctx);
        value += s.slice(p, end);
        hasExpansion = true;
        p = end;
        continue;
      }
      if (c === 92 /* \ */) {
        const n = s[p + 1];
        if (n === '\n') {
          p += 2;
        } else if (n === '\r' && s[p + 2] === '\n') {
          p += 3;
        } else if (n === undefined) {
          value += '\\';
          p++;
        } else {
          value += n;
          p += 2;
        }
        continue;
      }
      if (c === 39 /* ' */) {
        quoted = true;
        const close = s.indexOf("'", p + 1);
        if (close < 0) {
          this.error('unterminated single quote', p, this.len);
          value += s.slice(p + 1);
          p = this.len;
        } else {
          value += s.slice(p + 1, close);
          p = close + 1;
        }
        continue;
      }
      if (c === 34 /* " */) {
        quoted = true;
        value += this.readDoubleQuoted(p + 1, ctx, p);
        if (this.quotedExpansion) hasExpansion = true;
        p = this.quotedEnd;
        continue;
      }
      // c === '$'
      const n = s[p + 1];
      if (n === "'") {
        quoted = true;
        value += this.readAnsiC(p + 2, p);
        p = this.quotedEnd;
        continue;
      }
      if (n === '"') {
        quoted = true;
        value += this.readDoubleQuoted(p + 2, ctx, p);
        if (this.quotedExpansion) hasExpansion = true;
        p = this.quotedEnd;
        continue;
      }
      const end = this.readDollar(p, ctx);
      if (end > p + 1) hasExpansion = true;
      value += s.slice(p, end);
      p = end;
    }
    return { raw: plain ? value : s.slice(start, p), value, start, end: p, quoted, hasExpansion };
  }

  /**
   * `p` is just after the opening `"`. Returns the value; the end offset and whether it holds an
   * expansion are left in `quotedEnd` / `quotedExpansion` (no result object per quoted string).
   */
  private readDoubleQuoted(p: number, ctx: Ctx, open: number): string {
    const s = this.src;
    let value = '';
    let expansion = false;
    while (p < this.len) {
      const c = s[p];
      if (c === '"') return this.quoted(value, p + 1, expansion);
      if (c === '\\') {
        const n = s[p + 1];
        if (n === '$' || n === '`' || n === '"' || n === '\\') {
          value += n;
          p += 2;
        } else if (n === '\n') {
          p += 2;
        } else if (n === '\r' && s[p + 2] === '\n') {
          p += 3;
        } else {
          value += c;
          p++;
        }
        continue;
      }
      if (c === '$') {
        const end = this.readDollar(p, ctx);
        if (end > p + 1) expansion = true;
        value += s.slice(p, end);
        p = end;
        continue;
      }
      if (c === '`') {
        if (this.inBacktick > 0) break; // closes the enclosing backtick substitution
        const end = this.parseBacktick(p, ctx);
        expansion = true;
        value += s.slice(p, end);
        p = end;
        continue;
      }
      let q = p + 1;
      while (q < this.len) {
        const d = s[q];
        if (d === '"' || d === '\\' || d === '$' || d === '`') break;
        q++;
      }
      value += s.slice(p, q);
      p = q;
    }
    this.error('unterminated double quote', open, p);
    return this.quoted(value, p, expansion);
  }

  private quoted(value: string, end: number, expansion: boolean): string {
    this.quotedEnd = end;
    this.quotedExpansion = expansion;
    return value;
  }

  /** `p` is just after `$'`. Returns the value; the end offset is left in `quotedEnd`. */
  private readAnsiC(p: number, open: number): string {
    const s = this.src;
    let value = '';
    while (p < this.len) {
      const c = s[p];
      if (c === "'") return this.quoted(value, p + 1, false);
      if (c === '\\' && p + 1 < this.len) {
        const n = s[p + 1];
        value += ANSI_ESCAPES[n] ?? '\\' + n;
        p += 2;
        continue;
      }
      value += c;
      p++;
    }
    this.error('unterminated $\'…\' quote', open, p);
    return this.quoted(value, p, false);
  }

  /** `p` is at `$`; returns the end of the expansion (p + 1 for a literal `$`). */
  private readDollar(p: number, ctx: Ctx): number {
    const s = this.src;
    const n = s[p + 1];
    if (n === '(') {
      if (s[p + 2] === '(') return this.skipArithmetic(p + 1, p);
      return this.parseCommandSubstitution(p + 2, ctx, p);
    }
    if (n === '{') return this.readBraced(p + 2, ctx, p);
    const c = s.charCodeAt(p + 1);
    if (isNameStart(c)) {
      let q = p + 2;
      while (q < this.len && isNameChar(s.charCodeAt(q))) q++;
      return q;
    }
    if (isDigit(c) || (n !== undefined && '@*#?$!-'.includes(n))) return p + 2;
    return p + 1;
  }

  /** `${…}`: `p` is after `${`. Nested `${`, quotes and substitutions are handled. */
  private readBraced(p: number, ctx: Ctx, open: number): number {
    const s = this.src;
    let depth = 1;
    while (p < this.len) {
      const c = s[p];
      if (c === '}') {
        if (--depth === 0) return p + 1;
        p++;
      } else if (c === '\\') {
        p += 2;
      } else if (c === "'") {
        const close = s.indexOf("'", p + 1);
        p = close < 0 ? this.len : close + 1;
      } else if (c === '"') {
        this.readDoubleQuoted(p + 1, ctx, p);
        p = this.quotedEnd;
      } else if (c === '`') {
        if (this.inBacktick > 0) break;
        p = this.parseBacktick(p, ctx);
      } else if (c === '$') {
        if (s[p + 1] === '{') {
          depth++;
          p += 2;
        } else p = Math.max(p + 1, this.readDollar(p, ctx));
      } else p++;
    }
    this.error('unterminated ${…}', open, Math.min(p, this.len));
    return Math.min(p, this.len);
  }

  /** Skips `((…))` / `$((…))`: `p` is at the first `(`. */
  private skipArithmetic(p: number, open: number): number {
    const end = this.skipBalanced(p);
    if (end < 0) {
      this.error('unterminated arithmetic expression', open, this.len);
      return this.len;
    }
    return end;
  }

  /** From an opening `(` at `p`, the offset after its matching `)`, or -1. Quote-aware. */
  private skipBalanced(p: number): number {
    const s = this.src;
    let depth = 0;
    while (p < this.len) {
      const c = s[p];
      if (c === '(') depth++;
      else if (c === ')') {
        if (--depth === 0) return p + 1;
      } else if (c === '\\') p++;
      else if (c === "'") {
        const close = s.indexOf("'", p + 1);
        p = close < 0 ? this.len : close;
      } else if (c === '"') {
        let q = p + 1;
        while (q < this.len && s[q] !== '"') q += s[q] === '\\' ? 2 : 1;
        p = q;
      }
      p++;
    }
    return -1;
  }

  private subCtx(ctx: Ctx): Ctx {
    return { depth: ctx.depth + 1, inSubst: true, construct: 'substitution', inCondition: false };
  }

  private tooDeep(ctx: Ctx, at: number): boolean {
    if (ctx.depth < MAX_DEPTH) return false;
    if (!this.deepReported) {
      this.deepReported = true;
      this.error('nesting too deep; inner commands are not analysed', at, at + 1);
    }
    return true;
  }

  /** `$(…)` / `<(…)`: `p` is after the `(`; returns the offset after `)`. */
  private parseCommandSubstitution(p: number, ctx: Ctx, open: number): number {
    if (this.tooDeep(ctx, open)) {
      const end = this.skipBalanced(p - 1);
      return end < 0 ? this.len : end;
    }
    const savePos = this.pos;
    const saveLast = this.lastEnd;
    this.pos = p;
    this.invalidate();
    const sub = this.subCtx(ctx);
    const saveTick = this.inBacktick;
    this.inBacktick = 0;
    this.parseList(sub, STOP_PAREN);
    const tok = this.peek(sub);
    let end: number;
    if (tok.t === T.Op && tok.op === ')') {
      end = tok.end;
    } else {
      this.error('unterminated $(…)', open, tok.start);
      end = Math.max(tok.start, p);
    }
    this.inBacktick = saveTick;
    this.pos = savePos;
    this.lastEnd = saveLast;
    this.invalidate();
    return end;
  }

  /** Backticks: `p` is at the opening backtick; returns the offset after the closing one. */
  private parseBacktick(p: number, ctx: Ctx): number {
    const s = this.src;
    if (this.tooDeep(ctx, p)) {
      let q = p + 1;
      while (q < this.len && s[q] !== '`') q += s[q] === '\\' ? 2 : 1;
      return Math.min(q + 1, this.len);
    }
    const savePos = this.pos;
    const saveLast = this.lastEnd;
    this.pos = p + 1;
    this.invalidate();
    const sub = this.subCtx(ctx);
    this.inBacktick++;
    this.parseList(sub, STOP_BACKTICK);
    const tok = this.peek(sub);
    let end: number;
    if (tok.t === T.Op && tok.op === '`') {
      end = tok.end;
    } else {
      this.error('unterminated backtick substitution', p, tok.start);
      end = Math.max(tok.start, p + 1);
    }
    this.inBacktick--;
    this.pos = savePos;
    this.lastEnd = saveLast;
    this.invalidate();
    return end;
  }

  private readHeredocs(atEnd: boolean): void {
    const s = this.src;
    let p = this.pos;
    for (const h of this.pendingHeredocs) {
      h.start = p;
      let found = false;
      while (p < this.len && !atEnd) {
        let eol = s.indexOf('\n', p);
        if (eol < 0) eol = this.len;
        let line = s.slice(p, eol);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) {
          h.end = p;
          p = Math.min(eol + 1, this.len);
          found = true;
          break;
        }
        p = eol + 1;
      }
      if (!found) {
        p = Math.min(p, this.len);
        h.end = p;
        h.terminated = false;
        if (!atEnd) this.error(`here-document not terminated (wanted '${h.delimiter}')`, h.start, p);
      }
    }
    this.pendingHeredocs = [];
    this.pos = p;
    this.invalidate();
  }

  // ---------------------------------------------------------------- grammar

  private isWord(tok: Tok, raw: string): boolean {
    return tok.t === T.Word && tok.word!.raw === raw;
  }

  /** A token that ends a list: EOF, `)`, `;;`…, a closing backtick, or a closing reserved word. */
  private closerName(tok: Tok): string | undefined {
    if (tok.t === T.EOF) return '';
    if (tok.t === T.Op) {
      if (tok.op === ')' || tok.op === '`' || CASE_ENDS.has(tok.op)) return tok.op;
      return undefined;
    }
    const raw = tok.word!.raw;
    return CLOSERS.has(raw) ? raw : undefined;
  }

  private openAdd(stops: ReadonlySet<string>, delta: number): void {
    if (stops.size === 0) return;
    const open = (this.open ??= new Map());
    for (const k of stops) open.set(k, (open.get(k) ?? 0) + delta);
  }

  private skipNewlines(ctx: Ctx): void {
    for (;;) {
      const tok = this.peek(ctx);
      if (tok.t === T.Op && tok.op === '\n') this.consume(ctx);
      else return;
    }
  }

  /** A compound list up to one of `stops` (not consumed). */
  parseList(ctx: Ctx, stops: ReadonlySet<string>): void {
    this.openAdd(stops, 1);
    try {
      let sep: Separator = null;
      let prevLast: MutCommand | undefined;
      let haveItem = false;
      for (;;) {
        const before = this.pos;
        const tok = this.peek(ctx);
        if (tok.t === T.Op && tok.op === '\n') {
          this.consume(ctx);
          if (haveItem && sep === null) {
            if (prevLast && prevLast.separatorAfter === null) prevLast.separatorAfter = '\n';
            sep = '\n';
          }
          continue;
        }
        const closer = this.closerName(tok);
        if (closer !== undefined) {
          if (closer === '' || stops.has(closer) || (this.open?.get(closer) ?? 0) > 0) {
            if (prevLast && prevLast.separatorAfter === '\n') prevLast.separatorAfter = null;
            return;
          }
          this.error(`unexpected '${closer}'`, tok.start, tok.end);
          this.consume(ctx);
          continue;
        }
        if (tok.t === T.Op && !REDIRECT_OPS.has(tok.op) && tok.op !== '(') {
          this.error(`unexpected '${tok.op === '\n' ? 'newline' : tok.op}'`, tok.start, tok.end);
          this.consume(ctx);
          continue;
        }
        const last = this.parseAndOr(ctx, sep);
        const next = this.peek(ctx);
        if (next.t === T.Op && (next.op === ';' || next.op === '&')) {
          sep = next.op;
          if (last) last.separatorAfter = sep;
          this.consume(ctx);
        } else {
          sep = null;
        }
        prevLast = last;
        haveItem = true;
        if (this.pos === before) {
          // Safety net: always make progress.
          const t = this.peek(ctx);
          if (t.t === T.EOF) return;
          this.error(`unexpected '${t.t === T.Word ? t.word!.raw : t.op}'`, t.start, t.end);
          this.consume(ctx);
        }
      }
    } finally {
      this.openAdd(stops, -1);
    }
  }

  /** Returns the last element of the list when it is a simple command (no object per list: only it is used). */
  private parseAndOr(ctx: Ctx, sepBefore: Separator): MutCommand | undefined {
    // Every pipeline but the last of an && / || list is a condition for `set -e`.
    const from = this.commands.length;
    let lastFrom = from;
    let sep = sepBefore;
    let last: MutCommand | undefined;
    for (;;) {
      lastFrom = this.commands.length;
      last = this.parsePipeline(ctx, sep);
      const tok = this.peek(ctx);
      if (tok.t === T.Op && (tok.op === '&&' || tok.op === '||')) {
        sep = tok.op;
        if (last) last.separatorAfter = sep;
        this.consume(ctx);
        this.skipNewlines(ctx);
        continue;
      }
      break;
    }
    // Commands of every pipeline but the last one (in completion order: a contiguous range).
    for (let i = from; i < lastFrom; i++) (this.commands[i] as MutCommand).inCondition = true;
    return last;
  }

  /** Returns the pipeline's last element when it is a simple command. */
  private parsePipeline(ctx: Ctx, sepBefore: Separator): MutCommand | undefined {
    let tok = this.peek(ctx);
    const start = tok.start;
    let negated = false;
    for (;;) {
      if (this.isWord(tok, '!')) {
        negated = true;
      } else if (this.isWord(tok, 'time')) {
        // bash `time [-p] pipeline` (a keyword: it times the whole pipeline)
        this.consume(ctx);
        tok = this.peek(ctx);
        if (!this.isWord(tok, '-p')) continue;
      } else break;
      this.consume(ctx);
      tok = this.peek(ctx);
    }
    const elemCtx: Ctx = negated ? { ...ctx, inCondition: true } : ctx;
    const simple: MutCommand[] = [];
    let size = 0;
    let sep = sepBefore;
    const posBefore = this.pos;
    let last: MutCommand | undefined;
    for (;;) {
      const cmd = this.parseCommand(elemCtx, sep);
      size++;
      if (cmd) simple.push(cmd);
      last = cmd;
      const next = this.peek(ctx);
      if (next.t === T.Op && (next.op === '|' || next.op === '|&')) {
        sep = next.op;
        if (cmd) cmd.separatorAfter = sep;
        this.consume(ctx);
        this.skipNewlines(ctx);
        continue;
      }
      break;
    }
    if (size > 1) for (const c of simple) c.inPipeline = true;
    const end = Math.max(this.lastEnd, start);
    const pipeline: Pipeline & { size: number } = { commands: simple, negated, start, end, size };
    if (this.pos !== posBefore || negated) this.addPipeline(pipeline);
    return last;
  }

  /**
   * Inserts a pipeline in order (by start, longest first). Nested pipelines complete before the
   * ones around them, so most inserts move a few entries; a stable insertion gives the order the
   * stable sort of the whole list gave, without that sort's temporary arrays.
   */
  private addPipeline(pipeline: Pipeline): void {
    const ps = this.pipelines;
    let i = ps.length;
    ps.push(pipeline);
    while (i > 0 && byStartThenLongest(ps[i - 1], pipeline) > 0) {
      ps[i] = ps[i - 1];
      i--;
    }
    ps[i] = pipeline;
  }

  /** A simple or compound command; returns the SimpleCommand when it is one. */
  private parseCommand(ctx: Ctx, sepBefore: Separator): MutCommand | undefined {
    const tok = this.peek(ctx);
    if (tok.t === T.Op && tok.op === '(') {
      if (this.src[tok.start + 1] === '(') {
        // ((arithmetic))
        this.pos = this.skipArithmetic(tok.start, tok.start);
        this.lastEnd = this.pos;
        this.invalidate();
      } else {
        this.parseSubshell(ctx);
      }
      this.parseTrailingRedirects(ctx);
      return undefined;
    }
    if (tok.t === T.Word && !tok.word!.quoted) {
      const raw = tok.word!.raw;
      let handled = true;
      switch (raw) {
        case '{':
          this.parseGroup(ctx);
          break;
        case 'if':
          this.parseIf(ctx);
          break;
        case 'while':
        case 'until':
          this.parseLoop(ctx, raw);
          break;
        case 'for':
        case 'select':
          this.parseFor(ctx, raw);
          break;
        case 'case':
          this.parseCase(ctx);
          break;
        case 'function':
          this.parseFunctionKeyword(ctx);
          break;
        default:
          handled = false;
      }
      if (handled) {
        this.parseTrailingRedirects(ctx);
        return undefined;
      }
    }
    return this.parseSimple(ctx, sepBefore);
  }

  private bodyCtx(ctx: Ctx, construct: ShellConstruct, inCondition = ctx.inCondition): Ctx {
    return { depth: ctx.depth + 1, inSubst: ctx.inSubst, construct, inCondition };
  }

  private expectWord(ctx: Ctx, raw: string, openTok: Tok): boolean {
    const tok = this.peek(ctx);
    if (this.isWord(tok, raw)) {
      this.consume(ctx);
      return true;
    }
    this.error(`expected '${raw}'`, openTok.start, tok.start);
    return false;
  }

  private expectOp(ctx: Ctx, op: string, openTok: Tok): boolean {
    const tok = this.peek(ctx);
    if (tok.t === T.Op && tok.op === op) {
      this.consume(ctx);
      return true;
    }
    this.error(`expected '${op}'`, openTok.start, tok.start);
    return false;
  }

  /** Skips a construct that is nested too deeply, without parsing it. */
  private skipDeep(ctx: Ctx, tok: Tok): boolean {
    if (!this.tooDeep(ctx, tok.start)) return false;
    this.consume(ctx);
    return true;
  }

  private parseSubshell(ctx: Ctx): void {
    const open = this.peek(ctx);
    if (ctx.depth >= MAX_DEPTH) {
      this.tooDeep(ctx, open.start);
      const end = this.skipBalanced(open.start);
      this.pos = end < 0 ? this.len : end;
      this.lastEnd = this.pos;
      this.invalidate();
      return;
    }
    this.consume(ctx);
    this.parseList(this.bodyCtx(ctx, 'subshell'), STOP_PAREN);
    this.expectOp(ctx, ')', open);
  }

  private parseGroup(ctx: Ctx): void {
    const open = this.peek(ctx);
    if (this.skipDeep(ctx, open)) return;
    this.consume(ctx);
    this.parseList(this.bodyCtx(ctx, 'group'), STOP_BRACE);
    this.expectWord(ctx, '}', open);
  }

  private parseIf(ctx: Ctx): void {
    const open = this.peek(ctx);
    if (this.skipDeep(ctx, open)) return;
    this.consume(ctx);
    const cond = this.bodyCtx(ctx, 'if', true);
    const body = this.bodyCtx(ctx, 'if');
    this.parseList(cond, STOP_THEN);
    if (!this.expectWord(ctx, 'then', open)) return;
    this.parseList(body, STOP_IF_BODY);
    for (;;) {
      const tok = this.peek(ctx);
      if (this.isWord(tok, 'elif')) {
        this.consume(ctx);
        this.parseList(cond, STOP_THEN);
        if (!this.expectWord(ctx, 'then', open)) return;
        this.parseList(body, STOP_IF_BODY);
        continue;
      }
      if (this.isWord(tok, 'else')) {
        this.consume(ctx);
        this.parseList(body, STOP_FI);
      }
      break;
    }
    this.expectWord(ctx, 'fi', open);
  }

  private parseLoop(ctx: Ctx, kw: 'while' | 'until'): void {
    const open = this.peek(ctx);
    if (this.skipDeep(ctx, open)) return;
    this.consume(ctx);
    this.parseList(this.bodyCtx(ctx, kw, true), STOP_DO);
    this.parseDoDone(ctx, this.bodyCtx(ctx, kw), open);
  }

  private parseDoDone(ctx: Ctx, body: Ctx, open: Tok): void {
    if (!this.expectWord(ctx, 'do', open)) return;
    this.parseList(body, STOP_DONE);
    this.expectWord(ctx, 'done', open);
  }

  private parseFor(ctx: Ctx, kw: 'for' | 'select'): void {
    const open = this.peek(ctx);
    if (this.skipDeep(ctx, open)) return;
    this.consume(ctx);
    const inner = this.bodyCtx(ctx, kw);
    let tok = this.peek(inner);
    if (tok.t === T.Op && tok.op === '(' && this.src[tok.start + 1] === '(') {
      // for ((init; cond; step))
      this.pos = this.skipArithmetic(tok.start, tok.start);
      this.lastEnd = this.pos;
      this.invalidate();
    } else if (tok.t === T.Word) {
      this.consume(inner); // the variable name
      this.skipNewlines(inner);
      tok = this.peek(inner);
      if (this.isWord(tok, 'in')) {
        this.consume(inner);
        for (;;) {
          tok = this.peek(inner);
          if (tok.t !== T.Word) break;
          this.consume(inner);
        }
      }
    } else {
      this.error(`expected a variable name after '${kw}'`, open.start, tok.start);
    }
    tok = this.peek(ctx);
    if (tok.t === T.Op && tok.op === ';') this.consume(ctx);
    this.skipNewlines(ctx);
    tok = this.peek(ctx);
    if (this.isWord(tok, '{')) {
      // bash: for x in …; { …; }
      this.parseGroup(inner);
      return;
    }
    this.parseDoDone(ctx, inner, open);
  }

  private parseCase(ctx: Ctx): void {
    const open = this.peek(ctx);
    if (this.skipDeep(ctx, open)) return;
    this.consume(ctx);
    const inner = this.bodyCtx(ctx, 'case');
    let tok = this.peek(inner);
    if (tok.t === T.Word) this.consume(inner);
    else this.error("expected a word after 'case'", open.start, tok.start);
    this.skipNewlines(ctx);
    if (!this.expectWord(ctx, 'in', open)) return;
    this.openAdd(STOP_ESAC, 1);
    try {
      for (;;) {
        this.skipNewlines(ctx);
        tok = this.peek(inner);
        if (this.isWord(tok, 'esac')) {
          this.consume(ctx);
          return;
        }
        if (tok.t === T.EOF) break;
        const before = this.pos;
        if (tok.t === T.Op && tok.op === '(') {
          this.consume(ctx);
          tok = this.peek(inner);
        }
        // Patterns: word ( '|' word )* ')'
        for (;;) {
          if (tok.t !== T.Word) break;
          this.consume(inner);
          tok = this.peek(inner);
          if (tok.t === T.Op && tok.op === '|') {
            this.consume(inner);
            tok = this.peek(inner);
            continue;
          }
          break;
        }
        if (tok.t === T.Op && tok.op === ')') this.consume(ctx);
        else {
          this.error("expected ')' after a case pattern", tok.start, tok.end);
          if (this.closerName(tok) !== undefined && !this.isWord(tok, 'esac')) break;
        }
        this.parseList(inner, STOP_CASE_BODY);
        tok = this.peek(ctx);
        if (tok.t === T.Op && CASE_ENDS.has(tok.op)) {
          this.consume(ctx);
          continue;
        }
        if (this.isWord(tok, 'esac')) continue;
        if (this.pos === before) break;
        if (this.closerName(tok) !== undefined) break;
      }
    } finally {
      this.openAdd(STOP_ESAC, -1);
    }
    this.error("expected 'esac'", open.start, this.peek(ctx).start);
  }

  private parseFunctionKeyword(ctx: Ctx): void {
    const open = this.peek(ctx);
    this.consume(ctx);
    let tok = this.peek(ctx);
    if (tok.t === T.Word) this.consume(ctx);
    tok = this.peek(ctx);
    if (tok.t === T.Op && tok.op === '(') {
      this.consume(ctx);
      this.expectOp(ctx, ')', open);
    }
    this.parseFunctionBody(ctx, open);
  }

  private parseFunctionBody(ctx: Ctx, open: Tok): void {
    this.skipNewlines(ctx);
    const tok = this.peek(ctx);
    const fctx = this.bodyCtx(ctx, 'function');
    // The body is a compound command at depth+1; report its commands as 'function'.
    if (this.isWord(tok, '{')) {
      if (this.skipDeep(fctx, tok)) return;
      this.consume(ctx);
      this.parseList(fctx, STOP_BRACE);
      this.expectWord(ctx, '}', tok);
    } else if (tok.t === T.Op && tok.op === '(') {
      if (fctx.depth >= MAX_DEPTH) {
        this.parseSubshell(fctx);
        return;
      }
      this.consume(ctx);
      this.parseList(fctx, STOP_PAREN);
      this.expectOp(ctx, ')', tok);
    } else if (tok.t === T.Word && ['if', 'while', 'until', 'for', 'select', 'case'].includes(tok.word!.raw)) {
      this.parseCommand({ ...ctx, construct: 'function' }, null);
    } else {
      this.error('expected a function body', open.start, tok.start);
    }
    this.parseTrailingRedirects(ctx);
  }

  private parseTrailingRedirects(ctx: Ctx): void {
    for (;;) {
      const tok = this.peek(ctx);
      if (tok.t === T.Op && REDIRECT_OPS.has(tok.op)) this.parseRedirect(ctx);
      else return;
    }
  }

  private parseRedirect(ctx: Ctx): Redirect {
    const opTok = this.consume(ctx);
    const tgt = this.peek(ctx);
    let target: Word | undefined;
    if (tgt.t === T.Word) {
      this.consume(ctx);
      target = tgt.word;
    } else {
      this.error(`missing target after '${opTok.op}'`, opTok.start, opTok.end);
    }
    const op = (opTok.fd ?? '') + opTok.op;
    const r: { -readonly [K in keyof Redirect]: Redirect[K] } = {
      op,
      start: opTok.start,
      end: target ? target.end : opTok.end,
      operator: opTok.op,
    };
    if (target) r.target = target;
    if (opTok.fd !== undefined) r.fd = opTok.fd;
    if ((opTok.op === '<<' || opTok.op === '<<-') && target) {
      const h: MutHeredoc = {
        delimiter: target.value,
        quoted: target.quoted || target.raw.includes('\\'),
        stripTabs: opTok.op === '<<-',
        start: this.len,
        end: this.len,
        terminated: true,
      };
      this.pendingHeredocs.push(h);
      r.heredoc = h as HeredocBody;
    }
    return r;
  }

  private parseSimple(ctx: Ctx, sepBefore: Separator): MutCommand | undefined {
    // Most commands have neither assignments nor redirections: those arrays are made when needed.
    let assignments: Word[] | undefined;
    const words: Word[] = [];
    let redirects: Redirect[] | undefined;
    let start = -1;
    for (;;) {
      const tok = this.peek(ctx);
      if (tok.t === T.Word) {
        if (start < 0) start = tok.start;
        this.consume(ctx);
        const w = tok.word!;
        if (words.length === 0 && isNameStart(w.raw.charCodeAt(0)) && w.raw.indexOf('=') > 0 && ASSIGNMENT.test(w.raw)) {
          (assignments ??= []).push(w);
          continue;
        }
        words.push(w);
        if (words.length === 1 && assignments === undefined) {
          if (w.raw === '[[') {
            this.readTestExpression(ctx, words, tok);
            continue;
          }
          // name() compound — a function definition.
          const next = this.peek(ctx);
          if (next.t === T.Op && next.op === '(' && this.src[next.start + 1] !== '(') {
            this.consume(ctx);
            this.expectOp(ctx, ')', tok);
            this.parseFunctionBody(ctx, tok);
            return undefined;
          }
        }
        continue;
      }
      if (tok.t === T.Op && REDIRECT_OPS.has(tok.op)) {
        if (start < 0) start = tok.start;
        (redirects ??= []).push(this.parseRedirect(ctx));
        continue;
      }
      break;
    }
    if (start < 0) {
      const tok = this.peek(ctx);
      this.error(
        `expected a command before '${tok.t === T.EOF ? 'end of script' : tok.t === T.Word ? tok.word!.raw : tok.op === '\n' ? 'newline' : tok.op}'`,
        tok.start,
        tok.end,
      );
      return undefined;
    }
    const cmd: MutCommand = {
      type: 'simple',
      assignments: assignments ?? NO_WORDS,
      words,
      redirects: redirects ?? NO_REDIRECTS,
      start,
      end: Math.max(this.lastEnd, start),
      separatorBefore: sepBefore,
      separatorAfter: null,
      inPipeline: false,
      depth: ctx.depth,
      inSubstitution: ctx.inSubst,
      construct: ctx.construct,
      inCondition: ctx.inCondition,
      [MEMO_ROW]: undefined,
    };
    this.commands.push(cmd);
    return cmd;
  }

  /** `[[ … ]]`: operators inside are words. */
  private readTestExpression(ctx: Ctx, words: Word[], open: Tok): void {
    for (;;) {
      const tok = this.peek(ctx);
      if (tok.t === T.EOF || (tok.t === T.Op && (tok.op === '\n' || tok.op === ';' || tok.op === '&' || tok.op === '`'))) {
        this.error("expected ']]'", open.start, tok.start);
        return;
      }
      this.consume(ctx);
      if (tok.t === T.Word) {
        words.push(tok.word!);
        if (tok.word!.raw === ']]') return;
      } else {
        const raw = (tok.fd ?? '') + tok.op;
        words.push({ raw, value: raw, start: tok.start, end: tok.end, quoted: false, hasExpansion: false });
      }
    }
  }
}
