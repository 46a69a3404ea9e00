import type { DockerfileRule, Fix } from '../types';
import { VALID_STAGE_NAME, asKeyword, deleteToken, isInlineComment, moveCommentFix, parseInstruction, parseWords, splitWhitespace } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF003',
  name: 'extra-arguments',
  title: 'Instruction has extra or unexpected arguments',
  defaultSeverity: 'error',
  fix: 'partial',
  anchors: { dockerfileUtils: ['ARGUMENT_EXTRA', 'ARGUMENT_REQUIRES_ONE_OR_THREE', 'ARGUMENT_UNNECESSARY'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      const p = parseInstruction(ctx, info);
      const text = p.logical.text;
      const lg = p.logical;

      if (p.keyword === 'FROM') {
        if (info.onbuild) continue; // DF018
        const args = splitWhitespace(text, p.argsStart, p.argsEnd);
        const isAs = args.length > 1 && args[1].raw.toLowerCase() === 'as';
        if (args.length === 2) {
          if (isAs) {
            ctx.report({
              range: lg.range(args[1].start, args[1].end),
              message: `FROM ${args[0].raw} ${args[1].raw}: missing stage name after "${args[1].raw}"`,
              fixes: [{ title: `Remove "${args[1].raw}"`, edits: [{ range: lg.range(args[0].end, args[1].end), newText: '' }], preferred: true }],
            });
          } else if (isInlineComment(args[1].raw)) {
            const move = moveCommentFix(ctx.lines, p, info.range.start, args[1].start);
            ctx.report({
              range: lg.range(args[1].start, args[1].end),
              message: `"${args[1].raw}" is not a comment: Dockerfiles have no inline comments, so FROM gets an extra argument`,
              fixes: move ? [{ ...move, preferred: true }] : [],
            });
          } else {
            const extra = args[1];
            const del: Fix = { title: `Remove "${extra.raw}"`, edits: [deleteToken(ctx.lines, lg.range(extra.start, extra.end), ctx.model.escapeChar)] };
            const fixes: Fix[] = [del];
            if (VALID_STAGE_NAME.test(extra.raw.toLowerCase())) {
              fixes.unshift({
                title: `Insert ${asKeyword(p.keywordTok.raw)} before "${extra.raw}"`,
                edits: [{ range: lg.range(extra.start, extra.start), newText: `${asKeyword(p.keywordTok.raw)} ` }],
                preferred: true,
              });
            } else {
              fixes[0] = { ...del, preferred: true };
            }
            ctx.report({ range: lg.range(extra.start, extra.end), message: `FROM takes an image and an optional "AS <name>": unexpected "${extra.raw}"`, fixes });
          }
        } else if (args.length > 3) {
          const keep = isAs ? 3 : 1;
          const first = args[keep];
          const lastTok = args[args.length - 1];
          const extras = args.slice(keep).map((a) => a.raw).join(' ');
          const remove: Fix = { title: `Remove "${extras}"`, edits: [{ range: lg.range(args[keep - 1].end, lastTok.end), newText: '' }] };
          const move = isInlineComment(first.raw) ? moveCommentFix(ctx.lines, p, info.range.start, first.start) : undefined;
          ctx.report({
            range: lg.range(first.start, lastTok.end),
            message: move
              ? `"${extras}" is not a comment: Dockerfiles have no inline comments, so FROM gets extra arguments`
              : `FROM takes an image and an optional "AS <name>": unexpected "${extras}"`,
            fixes: move ? [{ ...move, preferred: true }, remove] : [{ ...remove, preferred: true }],
          });
        }
        continue;
      }

      if (p.keyword === 'HEALTHCHECK') {
        const m = /^\S+/.exec(p.args);
        if (!m || m[0].toUpperCase() !== 'NONE') continue;
        const restStart = p.argsStart + m[0].length;
        if (restStart >= p.argsEnd) continue;
        let s = restStart;
        while (s < p.argsEnd && /\s/.test(text[s])) s++;
        const extra = text.slice(s, p.argsEnd);
        ctx.report({
          range: lg.range(s, p.argsEnd),
          message: `HEALTHCHECK NONE takes no arguments: unexpected "${extra}"`,
          fixes: [{ title: `Remove "${extra}"`, edits: [{ range: lg.range(restStart, p.argsEnd), newText: '' }], preferred: true }],
        });
        continue;
      }

      if (p.keyword === 'USER' && !info.stage?.windows) {
        // BuildKit keeps the whole line as the user name; a name with blanks can never resolve.
        const words = parseWords(text, p.argsStart, p.argsEnd, ctx.model.escapeChar);
        if (words.length > 1) {
          const first = words[1];
          const lastTok = words[words.length - 1];
          ctx.report({
            range: lg.range(first.start, lastTok.end),
            message: isInlineComment(first.raw)
              ? `USER "${text.slice(first.start, lastTok.end)}" is not a comment: Dockerfiles have no inline comments, so it becomes part of the user name`
              : `USER takes one <user>[:<group>]: unexpected "${text.slice(first.start, lastTok.end)}"`,
            fixes: isInlineComment(first.raw) ? [moveCommentFix(ctx.lines, p, info.range.start, first.start)].filter((f): f is Fix => !!f) : [],
          });
        }
      }
    }
  },
};
