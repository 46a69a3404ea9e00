import type { Fix } from '../../dockerfile/types';
import type { CEntry, CMap } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import { isFlow, once, rawServices } from './_raw';
import { indentOf, replace } from './_edit';

const KINDS = ['networks', 'volumes', 'secrets', 'configs'] as const;

/**
 * `external: {name: x}` → `name: x` + `external: true`, keeping the name as
 * written. Only when `external` holds nothing but `name` and the text between
 * them carries no comment.
 */
function externalNameFix(ctx: ComposeRuleContext, resource: CMap, external: CEntry, nameEntry: CEntry): Fix | undefined {
  const ext = external.value as CMap;
  if (ext.entries.length !== 1 || nameEntry.value.kind !== 'scalar') return undefined;
  const nameText = ctx.lines.textOf(nameEntry.value.range);
  if (nameEntry.value.range.start.line !== nameEntry.value.range.end.line) return undefined;
  const sibling = resource.entries.find((e) => e.key === 'name');
  const start = ctx.lines.offsetAt(external.keyRange.start);
  const end = ctx.lines.offsetAt(isFlow(ctx, ext) ? ext.range.end : nameEntry.value.range.end);
  const replaced = ctx.text.slice(start, end);
  if (replaced.includes('#')) return undefined;
  const range = ctx.lines.rangeOf(start, end);
  if (sibling) {
    // `name` already there: compose-go accepts external.name only when it agrees.
    if (sibling.value.kind !== 'scalar' || String(sibling.value.value) !== String(nameEntry.value.value)) return undefined;
    return { title: 'Replace the deprecated external.name with `external: true`', edits: [replace(range, 'external: true')], preferred: true };
  }
  let text: string;
  if (isFlow(ctx, resource)) text = `name: ${nameText}, external: true`;
  else {
    const line = external.keyRange.start.line;
    const indent = indentOf(ctx.lines, line);
    if (indent.length !== external.keyRange.start.character) return undefined; // the key does not start its line
    text = `name: ${nameText}${ctx.lines.eol}${indent}external: true`;
  }
  return { title: `Replace the deprecated external.name with \`name: ${nameText}\` and \`external: true\``, edits: [replace(range, text)], preferred: true };
}

export const rule: ComposeRule = {
  code: 'CM029',
  name: 'deprecated-syntax',
  title: 'Deprecated syntax: `external: { name: … }` or `links`',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { other: ['compose-go: "external.name is deprecated. Please set name and external: true"', 'Docker docs: links is a legacy feature'] },
  check(ctx) {
    const root = ctx.root;
    if (root?.kind !== 'map') return;
    const first = once();
    for (const kind of KINDS) {
      const section = root.entries.find((e) => e.key === kind)?.value;
      if (section?.kind !== 'map') continue;
      for (const res of section.entries) {
        if (res.value.kind !== 'map') continue;
        const external = res.value.entries.find((e) => e.key === 'external');
        if (external?.value.kind !== 'map') continue;
        const nameEntry = external.value.entries.find((e) => e.key === 'name');
        if (!nameEntry || !first(nameEntry.keyRange)) continue;
        const fix = externalNameFix(ctx, res.value, external, nameEntry);
        const singular = kind.slice(0, -1);
        const name = nameEntry.value.kind === 'scalar' ? String(nameEntry.value.value) : '…';
        ctx.report({
          range: nameEntry.keyRange,
          message: `${singular} "${res.key}": external.name is deprecated: write name: ${name} and external: true`,
          fixes: fix ? [fix] : [],
        });
      }
    }
    for (const svc of rawServices(root)) {
      const links = svc.node.entries.find((e) => e.key === 'links');
      if (!links || !first(links.keyRange)) continue;
      ctx.report({
        range: links.keyRange,
        message: `service "${svc.name}": links is a legacy option: services on a shared network already reach each other by service name (use network aliases for other names, depends_on for start order)`,
      });
    }
  },
};
