/**
 * Text-edit helpers shared by compose rules' quick fixes. Edits are computed
 * on the source text so they keep the file's indentation, quoting, comments
 * and line endings.
 */
import type { LineIndex, Range, TextEdit } from '../../util/text';
import type { CEntry, CNode } from '../node';

/**
 * Deletes the whole lines of a mapping entry (key line through the value's
 * last line, with its line break). Only when the entry starts its line (a
 * block mapping entry), otherwise undefined.
 */
export function deleteEntryLines(lines: LineIndex, entry: CEntry): TextEdit | undefined {
  const startLine = entry.keyRange.start.line;
  const before = lines.lineText(startLine).slice(0, entry.keyRange.start.character);
  if (before.trim() !== '' && before.trim() !== '-') return undefined;
  const endLine = Math.max(entry.value.range.end.line, entry.keyRange.end.line);
  // A block value's range ends at the start of the next line; do not eat that line.
  const lastLine = entry.value.range.end.character === 0 && endLine > startLine ? endLine - 1 : endLine;
  const start = lines.starts[startLine];
  const end = lastLine + 1 < lines.lineCount ? lines.starts[lastLine + 1] : lines.text.length;
  return { range: lines.rangeOf(start, end), newText: '' };
}

/** The entry of a key in a mapping node. */
export function entryOf(n: CNode | undefined, key: string): CEntry | undefined {
  return n?.kind === 'map' ? n.entries.find((e) => e.key === key) : undefined;
}

/** A replacement of a range's text. */
export function replace(range: Range, newText: string): TextEdit {
  return { range, newText };
}

/** The indentation (spaces) of a line. */
export function indentOf(lines: LineIndex, line: number): string {
  return /^[ \t]*/.exec(lines.lineText(line))![0];
}
