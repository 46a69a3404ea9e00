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
import { Argument, From, Instruction } from 'dockerfile-ast';

const CACHE = Symbol('dockyard.rawArguments');
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
