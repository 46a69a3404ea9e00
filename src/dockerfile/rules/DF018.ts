import type { DockerfileRule } from '../types';
import { parseInstruction } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF018',
  name: 'onbuild-invalid-trigger',
  title: 'ONBUILD trigger is ONBUILD, FROM or MAINTAINER',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { hadolint: ['DL3043'], dockerfileUtils: ['ONBUILD_CHAINING_DISALLOWED', 'ONBUILD_TRIGGER_DISALLOWED'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (!info.onbuild) continue;
      const p = parseInstruction(ctx, info);
      if (!p.onbuildTok) continue;
      const kw = p.keyword;
      if (kw !== 'ONBUILD' && kw !== 'FROM' && kw !== 'MAINTAINER') continue;
      ctx.report({
        range: p.logical.range(p.keywordTok.start, p.keywordTok.end),
        message:
          kw === 'ONBUILD'
            ? 'ONBUILD ONBUILD: chaining ONBUILD triggers is not allowed'
            : `${p.keywordTok.raw} is not allowed as an ONBUILD trigger`,
      });
    }
  },
};
