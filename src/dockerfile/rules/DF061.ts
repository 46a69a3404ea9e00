import type { DockerfileRule } from '../types';
import { describeImage, imageNoun, imageUses } from './_image';

export const rule: DockerfileRule = {
  code: 'DF061',
  name: 'image-latest-tag',
  title: 'Image uses the :latest tag',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { hadolint: ['DL3007'], other: ['DS-0001', 'CKV_DOCKER_7', 'DKL-DI-0006'] },
  check(ctx) {
    for (const use of imageUses(ctx.model, true)) {
      // A digest pins the image whatever the tag says.
      if (use.ref.tag !== 'latest' || use.ref.digest !== undefined) continue;
      ctx.report({
        range: use.tagRange ?? use.range,
        message: `${imageNoun(use)} ${describeImage(use)} uses the "latest" tag: builds are not reproducible; pin a version tag`,
      });
    }
  },
};
