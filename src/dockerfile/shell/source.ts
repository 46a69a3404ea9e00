/**
 * ScriptSource implementations: offset -> document position maps for logical
 * scripts assembled from pieces of document lines. Pure.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { ScriptSource, ShellScript } from './types';

/**
 * Builds a script text from pieces of the document. Each piece is contiguous on
 * one document line; a piece may end with a `\n` that stands for that line's end.
 */
export class ScriptTextBuilder {
  private text = '';
  /** Script offset where each piece starts. */
  private readonly offsets: number[] = [];
  private readonly lines: number[] = [];
  private readonly chars: number[] = [];

  get length(): number {
    return this.text.length;
  }

  /** Appends `piece`, whose first character is at document (`line`, `character`). */
  append(piece: string, line: number, character: number): void {
    if (piece.length === 0) return;
    const n = this.offsets.length;
    // Merge with the previous piece when it continues it exactly.
    if (
      n > 0 &&
      this.lines[n - 1] === line &&
      this.chars[n - 1] + (this.text.length - this.offsets[n - 1]) === character &&
      this.text.charCodeAt(this.text.length - 1) !== 10
    ) {
      this.text += piece;
      return;
    }
    this.offsets.push(this.text.length);
    this.lines.push(line);
    this.chars.push(character);
    this.text += piece;
  }

  /** Appends `[from, to)` of another builder's text, keeping its document mapping. */
  appendFrom(other: ScriptTextBuilder, from: number, to: number): void {
    const n = other.offsets.length;
    for (let k = 0; k < n; k++) {
      const s = other.offsets[k];
      const e = k + 1 < n ? other.offsets[k + 1] : other.text.length;
      const a = Math.max(s, from);
      const b = Math.min(e, to);
      if (a < b) this.append(other.text.slice(a, b), other.lines[k], other.chars[k] + (a - s));
    }
  }

  /** The source over `[from, to)` of what was appended (defaults: everything). */
  build(kind: ScriptSource['kind'], from = 0, to = this.text.length, interpreter?: string): ScriptSource {
    return new SegmentedSource(this.text.slice(from, to), kind, from, this.offsets, this.lines, this.chars, interpreter);
  }

  get value(): string {
    return this.text;
  }
}

export class SegmentedSource implements ScriptSource {
  /** `parseShell`'s result for this source (see there). */
  parsed: ShellScript | undefined = undefined;

  constructor(
    readonly text: string,
    readonly kind: ScriptSource['kind'],
    private readonly base: number,
    private readonly offsets: readonly number[],
    private readonly lines: readonly number[],
    private readonly chars: readonly number[],
    readonly interpreter?: string,
  ) {
    if (interpreter === undefined) delete (this as { interpreter?: string }).interpreter;
  }

  toDocument(offset: number): Position {
    return this.map(offset, false);
  }

  toDocumentEnd(offset: number): Position {
    return this.map(offset, true);
  }

  private map(offset: number, endBias: boolean): Position {
    const n = this.offsets.length;
    if (n === 0) return { line: 0, character: 0 };
    const o = Math.max(0, Math.min(offset, this.text.length)) + this.base;
    // Last piece starting at or before o (or strictly before o for end bias).
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      const s = this.offsets[mid];
      if (endBias ? s < o : s <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: this.lines[lo], character: this.chars[lo] + (o - this.offsets[lo]) };
  }
}

/**
 * A source over plain text (tests, nested `sh -c '…'` strings): offsets map to
 * positions in `text` itself, shifted by `origin` (its first character's position).
 */
export function textSource(
  text: string,
  kind: ScriptSource['kind'] = 'shell',
  origin: Position = { line: 0, character: 0 },
): ScriptSource {
  const b = new ScriptTextBuilder();
  let line = origin.line;
  let col = origin.character;
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    let eol = j;
    if (j < text.length) eol = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    b.append(text.slice(i, eol), line, col);
    if (eol === j) break;
    line++;
    col = 0;
    i = eol;
  }
  if (text.length === 0) return { text, kind, toDocument: () => ({ ...origin }), toDocumentEnd: () => ({ ...origin }) };
  return b.build(kind);
}

/** The document range of script offsets `[start, end)`. */
export function documentRange(source: ScriptSource, start: number, end: number): Range {
  const s = source.toDocument(start);
  const e = end <= start ? s : source.toDocumentEnd ? source.toDocumentEnd(end) : source.toDocument(end);
  return { start: s, end: e };
}
