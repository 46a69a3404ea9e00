import type { DockerfileRule } from '../types';
import type { SimpleCommand, Word } from '../shell/types';
import { commandName, parseArgs } from '../shell/args';
import { wordRange } from '../ruleUtils';

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh', 'fish']);
const INTERPRETERS = /^(python[\d.]*|perl|ruby|node|nodejs|php[\d.]*)$/;
const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);
/** `$(curl …)`, `` `wget …` ``, `<(curl …)` inside a word. */
const FETCH_SUBST = /(\$\(|`|<\()\s*(sudo\s+)?(curl|wget)\s/;

/** The interpreter reads its program from stdin (not `-c '…'`, not a script file). */
function readsStdin(name: string, args: readonly Word[]): boolean {
  if (SHELLS.has(name)) {
    const a = parseArgs(args, { withValue: ['-o', '+o', '-O'], stopAtFirstPositional: true });
    if (a.has('-c')) return false;
    if (a.has('-s')) return true;
    const first = a.positionals[0];
    return !first || first.value === '-';
  }
  const a = parseArgs(args, { withValue: ['-W', '-X', '-I', '-r', '--require', '-M'], stopAtFirstPositional: true });
  if (a.has('-c', '-m', '-e', '-E', '-p', '--eval', '--print', '-r', '-n')) return false;
  const first = a.positionals[0];
  return !first || first.value === '-';
}

function interpreterOf(cmd: SimpleCommand): { name: string; word: Word; args: readonly Word[] } | undefined {
  const cn = commandName(cmd);
  if (!cn || cn.word.hasExpansion) return undefined;
  const name = cn.name;
  if (!SHELLS.has(name) && !INTERPRETERS.test(name)) return undefined;
  return { name, word: cn.word, args: cmd.words.slice(cn.index + 1) };
}

export const rule: DockerfileRule = {
  code: 'DF078',
  name: 'pipe-to-shell',
  title: 'Remote script piped into a shell',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: {},
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      for (const script of info.scripts()) {
        const reported = new Set<number>();
        // curl … | sh
        for (const p of script.pipelines) {
          const cmds = p.commands;
          let fetcher: string | undefined;
          for (const c of cmds) {
            const cn = commandName(c);
            if (!cn) continue;
            if (!fetcher) {
              if (DOWNLOADERS.has(cn.name)) fetcher = cn.name;
              continue;
            }
            const it = interpreterOf(c);
            if (!it || reported.has(it.word.start) || !readsStdin(it.name, it.args)) continue;
            reported.add(it.word.start);
            ctx.report({
              range: wordRange(script, it.word),
              message: `Remote script from ${fetcher} piped into "${it.name}": download it, verify its checksum, then run it`,
            });
          }
        }
        // sh -c "$(curl …)", bash <(curl …), eval "$(wget -qO- …)"
        for (const c of script.commands) {
          const cn = commandName(c);
          if (!cn || cn.word.hasExpansion) continue;
          if (!SHELLS.has(cn.name) && cn.name !== 'eval' && cn.name !== 'source' && cn.name !== '.') continue;
          if (reported.has(cn.word.start)) continue;
          const m = c.words.slice(cn.index + 1).map((w) => FETCH_SUBST.exec(w.raw)).find(Boolean);
          if (!m) continue;
          reported.add(cn.word.start);
          ctx.report({
            range: wordRange(script, cn.word),
            message: `Remote script from ${m[3]} run by "${cn.name}": download it, verify its checksum, then run it`,
          });
        }
      }
    }
  },
};
