import type { Arg } from 'dockerfile-ast';
import type { DockerfileRule, Fix } from '../types';
import type { Range } from '../../util/text';
import { insertLinesBefore } from '../ruleUtils';
import { PREDEFINED_ARGS, scanRange, suggestName } from './_vars';
import { flagOf } from './_words';

export const rule: DockerfileRule = {
  code: 'DF041',
  name: 'undefined-arg-in-from',
  title: 'FROM uses an ARG that is not declared before the first FROM',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { buildkit: ['UndefinedArgInFrom'] },
  check(ctx) {
    const model = ctx.model;
    const escape = model.escapeChar;
    // FROM only sees the ARGs declared before the first FROM (plus the predefined ones).
    const global = new Set<string>();
    for (const info of model.globalArgs) {
      for (const p of (info.node as Arg).getProperties()) global.add(p.getName());
    }
    // ARGs declared later, inside stages: a common reason for the mistake.
    const stageArgs = new Map<string, string>();
    for (const info of model.instructions) {
      if (info.keyword !== 'ARG' || !info.stage || info.onbuild) continue;
      for (const p of (info.node as Arg).getProperties()) {
        if (!stageArgs.has(p.getName())) stageArgs.set(p.getName(), ctx.lines.textOf(p.getRange()));
      }
    }
    const firstFrom = model.stages[0]?.from;
    for (const stage of model.stages) {
      const from = stage.from;
      const ranges: Range[] = [];
      const image = from.getImageRange();
      if (image) ranges.push(image);
      const platform = flagOf(from, 'platform')?.getValueRange();
      if (platform) ranges.push(platform);
      for (const r of ranges) {
        for (const ref of scanRange(ctx.lines, r, escape).filter((x) => x.valid)) {
          if (global.has(ref.name) || PREDEFINED_ARGS.has(ref.name)) continue;
          const guess = suggestName(ref.name, [...global, ...PREDEFINED_ARGS]);
          const fixes: Fix[] = [];
          if (guess) {
            fixes.push({ title: `Change to $${guess}`, edits: [{ range: ref.nameRange, newText: guess }], preferred: true });
          }
          const declared = stageArgs.get(ref.name);
          if (firstFrom) {
            fixes.push({
              title: `Declare ARG ${ref.name} before the first FROM`,
              edits: [insertLinesBefore(ctx.lines, firstFrom, [`ARG ${declared ?? ref.name}`])],
              preferred: !guess,
            });
          }
          const why = declared ? ` (ARG ${ref.name} is declared inside a stage, which FROM cannot see)` : '';
          ctx.report({
            range: ref.range,
            message: `FROM argument "${ref.name}" is not declared before the first FROM${guess ? ` (did you mean ${guess}?)` : why}`,
            fixes,
          });
        }
      }
    }
  },
};
