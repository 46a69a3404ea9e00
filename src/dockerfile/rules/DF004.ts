import type { DockerfileRule } from '../types';

export const rule: DockerfileRule = {
  code: 'DF004',
  name: 'no-source-image',
  title: 'First instruction is not FROM (only ARG may precede it), or there is no FROM',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { hadolint: ['DL3061'], dockerfileUtils: ['NO_SOURCE_IMAGE'] },
  check(ctx) {
    const all = ctx.model.instructions;
    if (!all.length) return; // an empty file: nothing to point at
    const firstFrom = all.findIndex((i) => i.keyword === 'FROM' && !i.onbuild);
    if (firstFrom < 0) {
      const first = all.find((i) => i.keyword !== 'ARG') ?? all[0];
      const node = first.onbuild ?? first.node;
      ctx.report({
        range: node.getInstructionRange(),
        message: `No FROM instruction: a Dockerfile must start with FROM (only ARG may precede it); "${node.getInstruction()}" has no stage`,
      });
      return;
    }
    for (let k = 0; k < firstFrom; k++) {
      const info = all[k];
      if (info.keyword === 'ARG' && !info.onbuild) continue;
      const node = info.onbuild ?? info.node;
      ctx.report({
        range: node.getInstructionRange(),
        message: `"${node.getInstruction()}" before the first FROM: only ARG may precede FROM`,
      });
    }
  },
};
