import type { DockerfileRule } from '../types';
import { describeImage, imageNoun, imageUses } from './_image';

export const rule: DockerfileRule = {
  code: 'DF062',
  name: 'image-not-pinned-by-digest',
  title: 'Image not pinned by digest',
  defaultSeverity: 'off',
  fix: 'no',
  anchors: {},
  check(ctx) {
    for (const use of imageUses(ctx.model, true)) {
      if (use.ref.digest !== undefined) continue;
      ctx.report({
        range: use.range,
        message: `${imageNoun(use)} ${describeImage(use)} is not pinned by digest: add @sha256:… so the build always gets the same image`,
      });
    }
  },
};
