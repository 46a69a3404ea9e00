import type { DockerfileRule } from '../types';
import { cdCommand } from '../shell/packageManagers';
import { tokenRange } from './_run';

export const rule: DockerfileRule = {
  code: 'DF081',
  name: 'cd-in-run',
  title: 'cd in RUN: use WORKDIR',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { hadolint: ['DL3003'], other: ['DS-0013'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      let reported = false;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) {
          // `$(cd "$d" && pwd)` cannot change the directory of the RUN.
          if (cmd.inSubstitution) continue;
          const cd = cdCommand(cmd);
          if (!cd || cd.tool !== 'cd') continue;
          const dir = cd.target?.value;
          ctx.report({
            range: tokenRange(script, cd.toolWord),
            message: dir
              ? `"cd ${dir}" in RUN: use WORKDIR ${dir} to set the directory`
              : '"cd" in RUN: use WORKDIR to set the directory',
          });
          reported = true;
          break;
        }
        if (reported) break;
      }
    }
  },
};
