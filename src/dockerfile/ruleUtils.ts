/**
 * Small helpers that many rules share: ranges of shell words and instruction
 * parts, and the text edits most fixes are made of. Pure.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Range, TextEdit, LineIndex } from '../util/text';
import type { ShellScript, Word, SimpleCommand } from './shell/types';

/** Document range of script offsets [start, end). */
export function scriptRange(script: ShellScript, start: number, end: number): Range {
  return { start: script.source.toDocument(start), end: script.source.toDocument(end) };
}

export function wordRange(script: ShellScript, word: Word): Range {
  return scriptRange(script, word.start, word.end);
}

/** Range of a whole simple command (name to last argument). */
export function commandRange(script: ShellScript, cmd: SimpleCommand): Range {
  return scriptRange(script, cmd.start, cmd.end);
}

/** Inserts `text` right after a word (e.g. `install` -> `install -y`: pass ' -y'). */
export function insertAfterWord(script: ShellScript, word: Word, text: string): TextEdit {
  const p = script.source.toDocument(word.end);
  return { range: { start: p, end: p }, newText: text };
}

/** Replaces a word's text. */
export function replaceWord(script: ShellScript, word: Word, text: string): TextEdit {
  return { range: wordRange(script, word), newText: text };
}

/**
 * Deletes a word together with the blanks before it on the same line (or the
 * blanks after it when it starts the line), never touching line continuations.
 */
export function deleteWord(lines: LineIndex, script: ShellScript, word: Word): TextEdit {
  const r = wordRange(script, word);
  const lineText = lines.lineText(r.start.line);
  let s = r.start.character;
  while (s > 0 && (lineText[s - 1] === ' ' || lineText[s - 1] === '\t')) s--;
  if (s > 0 && s < r.start.character) return { range: { start: { line: r.start.line, character: s }, end: r.end }, newText: '' };
  const endLine = lines.lineText(r.end.line);
  let e = r.end.character;
  while (e < endLine.length && (endLine[e] === ' ' || endLine[e] === '\t')) e++;
  return { range: { start: r.start, end: { line: r.end.line, character: e } }, newText: '' };
}

/** Range of the instruction keyword (`RUN`, `FROM`, ...). */
export function keywordRange(node: Instruction): Range {
  return node.getInstructionRange();
}

/** Whole lines of an instruction, including the line break after it (for deleting it). */
export function instructionLinesRange(lines: LineIndex, node: Instruction): Range {
  const r = node.getRange();
  const endLine = r.end.line + 1 < lines.lineCount ? r.end.line + 1 : r.end.line;
  const endChar = endLine === r.end.line ? lines.lineText(r.end.line).length : 0;
  return { start: { line: r.start.line, character: 0 }, end: { line: endLine, character: endChar } };
}

/** Leading indentation of the line an instruction starts on. */
export function indentOf(lines: LineIndex, node: Instruction): string {
  const t = lines.lineText(node.getRange().start.line);
  return /^[ \t]*/.exec(t)![0];
}

/** Edit that inserts whole lines before an instruction, keeping its indentation. */
export function insertLinesBefore(lines: LineIndex, node: Instruction, newLines: readonly string[]): TextEdit {
  const line = node.getRange().start.line;
  const indent = indentOf(lines, node);
  const eol = lines.eol;
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: newLines.map((l) => indent + l + eol).join('') };
}

/** Edit that appends text at the very end of an instruction (after its last argument). */
export function appendToInstruction(node: Instruction, text: string): TextEdit {
  const end = node.getRange().end;
  return { range: { start: end, end }, newText: text };
}
