import type { DockerfileRule } from '../types';
import { jsonArray, parseInstruction } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF011',
  name: 'healthcheck-invalid-type',
  title: 'HEALTHCHECK type is not CMD or NONE, or CMD has no command',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { dockerfileUtils: ['UNKNOWN_TYPE', 'HEALTHCHECK_CMD_ARGUMENT_MISSING'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'HEALTHCHECK') continue;
      const p = parseInstruction(ctx, info);
      if (p.keyword !== 'HEALTHCHECK' || p.args === '') continue; // DF002
      const text = p.logical.text;
      let sep = p.argsStart;
      while (sep < p.argsEnd && !/\s/.test(text[sep])) sep++;
      const type = text.slice(p.argsStart, sep);
      const typeRange = p.logical.range(p.argsStart, sep);
      const upper = type.toUpperCase();
      if (upper === 'NONE') continue;
      if (upper !== 'CMD') {
        ctx.report({ range: typeRange, message: `Unknown HEALTHCHECK type "${type}": expected CMD <command> or NONE` });
        continue;
      }
      let next = sep;
      while (next < p.argsEnd && /\s/.test(text[next])) next++;
      const json = jsonArray(text, next, p.argsEnd);
      const empty = next >= p.argsEnd || (json !== undefined && json !== 'not-strings' && json.values.length === 0);
      if (empty) ctx.report({ range: typeRange, message: `HEALTHCHECK ${type} has no command to run` });
    }
  },
};
