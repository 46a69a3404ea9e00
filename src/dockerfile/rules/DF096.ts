import type { DockerfileRule, Fix } from '../types';
import type { ShellScript, Word } from '../shell/types';
import { rpmCommand, zypperCommand } from '../shell/packageManagers';
import { appendCommandEdit, commandsOf, hasCacheMount, isUnder, tokenRange } from './_run';

type Tool = 'yum' | 'dnf' | 'microdnf' | 'tdnf' | 'zypper';

const RPM_CACHES = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'];
const CACHES: Record<Tool, readonly string[]> = {
  yum: RPM_CACHES,
  dnf: RPM_CACHES,
  microdnf: RPM_CACHES,
  tdnf: [...RPM_CACHES, '/var/cache/tdnf'],
  zypper: ['/var/cache/zypp'],
};

interface Install {
  readonly script: ShellScript;
  readonly word: Word;
  readonly label: string;
  readonly order: number;
  /** The clean command to suggest (`dnf5 clean all` after `dnf5 install`). */
  readonly clean: string;
  /** Inside if/case/loop/…: the tool may not exist on every path, so no fix. */
  readonly nested: boolean;
}

export const rule: DockerfileRule = {
  code: 'DF096',
  name: 'rpm-cache-not-cleaned',
  title: 'yum/dnf/microdnf/zypper cache not cleaned',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { hadolint: ['DL3032', 'DL3040', 'DL3036'], other: ['DS-0015', 'DS-0019', 'DS-0020', 'DS-0027'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      const scripts = info.scripts();
      const lastInstall = new Map<Tool, Install>();
      const lastClean = new Map<Tool, number>();
      const removals: { order: number; path: string }[] = [];
      let order = 0;
      for (const script of scripts) {
        for (const c of commandsOf(script)) {
          order++;
          if (c.name === 'rm') {
            for (const w of c.args) if (!w.value.startsWith('-')) removals.push({ order, path: w.value });
            continue;
          }
          const r = rpmCommand(c.cmd);
          if (r) {
            const tool: Tool = r.tool === 'dnf5' ? 'dnf' : r.tool;
            if (r.installs && r.subcommandWord) {
              const nested = (r.action === 'module' || r.action === 'group') && r.subcommand !== 'groupinstall';
              const word = nested ? r.args.positionals[1] ?? r.subcommandWord : r.subcommandWord;
              lastInstall.set(tool, {
                script,
                word,
                label: `${r.tool} ${nested ? `${r.subcommand} ${word.value}` : r.subcommand}`,
                order,
                clean: `${r.tool} clean all`,
                nested: c.cmd.depth > 0,
              });
            } else if (r.cleanAll) lastClean.set(tool, order);
            continue;
          }
          const z = zypperCommand(c.cmd);
          if (z) {
            if (z.installs && z.subcommandWord) lastInstall.set('zypper', { script, word: z.subcommandWord, label: `zypper ${z.subcommand}`, order, clean: 'zypper clean --all', nested: c.cmd.depth > 0 });
            else if (z.action === 'clean') lastClean.set('zypper', order);
          }
        }
      }
      for (const [tool, inst] of lastInstall) {
        if ((lastClean.get(tool) ?? -1) > inst.order) continue;
        const dirs = CACHES[tool];
        if (removals.some((r) => r.order > inst.order && dirs.some((d) => isUnder(r.path, d)))) continue;
        if (dirs.some((d) => hasCacheMount(info.node, d))) continue;
        const edit = inst.nested ? undefined : appendCommandEdit(scripts[scripts.length - 1], inst.clean, ctx.lines.eol);
        const fixes: Fix[] = edit ? [{ title: `Append && ${inst.clean}`, edits: [edit], preferred: true }] : [];
        ctx.report({
          range: tokenRange(inst.script, inst.word),
          message: `"${inst.label}" without "${inst.clean}" afterwards in the same RUN: the package cache stays in the layer`,
          fixes,
        });
      }
    }
  },
};
