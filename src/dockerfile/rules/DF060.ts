import type { DockerfileRule } from '../types';
import { describeImage, imageNoun, imageUses } from './_image';

export const rule: DockerfileRule = {
  code: 'DF060',
  name: 'image-untagged',
  title: 'Base image without tag',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { hadolint: ['DL3006'] },
  check(ctx) {
    for (const use of imageUses(ctx.model, true)) {
      if (use.ref.tag !== undefined || use.ref.digest !== undefined) continue;
      ctx.report({
        range: use.range,
        message: `${imageNoun(use)} ${describeImage(use)} has no tag: it pulls whatever "latest" is today; pin a version tag`,
      });
    }
  },
};
