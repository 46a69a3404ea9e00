import type { DockerfileRule, Fix } from '../types';
import type { ShellScript, Word } from '../shell/types';
import { aptCommand } from '../shell/packageManagers';
import { appendCommandEdit, commandsOf, hasCacheMount, isUnder, normPath, tokenRange } from './_run';
import type { Instruction } from 'dockerfile-ast';

/** `rm` of the apt lists (`/var/lib/apt/lists/*`, or `/var/lib/apt` itself), or `apt-get dist-clean` (apt 3). */
export function removesAptLists(scripts: readonly ShellScript[]): boolean {
  for (const script of scripts) {
    for (const c of commandsOf(script)) {
      if ((c.name === 'apt-get' || c.name === 'apt') && aptCommand(c.cmd)?.subcommand === 'dist-clean') return true;
      if (c.name !== 'rm') continue;
      for (const w of c.args) {
        if (w.value.startsWith('-')) continue;
        if (isUnder(w.value, '/var/lib/apt/lists') || normPath(w.value) === '/var/lib/apt') return true;
      }
    }
  }
  return false;
}

/** A cache/tmpfs mount keeps the lists out of the layer (hadolint's two accepted layouts). */
export function aptListsMounted(node: Instruction): boolean {
  // Strict prefixes, as hadolint: a mount on /var/lib/apt alone still reports (DL3009).
  return (
    hasCacheMount(node, '/var/lib/apt/lists', true) ||
    (hasCacheMount(node, '/var/lib/apt', true) && hasCacheMount(node, '/var/cache/apt', true))
  );
}

export const rule: DockerfileRule = {
  code: 'DF091',
  name: 'apt-lists-not-removed',
  title: 'apt lists not removed in the same RUN',
  defaultSeverity: 'info',
  fix: 'yes',
  anchors: { hadolint: ['DL3009'], other: ['DKL-DI-0005'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      // Builder stages whose files are only copied out do not ship their lists.
      if (!info.onbuild && !ctx.model.reachesImage(info.stage)) continue;
      const scripts = info.scripts();
      let update: { script: ShellScript; word: Word; tool: string } | undefined;
      for (const script of scripts) {
        for (const cmd of script.commands) {
          const apt = aptCommand(cmd);
          if (apt?.subcommand === 'update' && apt.subcommandWord) {
            update = { script, word: apt.subcommandWord, tool: apt.tool };
            break;
          }
        }
        if (update) break;
      }
      if (!update || removesAptLists(scripts) || aptListsMounted(info.node)) continue;
      // Only a RUN that also uses the lists (install, upgrade…) may get the cleanup appended: after an
      // update alone it would delete the lists a later RUN installs from (DF092 offers the merge first).
      const usesLists = scripts.some((s) => s.commands.some((c) => {
        const apt = aptCommand(c);
        return !!apt?.subcommand && apt.subcommand !== 'update';
      }));
      const edit = usesLists ? appendCommandEdit(scripts[scripts.length - 1], 'rm -rf /var/lib/apt/lists/*', ctx.lines.eol) : undefined;
      const fixes: Fix[] = edit ? [{ title: 'Append && rm -rf /var/lib/apt/lists/*', edits: [edit], preferred: true }] : [];
      ctx.report({
        range: tokenRange(update.script, update.word),
        message: `"${update.tool} update" without rm -rf /var/lib/apt/lists/* in the same RUN: the lists stay in the layer`,
        fixes,
      });
    }
  },
};
