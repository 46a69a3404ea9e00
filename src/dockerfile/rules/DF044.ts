import type { DockerfileRule, Fix } from '../types';
import { suggestName } from './_vars';
import { flagOf } from './_words';

export const rule: DockerfileRule = {
  code: 'DF044',
  name: 'copy-from-unknown-stage',
  title: 'COPY --from names no previous stage (it would be pulled as an image)',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { hadolint: ['DL3022'] },
  check(ctx) {
    const model = ctx.model;
    for (const info of model.instructions) {
      if (info.keyword !== 'COPY') continue;
      const flag = flagOf(info.node, 'from');
      const value = flag?.getValue();
      const range = flag?.getValueRange();
      if (!flag || !value || !range) continue;
      // Image references (`nginx:1.27`, `ghcr.io/x/y`, digests) and variables are not stage names.
      if (/[:@/$]/.test(value)) continue;
      const here = info.stage?.index ?? -1;
      if (/^\d+$/.test(value)) {
        const n = Number(value);
        if (n < here || n === here) continue; // own stage: DF023
        ctx.report({
          range,
          message: n < model.stages.length
            ? `COPY --from=${value} refers to stage ${value}, which comes after this one`
            : `COPY --from=${value}: there is no stage ${value} before this one (${Math.max(here, 0)} defined)`,
          severity: 'error',
        });
        continue;
      }
      const lower = value.toLowerCase();
      if (info.stage?.name?.toLowerCase() === lower) continue; // own stage: DF023
      if (model.previousStage(value, Math.max(here, 0))) continue;
      const later = model.stages.find((s) => s.index > here && s.name?.toLowerCase() === lower);
      if (later) {
        ctx.report({
          range,
          message: `COPY --from=${value}: stage "${later.name}" is defined after this instruction (line ${later.fromInfo.range.start.line + 1}); move it before`,
          severity: 'error',
        });
        continue;
      }
      const previous = model.stages.filter((s) => s.index < here && s.name).map((s) => s.name!);
      const guess = suggestName(value, previous, Math.max(1, Math.min(3, Math.floor(value.length / 3))));
      const fixes: Fix[] = guess ? [{ title: `Change to --from=${guess}`, edits: [{ range, newText: guess }], preferred: true }] : [];
      ctx.report({
        range,
        message: `COPY --from=${value} names no previous stage, so BuildKit pulls an image "${value}"${guess ? ` (did you mean ${guess}?)` : ''}`,
        fixes,
      });
    }
  },
};
