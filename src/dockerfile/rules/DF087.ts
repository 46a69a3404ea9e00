import type { DockerfileRule } from '../types';
import { useraddCommand } from '../shell/packageManagers';
import { insertAfter, tokenRange } from './_run';

export const rule: DockerfileRule = {
  code: 'DF087',
  name: 'useradd-no-log-init',
  title: 'useradd with a large UID without -l',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { hadolint: ['DL3046'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) {
          const u = useraddCommand(cmd);
          if (!u || u.noLogInit || u.uid === undefined) continue;
          const opt = u.args.get('-u', '--uid');
          const word = opt?.valueWord ?? opt?.words[0];
          if (!word || word.hasExpansion || !/^\d{6,}$/.test(u.uid)) continue;
          ctx.report({
            range: tokenRange(script, word),
            message: `useradd with UID ${u.uid} without -l (--no-log-init): lastlog/faillog grow to a huge file in the layer`,
            fixes: [{ title: 'Add -l (--no-log-init)', edits: [insertAfter(script, u.toolWord, ' -l')], preferred: true }],
          });
        }
      }
    }
  },
};
