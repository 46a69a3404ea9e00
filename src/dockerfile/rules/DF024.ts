import type { DockerfileRule } from '../types';
import { parseInstruction } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF024',
  name: 'empty-continuation-line',
  title: 'Empty line inside a line continuation',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { buildkit: ['NoEmptyContinuation'], dockerfileUtils: ['EMPTY_CONTINUATION_LINE'] },
  check(ctx) {
    const lines = ctx.lines;
    for (const info of ctx.model.instructions) {
      const p = parseInstruction(ctx, info);
      for (const line of p.logical.emptyLines) {
        const len = lines.lineText(line).length;
        const last = line + 1 >= lines.lineCount;
        const del = last
          ? { start: { line: line - 1, character: lines.lineText(line - 1).length }, end: { line, character: len } }
          : { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
        ctx.report({
          range: { start: { line, character: 0 }, end: { line, character: len } },
          message: `Empty continuation line in ${p.keywordTok.raw}: it will become an error in a future Docker release`,
          fixes: [{ title: 'Delete the empty line', edits: [{ range: del, newText: '' }], preferred: true }],
        });
      }
    }
  },
};
