import type { DockerfileRule, Fix } from '../types';
import type { InstructionInfo } from '../model';
import type { ShellScript, SimpleCommand, Word } from '../shell/types';
import { commandName } from '../shell/args';
import { aptCommand, apkCommand, rpmCommand, zypperCommand } from '../shell/packageManagers';
import { flagsKey, mergeRunsEdit, shellFormScript, tokenRange } from './_run';

type Family = 'apt' | 'apk' | 'zypper' | 'rpm';

interface Role {
  readonly family: Family;
  /** The command refreshes the index (its word), or installs with it. */
  readonly update?: Word;
  readonly install?: boolean;
  readonly label: string;
}

const APT_INSTALLS = new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'safe-upgrade', 'build-dep', 'source', 'download']);

function roleOf(cmd: SimpleCommand): Role | undefined {
  const apt = aptCommand(cmd);
  if (apt) {
    if (apt.subcommand === 'update') return { family: 'apt', update: apt.subcommandWord, label: `${apt.tool} update` };
    return { family: 'apt', install: apt.subcommand !== undefined && APT_INSTALLS.has(apt.subcommand), label: apt.tool };
  }
  const apk = apkCommand(cmd);
  if (apk) {
    if (apk.subcommand === 'update') return { family: 'apk', update: apk.subcommandWord, label: 'apk update' };
    return { family: 'apk', install: apk.subcommand === 'add' || apk.subcommand === 'upgrade' || apk.subcommand === 'fix', label: 'apk' };
  }
  const z = zypperCommand(cmd);
  if (z) {
    if (z.action === 'refresh') return { family: 'zypper', update: z.subcommandWord, label: `zypper ${z.subcommand}` };
    return { family: 'zypper', install: z.installs, label: 'zypper' };
  }
  const r = rpmCommand(cmd);
  if (r) {
    if (r.action === 'makecache') return { family: 'rpm', update: r.subcommandWord, label: `${r.tool} makecache` };
    return { family: 'rpm', install: r.installs, label: r.tool };
  }
  return undefined;
}

/** Commands that do no work of their own next to an index update. */
const HARMLESS = new Set(['set', 'echo', 'printf', 'true', ':', 'export', 'sleep']);

interface Analysis {
  readonly script: ShellScript;
  readonly word: Word;
  readonly family: Family;
  readonly label: string;
}

/** The RUN only refreshes a package index: its update word, else undefined. */
function updateAlone(info: InstructionInfo): Analysis | undefined {
  let found: Analysis | undefined;
  for (const script of info.scripts()) {
    for (const cmd of script.commands) {
      if (cmd.words.length === 0) continue;
      const role = roleOf(cmd);
      if (role?.update) {
        found ??= { script, word: role.update, family: role.family, label: role.label };
        continue;
      }
      const name = commandName(cmd)?.name;
      if (name !== undefined && HARMLESS.has(name)) continue;
      return undefined;
    }
  }
  return found;
}

function installsWith(script: ShellScript, family: Family): boolean {
  return script.commands.some((c) => {
    const r = roleOf(c);
    return r?.family === family && !!r.install;
  });
}

export const rule: DockerfileRule = {
  code: 'DF092',
  name: 'update-alone',
  title: 'Package index update alone in a RUN',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { other: ['DS-0017', 'CKV_DOCKER_5', 'CIS-DI-0007'] },
  check(ctx) {
    const list = ctx.model.instructions;
    for (const info of list) {
      if (info.keyword !== 'RUN') continue;
      const a = updateAlone(info);
      if (!a) continue;
      const fixes: Fix[] = [];
      const next = list[info.index + 1];
      const script = shellFormScript(info);
      if (script && !info.onbuild && next && next.keyword === 'RUN' && !next.onbuild && next.stage === info.stage) {
        const nextScript = shellFormScript(next);
        if (nextScript && flagsKey(next.node) === flagsKey(info.node) && installsWith(nextScript, a.family)) {
          const edit = mergeRunsEdit(ctx.lines, ctx.model.escapeChar, info, script, next, nextScript);
          if (edit) fixes.push({ title: 'Merge with the next RUN that installs', edits: [edit], preferred: true });
        }
      }
      ctx.report({
        range: tokenRange(a.script, a.word),
        message: `"${a.label}" alone in a RUN: the cached layer goes stale; update and install in the same RUN`,
        fixes,
      });
    }
  },
};
