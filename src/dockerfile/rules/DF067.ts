import type { DockerfileRule, Fix, RuleContext } from '../types';
import type { InstructionInfo } from '../model';
import type { ShellScript, SimpleCommand, Word } from '../shell/types';
import { baseName, commandName } from '../shell/args';
import { wordRange } from '../ruleUtils';
import { isRootUser, userSpec } from './_user';

/** sudo options that do not change who runs the command or how: dropping them with sudo is safe. */
const HARMLESS = new Set(['-E', '-H', '-n', '--preserve-env', '--set-home', '--non-interactive']);

/**
 * The `sudo` words of a command: the command itself (`sudo -v`) or a wrapper in front of the effective
 * command (`sudo -E make`, `env X=1 sudo make`, `xargs sudo rm`, `timeout 60 sudo x`). Arguments are
 * not looked at: `apt-get install sudo` installs it, it does not run it.
 */
function sudoWords(cmd: SimpleCommand): number[] {
  const cn = commandName(cmd);
  if (!cn || !(cn.sudo || cn.name === 'sudo')) return [];
  const out: number[] = [];
  for (let i = 0; i <= cn.index; i++) {
    const w = cmd.words[i];
    if (!w.hasExpansion && baseName(w.value) === 'sudo') out.push(i);
  }
  return out;
}

/** The USER in effect before `info` (within its stage and the stages it builds on); undefined when none is set. */
function userBefore(info: InstructionInfo): ReturnType<typeof userSpec> {
  let stage = info.stage;
  let limit = info.index;
  const seen = new Set<number>();
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    for (let i = stage.instructions.length - 1; i >= 0; i--) {
      const x = stage.instructions[i];
      if (x.index >= limit || x.keyword !== 'USER' || x.onbuild) continue;
      return userSpec(x);
    }
    limit = Infinity;
    stage = stage.parent;
  }
  return undefined;
}

function fixFor(ctx: RuleContext, info: InstructionInfo, script: ShellScript, cmd: SimpleCommand, at: number): Fix[] {
  const words = cmd.words;
  const sudo = words[at];
  let j = at + 1;
  while (j < words.length && words[j].value.startsWith('-') && words[j].value !== '--') {
    const v = words[j].value;
    const cluster = /^-[A-Za-z]+$/.test(v) ? [...v.slice(1)].map((c) => `-${c}`) : [v];
    if (!cluster.every((o) => HARMLESS.has(o))) return [];
    j++;
  }
  if (j < words.length && words[j].value === '--') j++;
  const next: Word | undefined = words[j];
  if (!next) return [];
  // Without sudo the command runs as the current USER: only drop it when that is root.
  const user = userBefore(info);
  if (user && !isRootUser(user)) return [];
  const start = wordRange(script, sudo).start;
  const end = wordRange(script, next).start;
  if (start.line !== end.line) return [];
  return [{ title: `Remove "${ctx.lines.textOf({ start, end }).trimEnd()}"`, edits: [{ range: { start, end }, newText: '' }], preferred: true }];
}

export const rule: DockerfileRule = {
  code: 'DF067',
  name: 'sudo-in-run',
  title: 'sudo in RUN',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { hadolint: ['DL3004'], other: ['DS-0010', 'CKV2_DOCKER_1', 'DKL-DI-0001'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) {
          for (const at of sudoWords(cmd)) {
            ctx.report({
              range: wordRange(script, cmd.words[at]),
              message: '"sudo" in RUN: RUN already runs as root by default; use USER to switch users instead',
              fixes: fixFor(ctx, info, script, cmd, at),
            });
          }
        }
      }
    }
  },
};
