import type { Healthcheck } from 'dockerfile-ast';
import type { DockerfileRule, Fix } from '../types';
import { DEFAULT_POSIX_SHELL, DEFAULT_WINDOWS_SHELL } from '../model';
import { commandForm, scriptsOf } from '../shell/extract';
import { documentRange } from '../shell/source';

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * The words of a shell-form command that a shell would pass unchanged: no
 * expansions, operators, globs, redirections or assignments. Undefined otherwise.
 */
export function plainWords(text: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    let word = '';
    while (i < text.length && !/\s/.test(text[i])) {
      const c = text[i];
      if (c === '"' || c === "'") {
        const close = text.indexOf(c, i + 1);
        if (close < 0) return undefined;
        const inner = text.slice(i + 1, close);
        if (c === '"' && /[$`\\]/.test(inner)) return undefined;
        word += inner;
        i = close + 1;
        continue;
      }
      let j = i;
      while (j < text.length && !/[\s"']/.test(text[j])) j++;
      const part = text.slice(i, j);
      if (!SAFE_WORD.test(part)) return undefined;
      word += part;
      i = j;
    }
    words.push(word);
  }
  if (words[0] === 'exec') words.shift();
  if (!words.length || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) return undefined;
  return words;
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return `"${one.length > 40 ? `${one.slice(0, 37)}...` : one}"`;
}

export const rule: DockerfileRule = {
  code: 'DF038',
  name: 'json-args-recommended',
  title: 'CMD or ENTRYPOINT in shell form (signals do not reach the process)',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { hadolint: ['DL3025'], buildkit: ['JSONArgsRecommended'] },
  check(ctx) {
    const escape = ctx.model.escapeChar;
    for (const info of ctx.model.instructions) {
      const kw = info.keyword;
      if (kw !== 'CMD' && kw !== 'ENTRYPOINT' && kw !== 'HEALTHCHECK') continue;
      // BuildKit does not warn once a SHELL instruction chose the shell on purpose.
      if (info.shell !== DEFAULT_POSIX_SHELL && info.shell !== DEFAULT_WINDOWS_SHELL) continue;
      const node = info.node;
      if (commandForm(node, escape) !== 'shell') continue;
      const source = scriptsOf(node, escape).find((s) => s.kind === 'shell');
      if (!source) continue;
      const words = info.stage?.windows ? undefined : plainWords(source.text);
      const fixes: Fix[] = words
        ? [
            {
              title: 'Convert to exec form (JSON array)',
              edits: [{ range: documentRange(source, 0, source.text.length), newText: `[${words.map((w) => JSON.stringify(w)).join(', ')}]` }],
              preferred: true,
            },
          ]
        : [];
      if (kw === 'HEALTHCHECK') {
        // The check needs no signals; only a plain command gains from skipping the shell
        // (and works in images without /bin/sh), so only that case is reported, mildly.
        const sub = (node as Healthcheck).getSubcommand();
        if (!words || !sub) continue;
        ctx.report({
          range: sub.getRange(),
          message: `HEALTHCHECK CMD ${short(words.join(' '))} runs a plain command through a shell: the exec form needs no /bin/sh in the image`,
          severity: 'info',
          fixes,
        });
        continue;
      }
      const written = node.getInstruction();
      ctx.report({
        range: node.getInstructionRange(),
        message: `${written} in shell form runs under ${info.stage?.windows ? 'cmd /S /C' : '/bin/sh -c'}, which does not pass SIGTERM to ${short(source.text)}: use the JSON exec form`,
        fixes,
      });
    }
  },
};
