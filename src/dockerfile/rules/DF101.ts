import type { DockerfileRule, Fix } from '../types';
import type { ShellScript, Word } from '../shell/types';
import { nodePackageCommand } from '../shell/packageManagers';
import { appendCommandEdit, commandsOf, hasCacheMountWhere, tokenRange } from './_run';

const CACHE_PATH = /(^|\/)(\.cache\/yarn|\.yarn-cache|\.yarn\/cache|\.yarn\/berry\/cache)(\/|$)|(^|\/)yarn-cache(\/|$)/;

export const rule: DockerfileRule = {
  code: 'DF101',
  name: 'yarn-cache-not-cleaned',
  title: 'yarn install without yarn cache clean',
  defaultSeverity: 'info',
  fix: 'yes',
  anchors: { hadolint: ['DL3060'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      if (!info.onbuild && !ctx.model.reachesImage(info.stage)) continue;
      if (hasCacheMountWhere(info.node, (t) => CACHE_PATH.test(t + '/'))) continue;
      const scripts = info.scripts();
      let install: { script: ShellScript; word: Word; label: string; order: number; nested: boolean } | undefined;
      let clean = -1;
      let order = 0;
      for (const script of scripts) {
        for (const c of commandsOf(script)) {
          order++;
          if (c.name === 'rm') {
            if (c.args.some((w) => !w.value.startsWith('-') && (CACHE_PATH.test(w.value) || /yarn cache dir/.test(w.raw)))) clean = order;
            continue;
          }
          const y = nodePackageCommand(c.cmd);
          if (!y || y.tool !== 'yarn') continue;
          if (y.action === 'cache-clean') {
            clean = order;
            continue;
          }
          const bare = y.subcommand === undefined && !y.args.has('-v', '--version', '-h', '--help');
          if (y.action === 'install' || y.action === 'add' || bare) {
            const word = bare ? y.toolWord : y.args.positionals[y.global ? 1 : 0] ?? y.toolWord;
            install = { script, word, label: bare ? 'yarn' : `yarn ${y.global ? 'global ' : ''}${y.action}`, order, nested: c.cmd.depth > 0 };
          }
        }
      }
      if (!install || clean > install.order) continue;
      // Inside if/case/loop yarn may not run (or exist) on every path: no fix.
      const edit = install.nested ? undefined : appendCommandEdit(scripts[scripts.length - 1], 'yarn cache clean', ctx.lines.eol);
      const fixes: Fix[] = edit ? [{ title: 'Append && yarn cache clean', edits: [edit], preferred: true }] : [];
      ctx.report({
        range: tokenRange(install.script, install.word),
        message: `"${install.label}" without "yarn cache clean" afterwards: the yarn cache stays in the layer`,
        fixes,
      });
    }
  },
};
