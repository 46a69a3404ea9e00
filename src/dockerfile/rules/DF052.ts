import type { DockerfileRule } from '../types';
import type { ArgWord } from './_words';
import { argWords, flagOf, isHeredocWord } from './_words';
import { commandArgs, commandName } from '../shell/args';

/** Archives ADD unpacks by itself: tar, optionally gzip/bzip2/xz/zstd compressed. */
const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tar\.xz|txz|tar\.zst|tzst)$/i;

function base(p: string): string {
  return p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);
}

interface Copied {
  readonly word: ArgWord;
  reported: boolean;
}

export const rule: DockerfileRule = {
  code: 'DF052',
  name: 'copy-archive-then-extract',
  title: 'COPY of a tar archive that a later RUN extracts (ADD would do it)',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { hadolint: ['DL3010'] },
  check(ctx) {
    const escape = ctx.model.escapeChar;
    let stage: unknown = null;
    let copied = new Map<string, Copied>();
    for (const info of ctx.model.instructions) {
      if (info.stage !== stage) {
        stage = info.stage;
        copied = new Map();
      }
      if (info.onbuild) continue;
      if (info.keyword === 'COPY') {
        if (flagOf(info.node, 'from')) continue; // from another stage: not a context file
        const words = argWords(info.node, escape, ctx.lines);
        if (words.length < 2 || words.some(isHeredocWord)) continue;
        const dest = words[words.length - 1];
        for (const w of words.slice(0, -1)) {
          const name = base(w.bare);
          if (!ARCHIVE.test(name) || /^[a-z]+:\/\//i.test(w.bare)) continue;
          const entry: Copied = { word: w, reported: false };
          copied.set(name, entry);
          // Copied under another name: `COPY app.tgz /tmp/app.tar.gz`.
          const destName = base(dest.bare);
          if (words.length === 2 && ARCHIVE.test(destName)) copied.set(destName, entry);
        }
        continue;
      }
      if (info.keyword !== 'RUN' || !copied.size) continue;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) {
          if (commandName(cmd)?.name !== 'tar') continue;
          const args = commandArgs(cmd);
          const extract = args.some(
            (a, i) => /^-[A-Za-z]*x/.test(a.value) || a.value === '--extract' || a.value === '--get' || (i === 0 && /^[A-Za-z]*x[A-Za-z]*$/.test(a.value)),
          );
          if (!extract) continue;
          for (const a of args) {
            const hit = copied.get(base(a.value));
            if (!hit || hit.reported) continue;
            hit.reported = true;
            const line = script.source.toDocument(cmd.start).line + 1;
            ctx.report({
              range: hit.word.range,
              message: `Archive "${hit.word.bare}" is copied and then extracted with tar (line ${line}): ADD extracts local tar archives itself, in one layer`,
            });
          }
        }
      }
    }
  },
};
