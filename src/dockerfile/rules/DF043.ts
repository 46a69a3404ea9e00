import type { PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileRule, Fix } from '../types';
import { scanRange } from './_vars';

export const rule: DockerfileRule = {
  code: 'DF043',
  name: 'env-self-reference',
  title: 'ENV uses a variable set earlier in the same ENV instruction',
  defaultSeverity: 'error',
  fix: 'yes',
  anchors: { hadolint: ['DL3044'] },
  check(ctx) {
    const escape = ctx.model.escapeChar;
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'ENV') continue;
      const node = info.node as PropertyInstruction;
      const props = node.getProperties();
      if (props.length < 2) continue;
      const earlier = new Set<string>();
      props.forEach((p, i) => {
        const vr = p.getValueRange();
        if (vr) {
          const refs = scanRange(ctx.lines, vr, escape).filter((r) => earlier.has(r.name));
          if (refs.length) {
            // Split the instruction before this pair: `ENV A=1 B=$A` -> `ENV A=1` + `ENV B=$A`.
            const prev = props[i - 1];
            const prevEnd = prev.getValueRange()?.end ?? prev.getNameRange().end;
            const gap = { start: prevEnd, end: p.getNameRange().start };
            const gapText = ctx.lines.textOf(gap);
            const indent = /^[ \t]*/.exec(ctx.lines.lineText(info.range.start.line))![0];
            const keyword = info.onbuild ? `${info.onbuild.getInstruction()} ${node.getInstruction()}` : node.getInstruction();
            const fixes: Fix[] = gapText.includes('#')
              ? []
              : [{ title: `Split into two ${node.getInstruction()} instructions`, edits: [{ range: gap, newText: `${ctx.lines.eol}${indent}${keyword} ` }], preferred: true }];
            for (const ref of refs) {
              ctx.report({
                range: ref.range,
                message: `"$${ref.name}" refers to ${ref.name} set earlier in the same ENV instruction: it expands to the value from before the instruction`,
                fixes,
              });
            }
          }
        }
        earlier.add(p.getName());
      });
    }
  },
};
