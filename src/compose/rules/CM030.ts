import type { ComposeRule } from './types';
import { once, rawServices, serviceHasKey } from './_raw';

export const rule: ComposeRule = {
  code: 'CM030',
  name: 'build-and-image',
  title: 'A service sets both `build` and `image` without `pull_policy`',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { other: ['dclint no-build-and-image', 'Compose Specification build: "Consistency with image"'] },
  check(ctx) {
    const first = once();
    for (const svc of rawServices(ctx.root)) {
      const image = svc.node.entries.find((e) => e.key === 'image');
      if (!image || image.value.kind !== 'scalar' || image.value.value === null || !first(image.keyRange)) continue;
      // The other keys may come from an override file of the same project.
      if (!serviceHasKey(ctx, svc.name, 'build') || serviceHasKey(ctx, svc.name, 'pull_policy')) continue;
      const ref = String(image.value.value);
      ctx.report({
        range: image.keyRange,
        message: `service "${svc.name}": both build and image (${ref}) are set without pull_policy: when ${ref} is not present locally Compose tries to pull it and builds only if the pull fails; set pull_policy: build to always build it`,
      });
    }
  },
};
