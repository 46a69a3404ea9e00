import type { DockerfileRule } from '../types';

export const rule: DockerfileRule = {
  code: 'DF072',
  name: 'expose-ssh',
  title: 'EXPOSE 22 (SSH)',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { other: ['DS-0004', 'CKV_DOCKER_1'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'EXPOSE') continue;
      let args;
      try {
        args = info.node.getArguments();
      } catch {
        continue;
      }
      for (const a of args) {
        const v = a.getValue();
        if (!/^0*22(\/tcp)?$/i.test(v)) continue;
        ctx.report({
          range: a.getRange(),
          message: `EXPOSE ${v}: port 22 is SSH; do not run an SSH server in a container (use docker exec)`,
        });
      }
    }
  },
};
