import type { DockerfileRule } from '../types';
import { flagsOf } from './_ast';
import { addSources } from './_add';

export const rule: DockerfileRule = {
  code: 'DF071',
  name: 'add-url-without-checksum',
  title: 'ADD of a remote URL without --checksum',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: {},
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'ADD') continue;
      if (flagsOf(info.node).some((f) => f.getName().toLowerCase() === 'checksum')) continue;
      for (const s of addSources(ctx, info)) {
        if (s.kind !== 'url') continue;
        ctx.report({
          range: s.range,
          message: `ADD of remote URL "${s.value}" without --checksum: the download is not verified; add --checksum=sha256:<digest>`,
        });
      }
    }
  },
};
