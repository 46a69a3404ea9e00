import type { Range } from '../../util/text';
import { closest } from '../../util/text';
import type { ServiceModel } from '../model';
import { get, type CNode } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import { extendsBase, interpolated, baseOutOfView, rawList, tokenRange } from './_services';

/** Reports `name` (at `range`, the name token) when it is not among `defined`. */
function check(ctx: ComposeRuleContext, s: ServiceModel, name: string, range: Range, what: string, defined: ReadonlySet<string>, where = '', otherFile = false): void {
  if (!name || defined.has(name)) return;
  if (what !== 'extends' && baseOutOfView(ctx)) return;
  const guess = closest(name, [...defined].filter((n) => n !== s.name || otherFile));
  ctx.report({
    range,
    message: `service "${s.name}": ${what} "${name}" is not a service defined${where || ' in this project'}${guess ? ` (did you mean "${guess}"?)` : ''}`,
    fixes: guess ? [{ title: `Change to \`${guess}\``, edits: [{ range, newText: guess }], preferred: true }] : [],
  });
}

export const rule: ComposeRule = {
  code: 'CM004',
  name: 'undefined-service-reference',
  title: '`depends_on`, `links`, `network_mode: service:`, `volumes_from` or `extends` names an undefined service',
  defaultSeverity: 'error',
  fix: 'partial',
  anchors: { other: ['compose-go checkConsistency', 'compose-go ApplyExtends'] },
  needsWorkspace: true,
  check(ctx) {
    const project = ctx.project.complete ? ctx.project.names('services') : undefined;
    for (const s of ctx.model.services) {
      if (project) {
        for (const d of s.dependsOn) {
          // `required: false` tolerates a missing service (compose only warns).
          if (!d.required || interpolated(ctx, d.range)) continue;
          check(ctx, s, d.service, tokenRange(ctx, d.range, d.service), 'depends_on', project);
        }
        for (const l of s.links) {
          if (interpolated(ctx, l.range)) continue;
          const name = l.value.split(':')[0];
          check(ctx, s, name, tokenRange(ctx, l.range, name), 'links', project);
        }
        const nm = s.networkMode;
        if (nm && nm.value.startsWith('service:') && !interpolated(ctx, nm.range)) {
          const name = nm.value.slice('service:'.length);
          check(ctx, s, name, tokenRange(ctx, nm.range, name, 'service:'.length), 'network_mode', project);
        }
        for (const it of rawList(s, 'volumes_from')) volumesFrom(ctx, s, it, project);
      }
      extendsRef(ctx, s);
    }
  },
};

function volumesFrom(ctx: ComposeRuleContext, s: ServiceModel, it: CNode, defined: ReadonlySet<string>): void {
  if (it.kind !== 'scalar' || it.value === null || interpolated(ctx, it.range)) return;
  const v = String(it.value);
  if (v.startsWith('container:')) return;
  const skip = v.startsWith('service:') ? 'service:'.length : 0;
  const name = v.slice(skip).split(':')[0];
  check(ctx, s, name, tokenRange(ctx, it.range, name, skip), 'volumes_from', defined);
}

function extendsRef(ctx: ComposeRuleContext, s: ServiceModel): void {
  const ext = s.extends;
  if (!ext) return;
  const node = ext.fromFile !== undefined || get(s.node, 'extends')?.kind === 'map' ? get(get(s.node, 'extends'), 'service') : get(s.node, 'extends');
  if (!node || node.kind !== 'scalar' || interpolated(ctx, node.range)) return;
  const { model } = extendsBase(ctx, s);
  if (!model) return; // the file cannot be read
  const names = new Set(model.services.map((x) => x.name));
  if (ext.fromFile === undefined && ext.service === s.name) return; // a self-extend is a cycle, not an undefined name
  const where = ext.fromFile !== undefined ? ` in ${ext.fromFile}` : ' in this file';
  check(ctx, s, ext.service, tokenRange(ctx, node.range, ext.service), 'extends', names, where, ext.fromFile !== undefined);
}
