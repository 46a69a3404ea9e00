import type { DockerfileRule } from '../types';
import { wgetCommand } from '../shell/packageManagers';
import { insertAfter, tokenRange } from './_run';

export const rule: DockerfileRule = {
  code: 'DF086',
  name: 'wget-no-progress',
  title: 'wget without --progress or a quiet option',
  defaultSeverity: 'info',
  fix: 'yes',
  anchors: { hadolint: ['DL3047'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) {
          const w = wgetCommand(cmd);
          if (!w || w.quiet || w.noVerbose || w.logToFile || w.progress !== undefined) continue;
          ctx.report({
            range: tokenRange(script, w.toolWord),
            message: '"wget" without --progress or -q/-nv floods the build log with progress dots',
            fixes: [
              { title: 'Add --progress=dot:giga', edits: [insertAfter(script, w.toolWord, ' --progress=dot:giga')], preferred: true },
              { title: 'Add -nv (--no-verbose)', edits: [insertAfter(script, w.toolWord, ' -nv')] },
            ],
          });
        }
      }
    }
  },
};
