import type { Arg } from 'dockerfile-ast';
import type { DockerfileRule } from '../types';
import { scanVars } from './_vars';
import { flagOf, unquote } from './_words';

export const rule: DockerfileRule = {
  code: 'DF048',
  name: 'redundant-target-platform',
  title: 'FROM --platform=$TARGETPLATFORM is redundant',
  defaultSeverity: 'info',
  fix: 'yes',
  anchors: { hadolint: ['DL3065'], buildkit: ['RedundantTargetPlatform'] },
  check(ctx) {
    const escape = ctx.model.escapeChar;
    // A global `ARG TARGETPLATFORM=<value>` pins the value: then the flag does something.
    let pinned = false;
    for (const info of ctx.model.globalArgs) {
      for (const p of (info.node as Arg).getProperties()) {
        if (p.getName() === 'TARGETPLATFORM' && p.getValue() !== null) pinned = true;
      }
    }
    if (pinned) return;
    for (const stage of ctx.model.stages) {
      const flag = flagOf(stage.from, 'platform');
      const raw = flag?.getValue();
      if (!flag || !raw) continue;
      const refs = scanVars(raw, escape);
      if (refs.length !== 1 || refs[0].name !== 'TARGETPLATFORM') continue;
      // The whole value must be the variable (`$TARGETPLATFORM`, `"${TARGETPLATFORM}"`, `${TARGETPLATFORM:-x}`).
      const rest = unquote(raw.slice(0, refs[0].start) + raw.slice(refs[0].end), escape);
      if (rest !== '') continue;
      // Delete the flag and the blanks after it.
      const r = flag.getRange();
      const line = ctx.lines.lineText(r.end.line);
      let end = r.end.character;
      while (end < line.length && (line[end] === ' ' || line[end] === '\t')) end++;
      const del = { start: r.start, end: { line: r.end.line, character: end } };
      ctx.report({
        range: r,
        message: `FROM --platform=${raw} is redundant: stages are built for $TARGETPLATFORM by default`,
        fixes: [{ title: 'Remove the --platform flag', edits: [{ range: del, newText: '' }], preferred: true }],
      });
    }
  },
};
