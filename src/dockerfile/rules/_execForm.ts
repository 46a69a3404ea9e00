/**
 * Exec-form (JSON array) arguments of RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD, read the way
 * BuildKit does: the rest of the instruction must be one valid JSON array of strings,
 * otherwise it is shell form. Each element keeps its document range. Shared by DF120,
 * DF121 and DF125 (owned by those rules). Pure.
 */
import type { Instruction } from 'dockerfile-ast';
import type { LineIndex, Range } from '../../util/text';

export interface ExecElement {
  /** Decoded JSON string. */
  readonly value: string;
  /** Document offsets of the string literal, quotes included. */
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

export interface ExecForm {
  readonly elements: readonly ExecElement[];
  /** Offsets of `[` and just after `]`. */
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

/** Document offset where the arguments of interest start: after flags, and after `CMD` for HEALTHCHECK. */
function argsStart(lines: LineIndex, node: Instruction, keyword: string): number | undefined {
  const args = node.getArguments();
  if (!args.length) return undefined;
  if (keyword === 'HEALTHCHECK') {
    // Flags (--interval=…) come first; then the CMD subcommand.
    const i = args.findIndex((a) => !a.getValue().startsWith('--'));
    if (i < 0 || args[i].getValue().toUpperCase() !== 'CMD') return undefined;
    return lines.offsetAt(args[i].getRange().end);
  }
  // RUN may carry --mount/--network flags; ModifiableInstruction.getArguments() already skips them.
  return lines.offsetAt(args[0].getRange().start);
}

/**
 * Parses the exec form of `node` (the trigger instruction for ONBUILD), or undefined when
 * the instruction is in shell form (including malformed JSON, which Docker runs as shell form).
 */
export function execFormOf(lines: LineIndex, node: Instruction, keyword: string, escapeChar: string): ExecForm | undefined {
  // DF120, DF121, DF125… read the same instruction in one lint: computed once (the result is never modified).
  let entries = execCache.get(node);
  if (!entries) execCache.set(node, (entries = []));
  for (const e of entries) if (e.lines === lines && e.keyword === keyword && e.escapeChar === escapeChar) return e.result;
  const result = computeExecForm(lines, node, keyword, escapeChar);
  entries.push({ lines, keyword, escapeChar, result });
  return result;
}

const execCache = new WeakMap<Instruction, { lines: LineIndex; keyword: string; escapeChar: string; result: ExecForm | undefined }[]>();

function computeExecForm(lines: LineIndex, node: Instruction, keyword: string, escapeChar: string): ExecForm | undefined {
  let from: number | undefined;
  try {
    from = argsStart(lines, node, keyword);
  } catch {
    return undefined;
  }
  if (from === undefined) return undefined;
  const text = lines.text;
  const end = lines.offsetAt(node.getRange().end);
  let i = from;
  // Skips blanks, line continuations, and comment lines inside a continued instruction.
  const skip = (): void => {
    for (;;) {
      while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
      if (text[i] === escapeChar && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
        i += text[i + 1] === '\r' ? 3 : 2;
        // comment lines and empty lines after a continuation belong to the instruction
        for (;;) {
          let j = i;
          while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
          if (text[j] === '#' || text[j] === '\n' || text[j] === '\r') {
            while (j < end && text[j] !== '\n') j++;
            i = j + 1;
            if (i >= end) return;
            continue;
          }
          break;
        }
        continue;
      }
      return;
    }
  };
  skip();
  if (text[i] !== '[') return undefined;
  const start = i;
  i++;
  const elements: ExecElement[] = [];
  skip();
  if (text[i] === ']') {
    i++;
  } else {
    for (;;) {
      skip();
      if (text[i] !== '"') return undefined;
      const s = i;
      i++;
      let raw = '"';
      while (i < end && text[i] !== '"') {
        if (text[i] === '\\') {
          // a backslash before a newline is a line continuation when the escape char is `\`
          if (escapeChar === '\\' && (text[i + 1] === '\n' || text[i + 1] === '\r')) return undefined;
          raw += text[i] + (text[i + 1] ?? '');
          i += 2;
          continue;
        }
        if (text[i] === '\n' || text[i] === '\r') return undefined;
        raw += text[i];
        i++;
      }
      if (text[i] !== '"') return undefined;
      i++;
      raw += '"';
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        return undefined;
      }
      if (typeof value !== 'string') return undefined;
      elements.push({ value, start: s, end: i, range: lines.rangeOf(s, i) });
      skip();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        break;
      }
      return undefined;
    }
  }
  const close = i;
  skip();
  while (i < end && /\s/.test(text[i])) i++;
  if (i < end) return undefined; // something after `]`: Docker runs the whole thing as shell form
  return { elements, start, end: close, range: lines.rangeOf(start, close) };
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

export function baseName(p: string): string {
  // The part after the last `/` or `\` (no replace + split: this runs per word of every exec form).
  const k = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return k < 0 ? p : p.slice(k + 1);
}

/**
 * Where the actual program sits in an exec-form argv, seeing through `env [-i] [NAME=v]…`,
 * `tini [--]`, `dumb-init [--]`. Returns the index, or -1.
 */
export function programIndex(argv: readonly string[]): number {
  let i = 0;
  for (let guard = 0; guard < 8 && i < argv.length; guard++) {
    const name = baseName(argv[i]);
    if (name === 'env') {
      i++;
      while (i < argv.length && (argv[i].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]))) i++;
      continue;
    }
    if (name === 'tini' || name === 'tini-static' || name === 'dumb-init' || name === 'catatonit') {
      i++;
      while (i < argv.length && argv[i].startsWith('-')) {
        if (argv[i++] === '--') break;
      }
      continue;
    }
    return i;
  }
  return i < argv.length ? i : -1;
}

/** If argv[k] is a POSIX shell run with `-c`, the index of the script argument; else -1. */
export function shellScriptIndex(argv: readonly string[], k: number): number {
  if (k < 0 || k >= argv.length || !SHELLS.has(baseName(argv[k]))) return -1;
  let i = k + 1;
  if (baseName(argv[k]) === 'busybox') {
    if (!SHELLS.has(argv[i] ?? '')) return -1;
    i++;
  }
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return -1;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) return i + 1 < argv.length ? i + 1 : -1;
    if (/^[-+]o$/.test(a)) {
      i++;
      continue;
    }
    if (!/^[-+][a-zA-Z]+$/.test(a)) return -1;
  }
  return -1;
}

export function isPosixShellName(p: string): boolean {
  return SHELLS.has(baseName(p));
}
