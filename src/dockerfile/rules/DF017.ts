import type { DockerfileRule } from '../types';
import { parseInstruction, singleQuotedArray } from './_syntax';

/** Instructions with an exec (JSON) form; SHELL is DF016 (there the build fails). */
const EXEC_FORM = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'VOLUME', 'HEALTHCHECK']);

export const rule: DockerfileRule = {
  code: 'DF017',
  name: 'json-single-quotes',
  title: 'JSON array written with single quotes (silently treated as shell form)',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { dockerfileUtils: ['JSON_IN_SINGLE_QUOTES'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (!EXEC_FORM.has(info.keyword)) continue;
      const p = parseInstruction(ctx, info);
      if (!EXEC_FORM.has(p.keyword)) continue;
      const text = p.logical.text;
      let start = p.argsStart;
      if (p.keyword === 'HEALTHCHECK') {
        const m = /^(\S+)(\s+)/.exec(p.args);
        if (!m || m[1].toUpperCase() !== 'CMD') continue;
        start += m[0].length;
      }
      const arr = singleQuotedArray(text, start, p.argsEnd);
      if (!arr) continue;
      const open = text.indexOf('[', start);
      const edits = arr.elems.filter((e) => e.single).map((e) => ({ range: p.logical.range(e.start, e.end), newText: JSON.stringify(e.value) }));
      ctx.report({
        range: p.logical.range(open, p.argsEnd),
        message: `${p.keywordTok.raw} ${text.slice(open, p.argsEnd)} uses single quotes: it is not JSON, so it runs as a shell command; use double quotes`,
        fixes: [{ title: 'Use double quotes (exec form)', edits, preferred: true }],
      });
    }
  },
};
