import type { DockerfileRule } from '../types';
import type { Word } from '../shell/types';
import { aptCommand, apkCommand, zypperCommand } from '../shell/packageManagers';
import { tokenRange } from './_run';

const APT_UPGRADES = new Set(['upgrade', 'dist-upgrade', 'full-upgrade', 'safe-upgrade']);

export const rule: DockerfileRule = {
  code: 'DF093',
  name: 'dist-upgrade',
  title: 'Distribution upgrade in a RUN',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { hadolint: ['DL3035', 'DL3005'], other: ['DS-0024', 'DKL-DI-0003'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) {
          let hit: { word: Word; label: string } | undefined;
          const apt = aptCommand(cmd);
          if (apt?.subcommandWord && apt.subcommand && APT_UPGRADES.has(apt.subcommand)) {
            hit = { word: apt.subcommandWord, label: `${apt.tool} ${apt.subcommand}` };
          }
          const z = hit ? undefined : zypperCommand(cmd);
          if (z?.action === 'dist-upgrade' && z.subcommandWord) hit = { word: z.subcommandWord, label: `zypper ${z.subcommand}` };
          const apk = hit ? undefined : apkCommand(cmd);
          if (apk?.subcommand === 'upgrade' && apk.subcommandWord && apk.args.positionals.length === 1) hit = { word: apk.subcommandWord, label: 'apk upgrade' };
          if (!hit) continue;
          ctx.report({
            range: tokenRange(script, hit.word),
            message: `"${hit.label}" upgrades every package: the build is not reproducible; use a newer base image`,
          });
        }
      }
    }
  },
};
