import type { DockerfileRule } from '../types';

export const rule: DockerfileRule = {
  code: 'DF032',
  name: 'from-as-casing',
  title: "The `AS` keyword's casing differs from the `FROM` keyword's",
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { buildkit: ['FromAsCasing'] },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const from = stage.from;
      const args = from.getArguments();
      if (args.length < 3) continue;
      const keyword = from.getInstruction();
      const as = args[1].getValue();
      if (as.toLowerCase() !== 'as') continue;
      const lower = keyword === keyword.toLowerCase();
      const upper = keyword === keyword.toUpperCase();
      // A mixed-case `From` is DF033's business (BuildKit skips it here too).
      if (!lower && !upper) continue;
      const want = lower ? 'as' : 'AS';
      if (as === want) continue;
      const range = args[1].getRange();
      ctx.report({
        range,
        message: `"${as}" does not match the casing of "${keyword}": write "${want}"`,
        fixes: [{ title: `Replace "${as}" with "${want}"`, edits: [{ range, newText: want }], preferred: true }],
      });
    }
  },
};
