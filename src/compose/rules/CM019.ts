import type { ComposeRule } from './types';
import { healthOf, interpolated, tokenRange } from './_services';

/**
 * A Docker Official Image (`postgres`, `library/redis`, `docker.io/nginx`): by the
 * docker-library policy these define no HEALTHCHECK (docker-library/faq#healthcheck), so
 * without one in compose `service_healthy` cannot work. Other images may define one: we
 * cannot know without pulling, so they are not reported.
 */
export function isOfficialImage(image: string): boolean {
  const ref = image.split('@')[0];
  const parts = ref.split('/');
  let i = 0;
  // A registry host: has a dot or a port, or is localhost.
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost')) {
    if (!/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)$/.test(parts[0])) return false;
    i = 1;
  }
  const rest = parts.slice(i);
  return rest.length === 1 ? !!rest[0] && !rest[0].includes('$') : rest.length === 2 && rest[0] === 'library';
}

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
        else if (h.kind === 'image' && isOfficialImage(h.image)) why = `it has no \`healthcheck:\` and its image ${h.image} is a Docker Official Image, which defines none`;
        else if (h.kind === 'base' && isOfficialImage(h.image)) why = `neither \`healthcheck:\` nor its Dockerfile defines one (its base image ${h.image} is a Docker Official Image, which defines none)`;
        else continue; // another image may define a HEALTHCHECK: only pulling it would tell
        ctx.report({
          range: tokenRange(ctx, d.range, d.service),
          message: `service "${s.name}" waits for "${d.service}" to be healthy, but ${why}: \`up\` fails with "${d.service} has no healthcheck configured"`,
        });
      }
    }
  },
};
