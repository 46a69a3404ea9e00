/**
 * dockerfile-ast recomputes an instruction's arguments from the raw text on
 * every call (`getRawArguments` walks each character and builds ranges), and
 * both its parser and our rules ask many times per instruction: profiling
 * showed half of the parse time there, and it was the largest source of
 * garbage (each argument was built one character at a time by string
 * concatenation). Two changes, installed once when the linter module loads:
 *
 * - `getRawArguments` is replaced by {@link fastRawArguments}, a port of the
 *   same algorithm (same arguments, values and ranges: checked against the
 *   original on the whole corpus and on random input by the unit tests) that
 *   slices runs of text instead of appending characters and builds ranges as
 *   plain objects (what `Range.create` returns, without its validation);
 * - the result is memoized per instruction (the document text never changes
 *   after parsing); callers get a copy of the array, so no caller can disturb
 *   another.
 */
import { Argument, From, Instruction, JSONArgument, JSONInstruction, ModifiableInstruction, Property } from 'dockerfile-ast';
// The class behind the `ImageTemplate` interface (the package's main module exports only the interface).
import { ImageTemplate } from 'dockerfile-ast/lib/imageTemplate';

const CACHE = Symbol('dockyard.rawArguments');
/** The arguments without the flags (ModifiableInstruction); `null` while `getFlags` builds the flags. */
const STRIPPED = Symbol('dockyard.arguments');
let installed = false;

/** The original implementation, kept for the equivalence tests. */
let originalRawArguments: ((this: unknown) => Argument[]) | undefined;

interface Pos {
  line: number;
  character: number;
}

/** The parts of dockerfile-ast's `Instruction` the port reads (all public at run time). */
interface InstructionInternals {
  readonly document: { getText(): string; offsetAt(p: Pos): number; positionAt(o: number): Pos };
  readonly escapeChar: string;
  getInstructionRange(): { start: Pos; end: Pos };
  readonly range: { start: Pos; end: Pos };
}

/**
 * dockerfile-ast's `Instruction.getRawArguments`, ported: the same state
 * machine over the instruction's text after its keyword (escaped newlines,
 * whitespace after an escape, comments inside continuation lines, `\$`), with
 * the argument text accumulated as slices of contiguous runs.
 */
export function fastRawArguments(inst: InstructionInternals): Argument[] {
  const doc = inst.document;
  const escapeChar = inst.escapeChar;
  const args: Argument[] = [];
  // As the original: the instruction's text (`range`) without the keyword's length.
  const keywordRange = inst.getInstructionRange();
  const extra = doc.offsetAt(keywordRange.end) - doc.offsetAt(keywordRange.start);
  const rangeStart = doc.offsetAt(inst.range.start);
  const offset = rangeStart + extra;
  const text = doc.getText();
  const n = Math.max(0, doc.offsetAt(inst.range.end) - offset);
  // fullArgs[i] is text[offset + i]; charAt past the end is ''.
  const at = (i: number): string => (i < n ? text[offset + i] : '');

  let start = false;
  let comment = false;
  let found = -1;
  let escapedWhitespaceDetected = false;
  let escaping = false;
  let escapeMarker = -1;
  // The argument text so far: `buf` plus the run text[offset+runStart, offset+runEnd).
  let buf = '';
  let runStart = -1;
  let runEnd = -1;
  const append = (from: number, to: number): void => {
    if (runEnd === from && runStart !== -1) {
      runEnd = to;
      return;
    }
    if (runStart !== -1) buf += text.slice(offset + runStart, offset + runEnd);
    runStart = from;
    runEnd = to;
  };
  const value = (): string => (runStart === -1 ? buf : buf + text.slice(offset + runStart, offset + runEnd));
  const reset = (): void => {
    buf = '';
    runStart = -1;
    runEnd = -1;
  };
  const range = (a: number, b: number): { start: Pos; end: Pos } => ({ start: doc.positionAt(offset + a), end: doc.positionAt(offset + b) });

  for (let i = 0; i < n; i++) {
    const char = text[offset + i];
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      if (escaping) {
        escapedWhitespaceDetected = true;
        if (char === '\r' || char === '\n') {
          escapedWhitespaceDetected = false;
          if (comment) {
            comment = false;
            start = true;
          }
        }
        continue;
      } else if (found !== -1) {
        args.push(new Argument(value(), range(found, escapeMarker === -1 ? i : escapeMarker)));
        escapeMarker = -1;
        reset();
        found = -1;
      }
    } else if (char === escapeChar) {
      const next = at(i + 1);
      if (next === ' ' || next === '\t') {
        whitespaceCheck: for (let j = i + 2; j < n; j++) {
          const newlineCheck = text[offset + j];
          switch (newlineCheck) {
            case ' ':
            case '\t':
              continue;
            case '\r':
            case '\n':
              if (newlineCheck === '\r') j++;
              comment = false;
              escaping = true;
              start = true;
              if (found !== -1) escapeMarker = i;
              i = j;
              break whitespaceCheck;
            default:
              escapeMarker = i;
              if (found === -1) i = j - 1;
              break whitespaceCheck;
          }
        }
      } else if (next === '\r') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += 2;
      } else if (next === '\n') {
        comment = false;
        escaping = true;
        start = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i++;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(new Argument(value(), range(found, escapeMarker)));
          reset();
          found = -1;
        }
        escapeMarker = -1;
        escapedWhitespaceDetected = false;
        escaping = false;
        if (next === '$') {
          append(i, i + 2);
        } else if (next === '') {
          break; // end of the instruction
        } else {
          append(i + 1, i + 2);
        }
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (start && char === '#') {
        comment = true;
      } else {
        if (escapedWhitespaceDetected && escapeMarker !== -1) {
          args.push(new Argument(value(), range(found, escapeMarker)));
          reset();
          found = -1;
        }
        escapedWhitespaceDetected = false;
        escaping = false;
        escapeMarker = -1;
        append(i, i + 1);
        if (found === -1) found = i;
      }
      start = false;
    }
  }
  if (found !== -1) args.push(new Argument(value(), range(found, escapeMarker === -1 ? n : escapeMarker)));
  return args;
}

/** Calls dockerfile-ast's own `getRawArguments` (for the equivalence tests). */
export function originalRawArgumentsOf(inst: Instruction): Argument[] {
  installAstMemoization();
  if (!originalRawArguments) throw new Error('dockerfile-ast has no getRawArguments');
  return originalRawArguments.call(inst);
}

type Memo = Record<symbol, Argument[] | null | undefined> & { flags?: unknown[]; getFlags(): unknown[] };

/** The memoized raw arguments themselves (not a copy: for the memos below, which never modify them). */
function rawArgumentsOf(inst: Memo): Argument[] {
  let v = inst[CACHE];
  if (v === undefined || v === null) {
    v = fastRawArguments(inst as unknown as InstructionInternals);
    inst[CACHE] = v;
  }
  return v;
}

/**
 * `ModifiableInstruction.getArguments` copies the raw arguments and shifts the
 * flags off them on every call (and the JSON instructions call it three times
 * when constructed): memoized per instruction, a copy handed out as above.
 * The original `getFlags` (itself memoized in `this.flags`) reads
 * `getArguments()` while `this.flags` is still empty, and then gets the raw
 * arguments: `getFlags` marks that time so `getArguments` answers the same then.
 */
function installArgumentsMemo(): void {
  const proto = ModifiableInstruction.prototype as unknown as Record<string, unknown>;
  const getFlags = proto['getFlags'];
  if (typeof getFlags !== 'function' || typeof proto['getArguments'] !== 'function') return;
  proto['getFlags'] = function (this: Memo): unknown[] {
    if (this.flags === undefined) {
      this[STRIPPED] = null;
      try {
        return (getFlags as (this: Memo) => unknown[]).call(this);
      } finally {
        this[STRIPPED] = undefined;
      }
    }
    return this.flags;
  };
  proto['getArguments'] = function (this: Memo): Argument[] {
    let v = this[STRIPPED];
    if (v === null) return rawArgumentsOf(this).slice(); // getFlags at work: the original answers the raw arguments
    if (v === undefined) {
      const n = this.getFlags().length;
      const raw = rawArgumentsOf(this);
      v = n === 0 ? raw : raw.slice(n);
      this[STRIPPED] = v;
    }
    return v.slice();
  };
}

interface JsonFields {
  openingBracket: Argument | null;
  closingBracket: Argument | null;
  jsonStrings: JSONArgument[];
}

/**
 * The constructor of dockerfile-ast's `JSONInstruction` (RUN, CMD, COPY, …)
 * parses the JSON form eagerly; few rules ask for it. {@link constructInstruction}
 * skips that constructor and the getters compute it on first use with
 * {@link computeJson}, a port of the constructor's body (the same state machine).
 */
function installLazyJson(): void {
  const proto = JSONInstruction.prototype as unknown as Record<string, unknown>;
  for (const [name, field] of [
    ['getOpeningBracket', 'openingBracket'],
    ['getJSONStrings', 'jsonStrings'],
    ['getClosingBracket', 'closingBracket'],
  ] as const) {
    if (typeof proto[name] !== 'function') return;
    proto[name] = function (this: JsonFields): unknown {
      if (this.jsonStrings === undefined) computeJson(this as unknown as JsonInstance);
      return this[field];
    };
  }
  lazyJson = true;
}

let lazyJson = false;

type JsonInstance = JsonFields & InstructionInternals & Memo & { getArguments(): Argument[] };

/** The body of dockerfile-ast's `JSONInstruction` constructor (0.7.1), ranges as plain objects. */
function computeJson(inst: JsonInstance): void {
  inst.openingBracket = null;
  inst.closingBracket = null;
  const jsonStrings: JSONArgument[] = [];
  inst.jsonStrings = jsonStrings;
  const args = inst.getArguments();
  if (args.length === 0) return; // getRawArgumentsContent() === null
  const document = inst.document;
  if (args.length === 1 && args[0].getValue() === '[]') {
    const r = args[0].getRange();
    const line = r.start.line;
    const character = r.start.character;
    inst.openingBracket = new Argument('[', { start: { line, character }, end: { line, character: character + 1 } });
    inst.closingBracket = new Argument(']', { start: { line, character: character + 1 }, end: { line: r.end.line, character: r.end.character } });
    return;
  } else if (args.length === 2 && args[0].getValue() === '[' && args[1].getValue() === ']') {
    inst.openingBracket = args[0];
    inst.closingBracket = args[1];
    return;
  }
  const argsOffset = document.offsetAt(args[0].getRange().start);
  const argsContent = document.getText().substring(argsOffset, document.offsetAt(args[args.length - 1].getRange().end));
  const range = (a: number, b: number): { start: Pos; end: Pos } => ({ start: document.positionAt(argsOffset + a), end: document.positionAt(argsOffset + b) });
  let start = -1;
  let last = '';
  let quoted = false;
  let escapedArg = '';
  argsCheck: for (let i = 0; i < argsContent.length; i++) {
    const char = argsContent.charAt(i);
    switch (char) {
      case '[':
        if (last === '') {
          inst.openingBracket = new Argument('[', range(i, i + 1));
          last = '[';
        } else if (quoted) {
          escapedArg = escapedArg + char;
        } else {
          break argsCheck;
        }
        break;
      case '"':
        if (last === '[' || last === ',') {
          start = i;
          quoted = true;
          last = '"';
          escapedArg = escapedArg + char;
          continue;
        } else if (last === '"') {
          if (quoted) {
            escapedArg = escapedArg + char;
            // quoted string done
            quoted = false;
            jsonStrings.push(new JSONArgument(escapedArg, range(start, i + 1), range(start + 1, i)));
            escapedArg = '';
          } else {
            // should be a , or a ]
            break argsCheck;
          }
        } else {
          break argsCheck;
        }
        break;
      case ',':
        if (quoted) {
          escapedArg = escapedArg + char;
        } else if (last === '"') {
          last = ',';
        } else {
          break argsCheck;
        }
        break;
      case ']':
        if (quoted) {
          escapedArg = escapedArg + char;
        } else if (last !== '') {
          inst.closingBracket = new Argument(']', range(i, i + 1));
          break argsCheck;
        }
        break;
      case ' ':
      case '\t':
        break;
      case '\\':
        if (quoted) {
          switch (argsContent.charAt(i + 1)) {
            case '"':
            case '\\':
              escapedArg = escapedArg + argsContent.charAt(i + 1);
              i++;
              continue;
            case ' ':
            case '\t':
              escapeCheck: for (let j = i + 2; j < argsContent.length; j++) {
                switch (argsContent.charAt(j)) {
                  case '\r':
                    // offset one more for \r\n
                    i = j + 1;
                    continue argsCheck;
                  case '\n':
                    i = j;
                    continue argsCheck;
                  case ' ':
                  case '\t':
                    break;
                  default:
                    break escapeCheck;
                }
              }
              break;
            case '\r':
              // offset one more for \r\n
              i += 2;
              continue;
            default:
              i++;
              continue;
          }
        } else {
          escapeCheck: for (let j = i + 1; j < argsContent.length; j++) {
            switch (argsContent.charAt(j)) {
              case '\r':
                // offset one more for \r\n
                i = j + 1;
                continue argsCheck;
              case '\n':
                i = j;
                continue argsCheck;
              case ' ':
              case '\t':
                break;
              default:
                break escapeCheck;
            }
          }
        }
        break argsCheck;
      default:
        if (!quoted) break argsCheck;
        escapedArg = escapedArg + char;
        break;
    }
  }
}

/**
 * `new Class(...)` for the parser, except that a JSON instruction skips the
 * eager JSON parse of its constructor (see {@link installLazyJson}): the
 * constructors between `ModifiableInstruction` and the class only call
 * `super` and set the JSON fields.
 */
export function constructInstruction<T extends object>(Class: new (...a: never[]) => T, args: unknown[]): T {
  if (lazyJson && Class.prototype instanceof JSONInstruction) return Reflect.construct(ModifiableInstruction, args, Class) as T;
  return Reflect.construct(Class, args) as T;
}

type Rng = { start: Pos; end: Pos };
type ArgLike = { getValue(): string; getRange(): Rng };
type Doc = InstructionInternals['document'];

/**
 * dockerfile-ast's `Property` (ENV, LABEL, ARG) computes its name, value and
 * ranges in its constructor through three static helpers; they are replaced by
 * the same code with ranges as plain objects (what `Range.create` returns for
 * two positions, without its validation), and `getValue` (which unescapes one
 * character at a time by string concatenation) answers a value with nothing to
 * unescape (no escape character, quote, whitespace or line break) as it is.
 */
function installPropertyShortcuts(): void {
  const P = Property as unknown as Record<string, unknown>;
  const getValue = P['getValue'];
  if (typeof getValue !== 'function' || typeof P['getNameRange'] !== 'function' || typeof P['getValueRange'] !== 'function') return;
  P['getValue'] = function (this: unknown, value: string, escapeChar: string): string {
    const first = value.charCodeAt(0);
    // The original: skips leading whitespace, strips enclosing quotes, unescapes, drops escaped newlines and their comments.
    if (first !== 34 /* " */ && first !== 39 /* ' */ && !/[\s'"]/.test(value) && value.indexOf(escapeChar) === -1) return value;
    return (getValue as (this: unknown, v: string, e: string) => string).call(this, value, escapeChar);
  };
  P['getNameRange'] = function (document: Doc, arg: ArgLike): Rng {
    const value = arg.getValue();
    const index = value.indexOf('=');
    if (index !== -1) {
      const initial = value.charAt(0);
      const before = value.charAt(index - 1);
      if ((initial === '"' && before === '"') || (initial === "'" && before === "'") || (initial !== '"' && initial !== "'")) {
        const start = arg.getRange().start;
        return { start, end: document.positionAt(document.offsetAt(start) + index) };
      }
    }
    return arg.getRange();
  };
  P['getValueRange'] = function (document: Doc, arg: ArgLike): Rng {
    const r = arg.getRange();
    return { start: document.positionAt(document.offsetAt(r.start) + arg.getValue().indexOf('=') + 1), end: document.positionAt(document.offsetAt(r.end)) };
  };
}

/** `ImageTemplate.getRange` (asked once per comment by `organizeComments`, and by the model), ranges as plain objects. */
function installImageTemplateRange(): void {
  const proto = ImageTemplate.prototype as unknown as Record<string, unknown>;
  if (typeof proto['getRange'] !== 'function') return;
  proto['getRange'] = function (this: { getInstructions(): { getRange(): Rng }[] }): Rng {
    const instructions = this.getInstructions();
    if (instructions.length === 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: instructions[0].getRange().start, end: instructions[instructions.length - 1].getRange().end };
  };
}

export function installAstMemoization(): void {
  if (installed) return;
  installed = true;
  const proto = Instruction.prototype as unknown as Record<string, unknown>;
  const original = proto['getRawArguments'];
  if (typeof original !== 'function') return; // a future dockerfile-ast without it: nothing to speed up
  originalRawArguments = original as (this: unknown) => Argument[];
  proto['getRawArguments'] = function (this: Record<symbol, Argument[] | undefined>): Argument[] {
    let v = this[CACHE];
    if (v === undefined) {
      v = fastRawArguments(this as unknown as InstructionInternals);
      this[CACHE] = v;
    }
    return v.slice();
  };
  installArgumentsMemo();
  installLazyJson();
  installPropertyShortcuts();
  installImageTemplateRange();
  // The memo shares each argument (and its range) between callers, and `From.getImageNameRange` /
  // `getRegistryRange` assign `start`/`end` of the range `getImageRange` returns: hand out a copy, as
  // the unpatched library built a new range per call (otherwise a rule that reads the image name
  // shrinks the image range another rule reports: DF062 did).
  const fromProto = From.prototype as unknown as Record<string, unknown>;
  const imageRange = fromProto['getImageRange'];
  if (typeof imageRange === 'function') {
    fromProto['getImageRange'] = function (this: unknown): { start: unknown; end: unknown } | null {
      const r = (imageRange as (this: unknown) => { start: unknown; end: unknown } | null).call(this);
      return r && { start: r.start, end: r.end };
    };
  }
}

/**
 * Runs `fn` with dockerfile-ast's own `getRawArguments` on the prototype (no
 * port, no memo), for the equivalence tests of the parse: what dockerfile-ast
 * alone answers.
 */
export function withoutAstMemoization<T>(fn: () => T): T {
  installAstMemoization();
  const proto = Instruction.prototype as unknown as Record<string, unknown>;
  const patched = proto['getRawArguments'];
  if (!originalRawArguments) return fn();
  proto['getRawArguments'] = originalRawArguments;
  try {
    return fn();
  } finally {
    proto['getRawArguments'] = patched;
  }
}
