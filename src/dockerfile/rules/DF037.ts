import type { PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileRule, Fix } from '../types';
import type { TextEdit } from '../../util/text';
import { unquote } from './_words';

const logicalRes = new Map<string, RegExp>();

/** Removes line continuations (escape + blanks + newline) and the comment lines after them. */
function logical(raw: string, escape: string): string {
  if (!raw.includes('\n')) return raw;
  let re = logicalRes.get(escape);
  if (!re) {
    const esc = escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    re = new RegExp(`${esc}[ \\t]*\\r?\\n(?:[ \\t]*(?:#[^\\n]*)?\\r?\\n)*`, 'g');
    logicalRes.set(escape, re);
  }
  return raw.replace(re, '');
}

export const rule: DockerfileRule = {
  code: 'DF037',
  name: 'legacy-key-value-format',
  title: 'ENV or LABEL in the legacy `key value` form',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { buildkit: ['LegacyKeyValueFormat'] },
  check(ctx) {
    const escape = ctx.model.escapeChar;
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'ENV' && info.keyword !== 'LABEL') continue;
      const node = info.node as PropertyInstruction;
      const props = node.getProperties();
      if (props.length !== 1) continue;
      const p = props[0];
      const valueRange = p.getValueRange();
      if (p.getAssignmentOperator() !== null || p.getValue() === null || !valueRange) continue;
      const name = p.getName();
      const nameRange = p.getNameRange();
      const raw = ctx.lines.textOf(valueRange);
      const value = logical(raw, escape);
      const gap = { start: nameRange.end, end: valueRange.start };
      let edits: TextEdit[] | undefined;
      let title = `Use ${info.node.getInstruction()} ${name}=<value>`;
      const spaced = /^=[ \t]*/.exec(raw);
      if (spaced && raw.length > spaced[0].length) {
        // `LABEL key = "value"`: meant as key=value, the blanks around `=` made it legacy
        // (with the value "= value"). Drop the blanks.
        edits = [{ range: { start: nameRange.end, end: ctx.lines.positionAt(ctx.lines.offsetAt(valueRange.start) + spaced[0].length) }, newText: '=' }];
        title = 'Remove the blanks around "="';
      } else if (!/\s/.test(value) || /^"(?:[^"\\]|\\.)*"$/.test(value) || /^'[^']*'$/.test(value)) {
        // One word, or one quoted string: only the separator changes.
        edits = [{ range: gap, newText: '=' }];
      } else if (!/["'`\\]/.test(value) && !value.includes(escape)) {
        // Plain words: quote them where they are (continuation lines stay inside the quotes).
        edits = [
          { range: gap, newText: '="' },
          { range: { start: valueRange.end, end: valueRange.end }, newText: '"' },
        ];
      } else if (escape === '\\' && !/'[^']*\$[^']*'/.test(value)) {
        // Mixed quoting: rewrite the value as one double-quoted string.
        const v = unquote(value, escape);
        const quoted = `"${v.replace(/["\\`]/g, (c) => `\\${c}`)}"`;
        edits = [{ range: { start: nameRange.end, end: valueRange.end }, newText: `=${quoted}` }];
      }
      const kw = info.node.getInstruction();
      const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
      const fixes: Fix[] = edits ? [{ title, edits, preferred: true }] : [];
      ctx.report({
        range: nameRange,
        message: `Legacy "${kw} ${name} ${shown}" form: write "${kw} ${name}=…" (key=value)`,
        fixes,
      });
    }
  },
};
