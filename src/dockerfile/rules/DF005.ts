import type { DockerfileRule } from '../types';
import { asKeyword, isInlineComment, moveCommentFix, parseInstruction, splitWhitespace } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF005',
  name: 'from-invalid-as',
  title: 'FROM with three arguments whose second word is not AS',
  defaultSeverity: 'error',
  fix: 'yes',
  anchors: { dockerfileUtils: ['INVALID_AS'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'FROM' || info.onbuild) continue;
      const p = parseInstruction(ctx, info);
      const args = splitWhitespace(p.logical.text, p.argsStart, p.argsEnd);
      if (args.length !== 3 || args[1].raw.toLowerCase() === 'as') continue;
      const range = p.logical.range(args[1].start, args[1].end);
      if (isInlineComment(args[1].raw)) {
        const move = moveCommentFix(ctx.lines, p, info.range.start, args[1].start);
        ctx.report({
          range: p.logical.range(args[1].start, args[2].end),
          message: `"${args[1].raw} ${args[2].raw}" is not a comment: Dockerfiles have no inline comments, so FROM reads it as "AS <name>"`,
          fixes: move ? [{ ...move, preferred: true }] : [],
        });
        continue;
      }
      const as = asKeyword(p.keywordTok.raw);
      ctx.report({
        range,
        message: `Expected "${as}" between the image and the stage name, found "${args[1].raw}"`,
        fixes: [{ title: `Replace "${args[1].raw}" with ${as}`, edits: [{ range, newText: as }], preferred: true }],
      });
    }
  },
};
