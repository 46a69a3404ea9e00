import type { DockerfileRule } from '../types';
import { finalChain } from './_image';

export const rule: DockerfileRule = {
  code: 'DF073',
  name: 'no-healthcheck',
  title: 'No HEALTHCHECK in the final stage',
  defaultSeverity: 'off',
  fix: 'no',
  anchors: { hadolint: ['DL3057'], other: ['DS-0026', 'CKV_DOCKER_2', 'CIS-DI-0006'] },
  check(ctx) {
    const final = ctx.model.finalStage;
    if (!final) return;
    // A HEALTHCHECK (NONE included) in the final stage or a stage it builds on counts.
    for (const stage of finalChain(ctx.model)) {
      if (stage.instructions.some((i) => i.keyword === 'HEALTHCHECK' && !i.onbuild)) return;
    }
    const shown = final.image ? ` (FROM "${final.image}")` : '';
    ctx.report({
      range: final.from.getInstructionRange(),
      message: `No HEALTHCHECK in the final stage${shown}: orchestrators cannot tell when the container is unhealthy; add HEALTHCHECK CMD … (or HEALTHCHECK NONE)`,
    });
  },
};
