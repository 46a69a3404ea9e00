import type { DockerfileRule } from '../types';
import { VALID_STAGE_NAME, parseInstruction, splitWhitespace } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF021',
  name: 'invalid-stage-name',
  title: 'Invalid stage name (must start with a letter; only letters, digits, -, _ and .)',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { dockerfileUtils: ['INVALID_BUILD_STAGE_NAME'] },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const p = parseInstruction(ctx, stage.fromInfo);
      const args = splitWhitespace(p.logical.text, p.argsStart, p.argsEnd);
      if (args.length !== 3 || args[1].raw.toLowerCase() !== 'as') continue;
      const name = args[2].raw;
      if (VALID_STAGE_NAME.test(name.toLowerCase())) continue;
      const why = /^[0-9]/.test(name)
        ? 'it starts with a digit'
        : /^[^a-zA-Z]/.test(name)
          ? 'it must start with a letter'
          : `"${[...name].find((c) => !/[a-zA-Z0-9\-_.]/.test(c))}" is not allowed`;
      ctx.report({
        range: p.logical.range(args[2].start, args[2].end),
        message: `Invalid stage name "${name}": ${why} (use letters, digits, -, _ and ., starting with a letter)`,
      });
    }
  },
};
