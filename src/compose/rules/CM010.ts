import type { Ranged, ServiceModel } from '../model';
import type { ComposeRule, ComposeRuleContext } from './types';
import { serviceChain, tokenRange } from './_services';

/** The `container_name` a service ends up with: the last definition that sets one (own before bases). */
function containerName(defs: readonly ServiceModel[]): Ranged<string> | undefined {
  return defs.find((d) => d.containerName?.value)?.containerName;
}

/** True when the value holds a variable that had no value (its text is not what compose would use). */
function unresolved(ctx: ComposeRuleContext, r: Ranged<string>): boolean {
  const a = ctx.lines.offsetAt(r.range.start);
  const b = ctx.lines.offsetAt(r.range.end);
  return ctx.interpolation.some((p) => {
    const o = ctx.lines.offsetAt(p.range.start);
    return o >= a && o < b;
  });
}

function profilesOf(defs: readonly ServiceModel[]): Set<string> {
  return new Set(defs.flatMap((d) => d.profiles.map((p) => p.value)));
}

export const rule: ComposeRule = {
  code: 'CM010',
  name: 'container-name-conflict',
  title: '`container_name` on a scaled service, or the same `container_name` on two services',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { other: ['compose-go checkConsistency', 'dclint no-duplicate-container-names'] },
  needsWorkspace: true,
  check(ctx) {
    if (!ctx.model.services.some((s) => s.containerName)) return;
    // Every other service's container name across the project.
    const byName = new Map<string, string[]>();
    for (const name of ctx.project.names('services')) {
      const defs = serviceChain(ctx, name).defs;
      const cn = containerName(defs);
      if (!cn?.value) continue;
      byName.set(cn.value, [...(byName.get(cn.value) ?? []), name]);
    }
    for (const s of ctx.model.services) {
      const own = s.containerName;
      if (!own?.value || unresolved(ctx, own)) continue;
      const range = tokenRange(ctx, own.range, own.value);
      const defs = serviceChain(ctx, s.name).defs;
      const scaled = defs.map((d) => d.replicas ?? d.scale).find((x) => x !== undefined);
      if (scaled && scaled.value > 1) {
        ctx.report({
          range,
          message: `service "${s.name}": container_name "${own.value}" with ${defs.some((d) => d.replicas) ? 'deploy.replicas' : 'scale'} ${scaled.value}: container names must be unique, so Compose cannot create more than one container`,
        });
        continue;
      }
      if (containerName(defs) !== own && containerName(defs)?.value !== own.value) continue;
      const mine = profilesOf(defs);
      const others = (byName.get(own.value) ?? []).filter((n) => {
        if (n === s.name) return false;
        // Services in disjoint profiles never run together.
        const theirs = profilesOf(serviceChain(ctx, n).defs);
        return !(mine.size && theirs.size && ![...mine].some((p) => theirs.has(p)));
      });
      if (!others.length) continue;
      ctx.report({
        range,
        message: `service "${s.name}": container_name "${own.value}" is also used by service${others.length > 1 ? 's' : ''} ${others.map((o) => `"${o}"`).join(', ')}`,
      });
    }
  },
};
