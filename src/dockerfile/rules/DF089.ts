import type { DockerfileRule } from '../types';
import type { ShellScript, SimpleCommand } from '../shell/types';
import { aptCommand } from '../shell/packageManagers';
import { runCommands } from './_shellScan';
import { commandName } from '../shell/args';
import { insertAfter, tokenRange } from './_run';

/** Subcommands that ask "Do you want to continue?". */
const PROMPTS = new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'safe-upgrade']);

/** `yes | apt-get install …`: the answers come from `yes`. */
export function fedByYes(script: ShellScript, cmd: SimpleCommand): boolean {
  if (!cmd.inPipeline) return false;
  const p = script.pipelines.find((x) => x.commands.includes(cmd));
  if (!p) return false;
  for (const c of p.commands) {
    if (c === cmd) break;
    if (commandName(c)?.name === 'yes') return true;
  }
  return false;
}

export const rule: DockerfileRule = {
  code: 'DF089',
  name: 'apt-get-missing-yes',
  title: 'apt-get install without -y',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { hadolint: ['DL3014'], other: ['DS-0021'] },
  check(ctx) {
    for (const { script, cmd } of runCommands(ctx)) {
      const apt = aptCommand(cmd);
      if (!apt || !apt.subcommand || !apt.subcommandWord || !PROMPTS.has(apt.subcommand)) continue;
      if (apt.assumeYes || fedByYes(script, cmd)) continue;
      // A simulation (`-s`, `--dry-run`) asks nothing.
      if (apt.args.has('-s', '--simulate', '--just-print', '--dry-run', '--recon', '--no-act')) continue;
      ctx.report({
        range: tokenRange(script, apt.subcommandWord),
        message: `"${apt.tool} ${apt.subcommand}" without -y: the confirmation prompt aborts a non-interactive build`,
        fixes: [{ title: 'Add -y', edits: [insertAfter(script, apt.subcommandWord, ' -y')], preferred: true }],
      });
    }
  },
};
