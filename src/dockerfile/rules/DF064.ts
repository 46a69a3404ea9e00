import type { DockerfileRule } from '../types';
import { effectiveFinalUser, isRootUser } from './_user';

export const rule: DockerfileRule = {
  code: 'DF064',
  name: 'last-user-root',
  title: 'Last USER of the final stage is root',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { hadolint: ['DL3002'], other: ['DS-0002', 'CKV_DOCKER_8'] },
  check(ctx) {
    const final = ctx.model.finalStage;
    if (!final || final.windows) return;
    const eff = effectiveFinalUser(ctx.model);
    if (!eff || !isRootUser(eff.user)) return;
    const inherited =
      eff.stage !== final ? ` (set in stage ${eff.stage.name ? `"${eff.stage.name}"` : eff.stage.index}, which the final stage builds on)` : '';
    ctx.report({
      range: eff.user.range,
      message: `Last USER of the final stage is "${eff.user.spec}"${inherited}: the container runs as root; switch to a non-root user`,
    });
  },
};
