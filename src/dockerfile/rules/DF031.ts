import type { From, Instruction } from 'dockerfile-ast';
import type { DockerfileRule, Fix } from '../types';
import type { Range, TextEdit } from '../../util/text';
import type { Stage } from '../model';
import { flagsOf } from './_words';

/** Every place that refers to `stage` by name: FROM <name>, COPY --from=<name>, RUN --mount=from=<name>. */
function references(instructions: readonly { node: Instruction; keyword: string }[], stage: Stage): Range[] {
  const lower = stage.name!.toLowerCase();
  const out: Range[] = [];
  for (const { node, keyword } of instructions) {
    if (keyword === 'FROM') {
      const from = node as From;
      if (from === stage.from) continue;
      const image = from.getImage();
      const r = from.getImageRange();
      if (image && r && image.toLowerCase() === lower) out.push(r);
      continue;
    }
    if (keyword !== 'COPY' && keyword !== 'ADD' && keyword !== 'RUN') continue;
    for (const f of flagsOf(node)) {
      const name = f.getName().toLowerCase();
      if (name === 'from') {
        const v = f.getValue();
        const r = f.getValueRange();
        if (v && r && v.toLowerCase() === lower) out.push(r);
      } else if (name === 'mount') {
        for (const o of f.getOptions()) {
          const v = o.getValue();
          const r = o.getValueRange();
          if (o.getName().toLowerCase() === 'from' && v && r && v.toLowerCase() === lower) out.push(r);
        }
      }
    }
  }
  return out;
}

export const rule: DockerfileRule = {
  code: 'DF031',
  name: 'stage-name-casing',
  title: 'Stage name is not lowercase',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { buildkit: ['StageNameCasing'] },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const name = stage.name;
      if (!name || !stage.nameRange || name === name.toLowerCase()) continue;
      const lower = name.toLowerCase();
      const edits: TextEdit[] = [{ range: stage.nameRange, newText: lower }];
      for (const r of references(ctx.model.instructions, stage)) edits.push({ range: r, newText: lower });
      const fix: Fix = { title: `Rename stage to "${lower}" (and its references)`, edits, preferred: true };
      ctx.report({
        range: stage.nameRange,
        message: `Stage name "${name}" should be lowercase ("${lower}")`,
        fixes: [fix],
      });
    }
  },
};
