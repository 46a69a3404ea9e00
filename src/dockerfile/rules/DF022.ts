import type { DockerfileRule } from '../types';
import { parseInstruction, splitWhitespace } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF022',
  name: 'duplicate-stage-name',
  title: 'Two stages have the same name',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: {
    hadolint: ['DL3024'],
    buildkit: ['DuplicateStageName'],
    dockerfileUtils: ['DUPLICATE_BUILD_STAGE_NAME'],
    other: ['DS-0012', 'CKV_DOCKER_11'],
  },
  check(ctx) {
    const first = new Map<string, number>();
    for (const stage of ctx.model.stages) {
      const p = parseInstruction(ctx, stage.fromInfo);
      const args = splitWhitespace(p.logical.text, p.argsStart, p.argsEnd);
      if (args.length !== 3 || args[1].raw.toLowerCase() !== 'as') continue;
      const name = args[2].raw;
      const key = name.toLowerCase();
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, stage.fromInfo.range.start.line);
        continue;
      }
      ctx.report({
        range: p.logical.range(args[2].start, args[2].end),
        message: `Duplicate stage name "${name}": already used on line ${earlier + 1} (stage names are case-insensitive)`,
      });
    }
  },
};
