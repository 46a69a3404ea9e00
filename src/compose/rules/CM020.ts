import type { TextEdit } from '../../util/text';
import type { DependsOn, ServiceModel } from '../model';
import { entry, type CEntry } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import { healthOf, interpolated, tokenRange } from './_services';
import { indentUnit, yamlKey } from './_edit';

/**
 * Rewrites a service's whole `depends_on` list (block or flow) into the long
 * form: `condition: service_healthy` for the targets in `healthy`,
 * `service_started` (what the short form means) for the others. Undefined when
 * the list is not a list written on its own lines, or holds comments.
 */
function longForm(ctx: ComposeRuleContext, s: ServiceModel, healthy: ReadonlySet<string>): TextEdit | undefined {
  const e: CEntry | undefined = entry(s.node, 'depends_on');
  if (!e || e.value.kind !== 'seq' || !e.value.items.length) return undefined;
  const lines = ctx.lines;
  const keyLine = e.keyRange.start.line;
  const keyCol = e.keyRange.start.character;
  if (lines.lineText(keyLine).slice(0, keyCol).trim() !== '') return undefined; // inside a flow mapping
  const keyEnd = lines.offsetAt(e.keyRange.end);
  const colon = lines.text.indexOf(':', keyEnd);
  if (colon < 0 || lines.text.slice(keyEnd, colon).trim() !== '') return undefined;
  const last = e.value.items[e.value.items.length - 1];
  // Block seq ranges can run to the next line: stop at the last item's end (flow: the closing bracket).
  const stop = lines.textOf(e.value.range).trimStart().startsWith('[') ? lines.offsetAt(e.value.range.end) : lines.offsetAt(last.range.end);
  const old = lines.text.slice(colon + 1, stop);
  if (old.includes('#') || old.includes('&') || old.includes('*')) return undefined;
  const names: string[] = [];
  for (const it of e.value.items) {
    if (it.kind !== 'scalar' || it.value === null) return undefined;
    const n = String(it.value);
    if (!names.includes(n)) names.push(n);
  }
  const unit = indentUnit(ctx);
  const ind = ' '.repeat(keyCol) + unit;
  const eol = lines.eol;
  const out = names.map((n) => `${eol}${ind}${yamlKey(n)}:${eol}${ind}${unit}condition: ${healthy.has(n) ? 'service_healthy' : 'service_started'}`).join('');
  return { range: lines.rangeOf(colon + 1, stop), newText: out };
}

export const rule: ComposeRule = {
  code: 'CM020',
  name: 'depends-on-without-healthy-condition',
  title: 'Short-form `depends_on` on a service that has a healthcheck: it waits only for the start',
  defaultSeverity: 'info',
  fix: 'yes',
  anchors: { other: ['best practice (docs.docker.com "Control startup order")'] },
  needsWorkspace: true,
  check(ctx) {
    for (const s of ctx.model.services) {
      const short = s.dependsOn.filter((d) => d.syntax === 'short' && !interpolated(ctx, d.range));
      if (!short.length) continue;
      const healthy = new Set<string>();
      const firing: DependsOn[] = [];
      for (const d of short) {
        if (d.service === s.name || healthOf(ctx, d.service).kind !== 'yes') continue;
        healthy.add(d.service);
        firing.push(d);
      }
      if (!firing.length) continue;
      // The long form applies to the whole list: one rewrite for all its entries.
      const edit = longForm(ctx, s, healthy);
      for (const d of firing) {
        ctx.report({
          range: tokenRange(ctx, d.range, d.service),
          message: `service "${s.name}": depends_on "${d.service}" only waits for its container to start; "${d.service}" has a healthcheck, so \`condition: service_healthy\` waits until it is ready`,
          fixes: edit ? [{ title: `Use the long form with \`condition: service_healthy\` for ${[...healthy].map((h) => `"${h}"`).join(', ')}`, edits: [edit], preferred: true }] : [],
        });
      }
    }
  },
};
