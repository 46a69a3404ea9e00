import type { DockerfileRule } from '../types';
import type { ShellScript, Word } from '../shell/types';
import { commandsOf, tokenRange } from './_run';

interface Use {
  readonly script: ShellScript;
  readonly word: Word;
  readonly name: string;
}

export const rule: DockerfileRule = {
  code: 'DF085',
  name: 'wget-and-curl',
  title: 'wget and curl both used in a stage',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { hadolint: ['DL4001'], other: ['DS-0014'] },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      // ONBUILD triggers run in another build: they are counted apart.
      for (const onbuild of [false, true]) {
        const seen = new Set<string>();
        for (const info of stage.instructions) {
          if (info.keyword !== 'RUN' || !!info.onbuild !== onbuild) continue;
          const uses: Use[] = [];
          for (const script of info.scripts()) {
            for (const c of commandsOf(script)) {
              if ((c.name === 'curl' || c.name === 'wget') && !c.nameWord.hasExpansion) uses.push({ script, word: c.nameWord, name: c.name });
            }
          }
          if (!uses.length) continue;
          const before = new Set(seen);
          for (const u of uses) seen.add(u.name);
          if (seen.size < 2) continue;
          // Point at the tool that completes the pair when there is one.
          const pick =
            (before.size === 1 ? uses.find((u) => !before.has(u.name)) : undefined) ??
            (before.size === 0 ? uses.find((u) => u.name !== uses[0].name) : undefined) ??
            uses[0];
          const other = pick.name === 'curl' ? 'wget' : 'curl';
          ctx.report({
            range: tokenRange(pick.script, pick.word),
            message: `"${pick.name}" in a stage that also uses "${other}": use one download tool`,
          });
        }
      }
    }
  },
};
