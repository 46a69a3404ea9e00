import type { DockerfileRule } from '../types';
import type { ShellScript, SimpleCommand } from '../shell/types';
import { commandName } from '../shell/args';
import { pipCommand } from '../shell/packageManagers';
import { commandsOf, hasCacheMountWhere, insertAfter, isTruthy, tokenRange, varValue } from './_run';

const NAME = 'PIP_NO_CACHE_DIR';

function assigned(words: readonly { value: string }[]): string | undefined {
  let v: string | undefined;
  for (const w of words) if (w.value.startsWith(`${NAME}=`)) v = w.value.slice(NAME.length + 1);
  return v;
}

/** PIP_NO_CACHE_DIR as the command sees it from the script: its own assignments, then earlier `export`s. */
function scriptSetting(script: ShellScript, cmd: SimpleCommand): string | undefined {
  const own = assigned(commandName(cmd)?.assignments ?? cmd.assignments);
  if (own !== undefined) return own;
  let v: string | undefined;
  for (const c of commandsOf(script)) {
    if (c.cmd.start >= cmd.start) break;
    if (c.name === 'export' || c.name === 'declare' || c.name === 'typeset') v = assigned(c.args) ?? v;
    else if (c.cmd.words.length === 0) v = assigned(c.cmd.assignments) ?? v;
  }
  // A bare `NAME=value` line is a shell variable, not exported: pip does not see it unless exported.
  return v;
}

export const rule: DockerfileRule = {
  code: 'DF100',
  name: 'pip-no-cache-dir',
  title: 'pip install without --no-cache-dir',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { hadolint: ['DL3042'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      if (hasCacheMountWhere(info.node, (t) => /(^|\/)\.cache(\/pip)?$/.test(t))) continue;
      let fromImage: boolean | undefined;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) {
          const pip = pipCommand(cmd);
          if (!pip || pip.manager !== 'pip' || pip.subcommand !== 'install' || !pip.subcommandWord || pip.noCacheDir) continue;
          const local = scriptSetting(script, cmd);
          if (local !== undefined) {
            if (isTruthy(local)) continue;
          } else {
            fromImage ??= isTruthy(varValue(ctx.model, info, NAME));
            if (fromImage) continue;
          }
          const tool = pip.viaPython ? `${pip.tool} -m pip` : pip.tool;
          ctx.report({
            range: tokenRange(script, pip.subcommandWord),
            message: `"${tool} install" without --no-cache-dir keeps downloaded wheels in ~/.cache/pip`,
            fixes: [{ title: 'Add --no-cache-dir', edits: [insertAfter(script, pip.subcommandWord, ' --no-cache-dir')], preferred: true }],
          });
        }
      }
    }
  },
};
