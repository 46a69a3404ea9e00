import type { DockerfileRule } from '../types';
import type { Word } from '../shell/types';
import { rpmCommand, zypperCommand } from '../shell/packageManagers';
import { insertAfter, tokenRange } from './_run';

const ZYPPER_PROMPTS = new Set(['install', 'remove', 'update', 'dist-upgrade', 'patch', 'source-install', 'si', 'install-new-recommends', 'inr']);

export const rule: DockerfileRule = {
  code: 'DF095',
  name: 'rpm-install-missing-yes',
  title: 'yum/dnf/microdnf/zypper install without -y',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { hadolint: ['DL3030', 'DL3038', 'DL3034'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) {
          let hit: { word: Word; label: string } | undefined;
          const r = rpmCommand(cmd);
          if (r && !r.assumeYes && r.subcommandWord) {
            const nested = r.action === 'module' || r.action === 'group';
            const act = nested ? r.subAction : r.action;
            if (r.installs || act === 'remove') {
              // `group install` / `module install`: point at the second word (not for `groupinstall`).
              const word = nested && r.subcommand !== 'groupinstall' ? r.args.positionals[1] ?? r.subcommandWord : r.subcommandWord;
              hit = { word, label: `${r.tool} ${word === r.subcommandWord ? r.subcommand : `${r.subcommand} ${word.value}`}` };
            }
          }
          const z = r ? undefined : zypperCommand(cmd);
          if (z && !z.nonInteractive && z.subcommandWord && z.action && (z.installs || ZYPPER_PROMPTS.has(z.action))) {
            hit = { word: z.subcommandWord, label: `zypper ${z.subcommand}` };
          }
          if (!hit) continue;
          ctx.report({
            range: tokenRange(script, hit.word),
            message: `"${hit.label}" without -y: the confirmation prompt fails a non-interactive build`,
            fixes: [{ title: 'Add -y', edits: [insertAfter(script, hit.word, ' -y')], preferred: true }],
          });
        }
      }
    }
  },
};
