import type { ServiceModel } from '../model';
import { get } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import { baseOutOfView, serviceChain } from './_services';

/** How a service gets its container: an image, a build, or (compose 2.36+) a `provider` plugin. */
function ownSource(d: ServiceModel): boolean {
  return d.image !== undefined || d.build !== undefined || get(d.node, 'provider') !== undefined;
}

/**
 * A file none of whose services says how to create its container, linted with
 * no base file visible: an overlay used as `-f base.yaml -f this.yaml`.
 */
function overlay(ctx: ComposeRuleContext): boolean {
  if (baseOutOfView(ctx)) return true;
  if (ctx.project.related.some((r) => r.relation === 'default' || r.relation === 'compose-file')) return false;
  return ctx.model.services.every((s) => !ownSource(s) && !s.extends);
}

export const rule: ComposeRule = {
  code: 'CM003',
  name: 'service-without-image',
  title: 'A service has neither `image` nor `build`',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { other: ['compose-go checkConsistency'] },
  needsWorkspace: true,
  check(ctx) {
    for (const s of ctx.model.services) {
      if (s.node.kind !== 'map') continue;
      const { defs, known } = serviceChain(ctx, s.name);
      if (!known) continue;
      if (defs.some(ownSource) || overlay(ctx)) continue;
      const elsewhere = defs.length > 1 ? ' (in any of its definitions)' : '';
      ctx.report({
        range: s.nameRange,
        message: `service "${s.name}" has neither \`image\` nor \`build\`${elsewhere}: Compose cannot create its container`,
      });
    }
  },
};
