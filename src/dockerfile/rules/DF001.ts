import type { DockerfileRule } from '../types';
import { closest } from '../../util/text';

/** Every instruction BuildKit knows (ONBUILD triggers included). */
export const KNOWN_INSTRUCTIONS = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];
const KNOWN = new Set(KNOWN_INSTRUCTIONS);

export const rule: DockerfileRule = {
  code: 'DF001',
  name: 'unknown-instruction',
  title: 'Unknown instruction',
  defaultSeverity: 'error',
  fix: 'partial',
  anchors: { dockerfileUtils: ['UNKNOWN_INSTRUCTION'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      const keyword = info.keyword;
      if (KNOWN.has(keyword)) continue;
      const node = info.node;
      const written = node.getInstruction();
      const range = node.getInstructionRange();
      const guess = closest(keyword, KNOWN_INSTRUCTIONS, 2);
      const asWritten = guess && written === written.toLowerCase() ? guess.toLowerCase() : guess;
      ctx.report({
        range,
        message: guess ? `Unknown instruction "${written}": did you mean ${asWritten}?` : `Unknown instruction "${written}"`,
        fixes: guess ? [{ title: `Replace "${written}" with ${asWritten}`, edits: [{ range, newText: asWritten! }], preferred: true }] : [],
      });
    }
  },
};
