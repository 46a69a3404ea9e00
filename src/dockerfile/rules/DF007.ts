import { closest } from '../../util/text';
import type { DockerfileRule } from '../types';
import { KNOWN_FLAGS, flagSpec, parseInstruction, type FlagToken, type ParsedInstruction } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF007',
  name: 'unknown-flag',
  title: 'Unknown flag on an instruction',
  defaultSeverity: 'error',
  fix: 'partial',
  anchors: {
    dockerfileUtils: ['UNKNOWN_ADD_FLAG', 'UNKNOWN_COPY_FLAG', 'UNKNOWN_FROM_FLAG', 'UNKNOWN_HEALTHCHECK_FLAG', 'UNKNOWN_RUN_FLAG'],
  },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      const p = parseInstruction(ctx, info);
      if (p.onbuildTok) checkFlags(ctx, p, p.onbuildFlags, 'ONBUILD', KNOWN_FLAGS.ONBUILD);
      const spec = flagSpec(p);
      if (spec) checkFlags(ctx, p, p.flags, p.keywordTok.raw, spec);
    }
  },
};

function checkFlags(
  ctx: Parameters<DockerfileRule['check']>[0],
  p: ParsedInstruction,
  flags: readonly FlagToken[],
  keyword: string,
  spec: Readonly<Record<string, string>>,
): void {
  const names = Object.keys(spec);
  for (const f of flags) {
    if (Object.prototype.hasOwnProperty.call(spec, f.name)) continue;
    const range = p.logical.range(f.start, f.nameEnd);
    const written = p.logical.text.slice(f.start, f.nameEnd);
    if (!names.length) {
      ctx.report({ range, message: `${keyword} takes no flags: unknown flag "${written}"` });
      continue;
    }
    const guess = closest(f.name, names, Math.max(2, Math.floor(f.name.length / 3)));
    ctx.report({
      range,
      message: guess
        ? `Unknown flag "${written}" for ${keyword}: did you mean --${guess}?`
        : `Unknown flag "${written}" for ${keyword} (known: ${names.map((n) => `--${n}`).join(', ')})`,
      fixes: guess ? [{ title: `Replace "${written}" with --${guess}`, edits: [{ range, newText: `--${guess}` }], preferred: true }] : [],
    });
  }
}
