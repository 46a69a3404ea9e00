import type { DockerfileRule } from '../types';
import { expandArgs, finalChain, globalArgDefaults, parseImageRef } from './_image';
import { effectiveFinalUser } from './_user';

/** Base images that already run as a non-root user, so a missing USER is fine. */
export function runsAsNonRoot(image: string): boolean {
  const ref = parseImageRef(image.toLowerCase());
  const tag = ref.tag ?? '';
  const full = `${ref.registry ?? 'docker.io'}/${ref.repository}`;
  return (
    /(^|[-_.])non-?root([-_.]|$)/.test(tag) || // distroless :nonroot, :debug-nonroot
    full.startsWith('cgr.dev/chainguard/') || // Chainguard images default to uid 65532
    /^(docker\.io\/)?bitnami\//.test(full) || // Bitnami images run as 1001
    /(^|[/-])(unprivileged|rootless|nonroot)([/-]|$)/.test(ref.repository) // nginx-unprivileged, …
  );
}

export const rule: DockerfileRule = {
  code: 'DF065',
  name: 'no-user-in-final-stage',
  title: 'No USER in the final stage',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { other: ['CKV_DOCKER_3', 'CIS-DI-0001', 'DS-0002'] },
  check(ctx) {
    const final = ctx.model.finalStage;
    if (!final || final.windows) return;
    if (effectiveFinalUser(ctx.model)) return;
    const chain = finalChain(ctx.model);
    const root = chain[chain.length - 1] ?? final;
    const image = root.image;
    if (image) {
      const resolved = image.includes('$') ? expandArgs(image, globalArgDefaults(ctx.model)) : image;
      // Unknown base (ARG without default): it may well set a user; stay quiet.
      if (resolved === undefined || runsAsNonRoot(resolved)) return;
    }
    const shown = final.image ? ` (FROM "${final.image}")` : '';
    ctx.report({
      range: final.from.getInstructionRange(),
      message: `No USER in the final stage${shown}: the container runs as root; add USER with a non-root user`,
    });
  },
};
