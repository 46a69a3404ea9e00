import type { DockerfileRule } from '../types';

/** Names BuildKit reserves: `scratch` (the empty image) and `context` (the build context). */
const RESERVED = new Set(['scratch', 'context']);

export const rule: DockerfileRule = {
  code: 'DF030',
  name: 'reserved-stage-name',
  title: 'Stage name is a reserved word (scratch, context)',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { hadolint: ['DL3063'], buildkit: ['ReservedStageName'] },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const name = stage.name;
      if (!name || !stage.nameRange) continue;
      // BuildKit lowercases stage names before comparing, so `AS Scratch` is reserved too.
      const lower = name.toLowerCase();
      if (!RESERVED.has(lower)) continue;
      ctx.report({
        range: stage.nameRange,
        message: `Stage name "${name}" is reserved: "${lower}" means ${lower === 'scratch' ? 'the empty base image' : 'the build context'} in FROM and COPY --from`,
      });
    }
  },
};
