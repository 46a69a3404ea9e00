import type { DockerfileRule } from '../types';
import { deleteToken, flagSpec, parseInstruction } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF008',
  name: 'duplicate-flag',
  title: 'Flag given twice on one instruction',
  defaultSeverity: 'error',
  fix: 'yes',
  anchors: { dockerfileUtils: ['FLAG_DUPLICATE'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      const p = parseInstruction(ctx, info);
      const spec = flagSpec(p);
      // Fewer than two flags cannot repeat one: no Set for them (most instructions).
      if (!spec || p.flags.length < 2) continue;
      const seen = new Set<string>();
      for (const f of p.flags) {
        const type = Object.prototype.hasOwnProperty.call(spec, f.name) ? spec[f.name] : undefined;
        if (!type) continue; // unknown: DF007
        if (type === 'strings') continue; // --mount, --device, --exclude may repeat
        if (!seen.has(f.name)) {
          seen.add(f.name);
          continue;
        }
        const range = p.logical.range(f.start, f.end);
        ctx.report({
          range,
          message: `Duplicate flag --${f.name} on ${p.keywordTok.raw}: "${f.raw}"`,
          fixes: [{ title: `Remove the duplicate "${f.raw}"`, edits: [deleteToken(ctx.lines, range, ctx.model.escapeChar)], preferred: true }],
        });
      }
    }
  },
};
