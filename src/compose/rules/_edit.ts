/**
 * Text-edit helpers shared by compose rules' quick fixes. Edits are computed
 * on the source text so they keep the file's indentation, quoting, comments
 * and line endings.
 */
import type { LineIndex, Range, TextEdit } from '../../util/text';
import type { CEntry, CMap, CNode, CSeq } from '../node';
import type { ComposeRuleContext } from './types';
import { contains } from './_raw';

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

/** A name written as a YAML key: plain when safe, else double-quoted. */
export function yamlKey(name: string): string {
  return /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(name) ? name : JSON.stringify(name);
}

/** Last line holding content of a node (a block value's range ends at the start of the next line). */
export function lastLineOf(n: CNode): number {
  const end = n.range.end;
  return end.character === 0 && end.line > n.range.start.line ? end.line - 1 : end.line;
}

/** Offset of the start of the line after the last line that `n`'s content occupies. */
export function offsetAfter(lines: LineIndex, n: { range: CNode['range'] }): number {
  let line = n.range.end.line;
  if (n.range.end.character === 0 && line > n.range.start.line) line--;
  // Skip back over trailing blank or comment-only lines that the range may include.
  while (line > n.range.start.line && /^\s*(#.*)?$/.test(lines.lineText(line))) line--;
  return line + 1 < lines.lineCount ? lines.starts[line + 1] : lines.text.length;
}

/** Whether a collection node is written in block style (its first item/key starts its own line). */
export function isBlock(lines: LineIndex, n: CMap | CSeq): boolean {
  const t = lines.textOf(n.range).trimStart();
  return !(t.startsWith('{') || t.startsWith('['));
}

/** The text between the line start and a position (the indentation, plus `- ` for a list item). */
export function linePrefix(lines: LineIndex, pos: { line: number; character: number }): string {
  return lines.lineText(pos.line).slice(0, pos.character);
}

/** Whether a node lies inside another node's source range (merge keys bring entries from elsewhere). */
export function within(inner: { range: CNode['range'] }, outer: { range: CNode['range'] }): boolean {
  return contains(outer.range, inner.range);
}

/** Text inserted at an offset, starting with a line break when the offset is not at a line start. */
export function insertLines(lines: LineIndex, offset: number, body: string[]): TextEdit {
  const eol = lines.eol;
  const atLineStart = offset === 0 || lines.text[offset - 1] === '\n';
  const text = (atLineStart ? '' : eol) + body.join(eol) + eol;
  const pos = lines.positionAt(offset);
  return { range: { start: pos, end: pos }, newText: text };
}

/**
 * The file's indentation unit: how far the first block mapping nested in a
 * top-level entry (usually the first service under `services:`) is indented
 * relative to its key; two spaces when the file shows none.
 */
export function indentUnit(ctx: { lines: LineIndex; root: CNode | undefined }): string {
  const { lines, root } = ctx;
  if (root?.kind === 'map') {
    for (const e of root.entries) {
      const v = e.value;
      if (v.kind !== 'map' || !v.entries.length || !isBlock(lines, v)) continue;
      const k = v.entries[0].keyRange.start;
      if (k.line <= e.keyRange.start.line || !/^\s*$/.test(linePrefix(lines, k))) continue;
      const unit = k.character - e.keyRange.start.character;
      if (unit > 0) return ' '.repeat(unit);
    }
  }
  return '  ';
}

/**
 * The edit adding an item to the block list `key:` of a service mapping, or
 * creating `key:` with that item. Undefined when it cannot be done safely
 * (flow style, an entry brought in by a merge key).
 */
export function addListItemEdit(ctx: ComposeRuleContext, service: CNode, key: string, item: string): TextEdit | undefined {
  const lines = ctx.lines;
  if (service.kind !== 'map' || !service.entries.length || !isBlock(lines, service)) return undefined;
  const own = service.entries.filter((e) => within({ range: e.keyRange }, service));
  if (!own.length) return undefined;
  const entry = service.entries.find((e) => e.key === key);
  const unit = indentUnit(ctx);
  const keyIndent = linePrefix(lines, own[0].keyRange.start);
  if (!/^\s*$/.test(keyIndent)) return undefined;
  if (entry) {
    if (!within({ range: entry.keyRange }, service)) return undefined;
    const v = entry.value;
    if (v.kind !== 'seq' || !v.items.length || !isBlock(lines, v)) return undefined;
    const last = v.items[v.items.length - 1];
    const first = v.items[0];
    const prefix = linePrefix(lines, first.range.start);
    const m = /^(\s*)-(\s+)$/.exec(prefix);
    if (!m) return undefined;
    return insertLines(lines, offsetAfter(lines, last), [`${m[1]}-${m[2]}${item}`]);
  }
  // A new key after the service's last own entry; list items indented like the file's other lists.
  const lastEntry = own.reduce((a, b) => (b.value.range.end.line >= a.value.range.end.line ? b : a));
  const dash = listDashIndent(ctx, service) ?? unit;
  return insertLines(lines, offsetAfter(lines, { range: { start: lastEntry.keyRange.start, end: lastEntry.value.range.end } }), [
    `${keyIndent}${key}:`,
    `${keyIndent}${dash}- ${item}`,
  ]);
}

/** The indentation of list dashes relative to their key, from the first block list of the service or file. */
function listDashIndent(ctx: ComposeRuleContext, service: CMap): string | undefined {
  const lines = ctx.lines;
  const look = (m: CMap): string | undefined => {
    for (const e of m.entries) {
      if (e.value.kind === 'seq' && e.value.items.length && isBlock(lines, e.value) && e.value.items[0].range.start.line > e.keyRange.start.line) {
        const keyInd = linePrefix(lines, e.keyRange.start);
        const itemPrefix = linePrefix(lines, e.value.items[0].range.start);
        const m2 = /^(\s*)-\s+$/.exec(itemPrefix);
        if (m2 && /^\s*$/.test(keyInd) && m2[1].startsWith(keyInd)) return m2[1].slice(keyInd.length);
      }
    }
    return undefined;
  };
  const own = look(service);
  if (own !== undefined) return own;
  const services = ctx.root?.kind === 'map' ? ctx.root.entries.find((e) => e.key === 'services')?.value : undefined;
  if (services?.kind === 'map') for (const e of services.entries) if (e.value.kind === 'map') {
    const r = look(e.value);
    if (r !== undefined) return r;
  }
  return undefined;
}

/**
 * Adds `name` with `body` (lines below the key, relative indentation) under a
 * top-level section (`volumes`, `networks`, `secrets`, …) of this document,
 * creating the section at its end when there is none. An entry without a body
 * is written `name:` (the Compose documentation's form), or `name: {}` when
 * the section's entries are written that way. A new section is set apart by
 * a blank line when the file separates its top-level sections so. Undefined
 * when it cannot be done safely (flow-style root, the section not a mapping).
 */
export function addTopLevelEntry(ctx: ComposeRuleContext, section: string, name: string, body: string[]): TextEdit[] | undefined {
  const root = ctx.root;
  if (root?.kind !== 'map' || !root.entries.length) return undefined;
  const lines = ctx.lines;
  const eol = lines.eol;
  const unit = indentUnit(ctx);
  const first = root.entries[0];
  if (linePrefix(lines, first.keyRange.start).trim() !== '') return undefined; // flow root
  const rootIndent = ' '.repeat(first.keyRange.start.character);
  const key = yamlKey(name);
  const entryLines = (indent: string, braces: boolean): string[] =>
    body.length ? [`${indent}${key}:`, ...body.map((b) => indent + unit + b)] : [braces ? `${indent}${key}: {}` : `${indent}${key}:`];
  /** New lines after `line` (a line break first when the file does not end with one). */
  const insertAfter = (line: number, newLines: string[]): TextEdit => {
    const at = line + 1 < lines.lineCount ? lines.starts[line + 1] : lines.text.length;
    const lead = at === lines.text.length && lines.text.length && !/[\r\n]$/.test(lines.text) ? eol : '';
    return { range: lines.rangeOf(at, at), newText: lead + newLines.map((l) => l + eol).join('') };
  };
  const entry = root.entries.find((e) => e.key === section);
  if (!entry) {
    const last = root.entries[root.entries.length - 1];
    const line = Math.max(lastLineOf(last.value), last.keyRange.end.line);
    const gap = sectionsSpaced(lines, root) ? [''] : [];
    return [insertAfter(line, [...gap, `${rootIndent}${section}:`, ...entryLines(rootIndent + unit, false)])];
  }
  const v = entry.value;
  const keyLine = entry.keyRange.end.line;
  if (linePrefix(lines, entry.keyRange.start).trim() !== '') return undefined;
  if (v.kind === 'scalar' && v.value === null) {
    // `volumes:` with nothing after it, or `volumes: ~` / `null`.
    const written = v.range.start.line === keyLine && lines.offsetAt(v.range.start) > lines.offsetAt(entry.keyRange.end);
    if (written && v.range.end.line !== keyLine) return undefined;
    const edits: TextEdit[] = [];
    if (written) {
      const colon = lines.text.indexOf(':', lines.offsetAt(entry.keyRange.end));
      const from = colon >= 0 && colon < lines.offsetAt(v.range.start) ? colon + 1 : lines.offsetAt(v.range.start);
      edits.push({ range: lines.rangeOf(from, lines.offsetAt(v.range.end)), newText: '' });
    }
    edits.push(insertAfter(keyLine, entryLines(rootIndent + unit, false)));
    return edits;
  }
  if (v.kind !== 'map') return undefined;
  if (!isBlock(lines, v)) {
    // Flow mapping: before the closing brace.
    if (body.length) return undefined;
    const close = lines.offsetAt(v.range.end) - 1;
    if (lines.text[close] !== '}') return undefined;
    const open = lines.offsetAt(v.range.start) + 1;
    const inner = lines.text.slice(open, close).trimEnd();
    const at = open + inner.length;
    const sep = inner.trim() ? (inner.endsWith(',') ? ' ' : ', ') : '';
    return [{ range: lines.rangeOf(at, at), newText: `${sep}${key}: {}` }];
  }
  // Entries written here (not merged in from an anchor elsewhere).
  const own = v.entries.filter((e) => within({ range: e.keyRange }, v));
  if (!own.length) return undefined;
  const indent = ' '.repeat(own[0].keyRange.start.character);
  const line = Math.max(...own.map((e) => Math.max(lastLineOf(e.value), e.keyRange.end.line)));
  const braces = own.some((e) => e.value.kind === 'map' && !e.value.entries.length && lines.textOf(e.value.range).trim() === '{}');
  return [insertAfter(line, entryLines(indent, braces))];
}

/** Whether a blank line stands before some top-level key after the first (the file sets its sections apart). */
function sectionsSpaced(lines: LineIndex, root: CMap): boolean {
  for (let i = 1; i < root.entries.length; i++) {
    const line = root.entries[i].keyRange.start.line;
    if (line > 0 && lines.lineText(line - 1).trim() === '') return true;
  }
  return false;
}

/** Replaces `from` by `to` inside a scalar's source text when the value maps 1:1 onto it. */
export function replaceInScalar(lines: LineIndex, n: CNode, from: string, to: string): TextEdit | undefined {
  if (n.kind !== 'scalar' || n.exact === undefined || typeof n.value !== 'string') return undefined;
  const i = n.value.indexOf(from);
  if (i < 0) return undefined;
  const start = lines.offsetAt(n.range.start) + n.exact + i;
  return { range: lines.rangeOf(start, start + from.length), newText: to };
}
