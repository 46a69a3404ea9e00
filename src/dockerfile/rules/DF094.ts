import type { DockerfileRule } from '../types';
import type { TextEdit } from '../../util/text';
import type { ShellScript } from '../shell/types';
import { apkCommand } from '../shell/packageManagers';
import { deleteWord } from '../ruleUtils';
import { commandsOf, hasCacheMount, insertAfter, isUnder, tokenRange } from './_run';

const UPDATE_FLAGS = new Set(['-U', '--update', '--update-cache']);

/** Offsets (in `script`) of `rm` commands that empty /var/cache/apk. */
function apkCacheRemovals(script: ShellScript): number[] {
  const out: number[] = [];
  for (const c of commandsOf(script)) {
    if (c.name !== 'rm') continue;
    if (c.args.some((w) => !w.value.startsWith('-') && isUnder(w.value, '/var/cache/apk'))) out.push(c.cmd.start);
  }
  return out;
}

export const rule: DockerfileRule = {
  code: 'DF094',
  name: 'apk-add-no-cache',
  title: 'apk add without --no-cache',
  defaultSeverity: 'info',
  fix: 'yes',
  anchors: { hadolint: ['DL3019'], other: ['DS-0025', 'DKL-DI-0004'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      if (hasCacheMount(info.node, '/var/cache/apk') || hasCacheMount(info.node, '/etc/apk/cache')) continue;
      for (const script of info.scripts()) {
        const removals = apkCacheRemovals(script);
        for (const cmd of script.commands) {
          const apk = apkCommand(cmd);
          if (!apk || apk.subcommand !== 'add' || !apk.subcommandWord || apk.noCache) continue;
          // --cache-dir keeps the cache elsewhere; --no-network downloads nothing.
          if (apk.args.has('--cache-dir', '--no-network')) continue;
          if (removals.some((r) => r > cmd.start)) continue;
          // --update / -U written as a word of their own: the first becomes --no-cache, the others go.
          const updates = apk.argWords.filter((w) => UPDATE_FLAGS.has(w.raw));
          const edits: TextEdit[] = [];
          if (updates.length) {
            edits.push({ range: tokenRange(script, updates[0]), newText: '--no-cache' });
            for (const w of updates.slice(1)) edits.push(deleteWord(ctx.lines, script, w));
          } else {
            edits.push(insertAfter(script, apk.subcommandWord, ' --no-cache'));
          }
          ctx.report({
            range: tokenRange(script, apk.subcommandWord),
            message: '"apk add" without --no-cache keeps the package index in /var/cache/apk',
            fixes: [{ title: updates.length ? 'Use --no-cache instead of --update' : 'Add --no-cache', edits, preferred: true }],
          });
        }
      }
    }
  },
};
