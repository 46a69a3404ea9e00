import type { DockerfileRule } from '../types';
import { allLabelPairs } from './_labels';

export const rule: DockerfileRule = {
  code: 'DF111',
  name: 'empty-label-value',
  title: 'Label with an empty value',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { hadolint: ['DL3051'] },
  check(ctx) {
    for (const pair of allLabelPairs(ctx.model)) {
      // `LABEL key` (no value at all) is a syntax error reported elsewhere; only `key=`, `key=""`, `key ""`.
      if (pair.value === null) continue;
      if (!pair.assigned && !pair.valueRange) continue;
      if (pair.value.trim() !== '') continue;
      // The whole pair (`key=""`): the empty value alone may be zero-width.
      const range = { start: pair.nameRange.start, end: pair.valueRange?.end ?? pair.nameRange.end };
      ctx.report({ range, message: `Label "${pair.name}" has an empty value` });
    }
  },
};
