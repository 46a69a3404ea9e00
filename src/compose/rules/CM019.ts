import type { ComposeRule } from './types';
import { healthOf, interpolated, tokenRange } from './_services';

export const rule: ComposeRule = {
  code: 'CM019',
  name: 'healthy-condition-without-healthcheck',
  title: '`condition: service_healthy` on a service that has no healthcheck',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { other: ['docker compose up: "container is unhealthy" / "has no healthcheck configured"'] },
  needsWorkspace: true,
  check(ctx) {
    for (const s of ctx.model.services) {
      for (const d of s.dependsOn) {
        if (d.condition !== 'service_healthy' || interpolated(ctx, d.range)) continue;
        const h = healthOf(ctx, d.service);
        let why: string;
        if (h.kind === 'disabled') why = `${h.how}`;
        else if (h.kind === 'image') why = `it has no \`healthcheck:\`, unless its image ${h.image} defines a HEALTHCHECK`;
        else if (h.kind === 'base') why = `neither \`healthcheck:\` nor its Dockerfile defines one, unless its base image ${h.image} defines a HEALTHCHECK`;
        else continue;
        ctx.report({
          range: tokenRange(ctx, d.range, d.service),
          message: `service "${s.name}" waits for "${d.service}" to be healthy, but ${why}: \`up\` fails with "${d.service} has no healthcheck configured"`,
        });
      }
    }
  },
};
