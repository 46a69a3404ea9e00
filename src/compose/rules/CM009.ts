import type { TextEdit } from '../../util/text';
import type { CNode, CScalar } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import { get } from '../node';
import { indentOf } from './_edit';

const PREFIXES = ['CMD', 'CMD-SHELL', 'NONE'];

export const rule: ComposeRule = {
  code: 'CM009',
  name: 'healthcheck-test-prefix',
  title: 'A list-form `healthcheck.test` must start with CMD, CMD-SHELL or NONE',
  defaultSeverity: 'error',
  fix: 'yes',
  anchors: { other: ['compose-go checkConsistency (healthcheck.test must start either by "CMD", "CMD-SHELL" or "NONE")'] },
  check(ctx) {
    for (const s of ctx.model.services) {
      const test = get(get(s.node, 'healthcheck'), 'test');
      if (test?.kind !== 'seq' || test.items.length === 0) continue;
      const first = test.items[0];
      if (first.kind !== 'scalar') continue;
      const value = first.value === null ? '' : String(first.value);
      if (PREFIXES.includes(value)) continue;
      const fixes = fixesFor(ctx, test, first, value);
      ctx.report({
        range: first.range,
        message: `service "${s.name}": healthcheck.test starts with "${value}": a list must start with "CMD" (exec form), "CMD-SHELL" (shell command) or "NONE"`,
        fixes,
      });
    }
  },
};

function fixesFor(ctx: ComposeRuleContext, seq: CNode & { kind: 'seq' }, first: CScalar, value: string): { title: string; edits: TextEdit[]; preferred: boolean }[] {
  if (first.value === null) return [];
  const src = ctx.lines.textOf(first.range);
  const quote = src[0] === '"' || src[0] === "'" ? src[0] : '';
  // The first item must map onto its source to be edited in place.
  if ((quote ? src.slice(1, -1) : src) !== value || src.includes('\n')) return [];
  const upper = value.toUpperCase();
  if (PREFIXES.includes(upper)) {
    return [{ title: `Write "${upper}" in capitals`, edits: [{ range: first.range, newText: quote + upper + quote }], preferred: true }];
  }
  const m = /^(CMD-SHELL|CMD)\s+(\S.*)$/i.exec(value);
  if (m && seq.items.length === 1) {
    // ["CMD curl -f …"]: one string that already names the form.
    const rest = m[2];
    if (quote === "'" && rest.includes("'")) return [];
    const edits = insertBefore(ctx, seq, first, quote + 'CMD-SHELL' + quote);
    if (!edits) return [];
    const start = ctx.lines.offsetAt(first.range.start) + (quote ? 1 : 0);
    edits.push({ range: ctx.lines.rangeOf(start, start + value.length - rest.length), newText: '' });
    return [{ title: 'Split into "CMD-SHELL" and the command', edits, preferred: true }];
  }
  const prefix = seq.items.length === 1 && /\s/.test(value) ? 'CMD-SHELL' : 'CMD';
  const edits = insertBefore(ctx, seq, first, quote + prefix + quote);
  return edits ? [{ title: `Start the list with "${prefix}"`, edits, preferred: true }] : [];
}

/** Inserts a new first item, in flow (`[a, b]`) or block (`- a`) style. */
function insertBefore(ctx: ComposeRuleContext, seq: CNode, first: CScalar, item: string): TextEdit[] | undefined {
  const seqStart = ctx.lines.offsetAt(seq.range.start);
  const itemStart = ctx.lines.offsetAt(first.range.start);
  if (ctx.text[seqStart] === '[') return [{ range: ctx.lines.rangeOf(itemStart, itemStart), newText: `${item}, ` }];
  const line = first.range.start.line;
  const lineText = ctx.lines.lineText(line);
  const dash = /^([ \t]*)-([ \t]+)/.exec(lineText);
  if (!dash || dash[0].length !== first.range.start.character) return undefined;
  const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = ctx.lines.starts[line];
  return [{ range: ctx.lines.rangeOf(lineStart, lineStart), newText: `${indentOf(ctx.lines, line)}-${dash[2]}${item}${eol}` }];
}
