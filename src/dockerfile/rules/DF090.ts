import type { DockerfileRule } from '../types';
import { aptCommand } from '../shell/packageManagers';
import { runCommands } from './_shellScan';
import { insertAfter, tokenRange } from './_run';

export const rule: DockerfileRule = {
  code: 'DF090',
  name: 'apt-get-no-install-recommends',
  title: 'apt-get install without --no-install-recommends',
  defaultSeverity: 'info',
  fix: 'yes',
  anchors: { hadolint: ['DL3015'], other: ['DS-0029'] },
  check(ctx) {
    for (const { script, cmd } of runCommands(ctx)) {
      const apt = aptCommand(cmd);
      if (!apt || apt.subcommand !== 'install' || !apt.subcommandWord || apt.noInstallRecommends) continue;
      // `apt-get install -f` (repair, no packages named) is left alone.
      if (apt.packages.length === 0) continue;
      ctx.report({
        range: tokenRange(script, apt.subcommandWord),
        message: `"${apt.tool} install" without --no-install-recommends also installs recommended packages`,
        fixes: [
          {
            title: 'Add --no-install-recommends',
            edits: [insertAfter(script, apt.subcommandWord, ' --no-install-recommends')],
            preferred: true,
          },
        ],
      });
    }
  },
};
