import type { DockerfileRule } from '../types';
import { parseArgs } from '../shell/args';
import { commandsOf, tokenRange } from './_run';

const LN_SPEC = { withValue: ['-S', '--suffix', '-t', '--target-directory'] };

export const rule: DockerfileRule = {
  code: 'DF083',
  name: 'ln-bin-sh',
  title: 'Default shell replaced with ln instead of SHELL',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { hadolint: ['DL4005'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      for (const script of info.scripts()) {
        for (const c of commandsOf(script)) {
          if (c.name !== 'ln') continue;
          const a = parseArgs(c.args, LN_SPEC);
          const ops = a.positionals;
          // The link name is the last operand (or, with -t DIR, not /bin/sh at all).
          if (ops.length < 2 || a.has('-t', '--target-directory')) continue;
          const link = ops[ops.length - 1];
          if (link.value !== '/bin/sh' && link.value !== '/usr/bin/sh') continue;
          ctx.report({
            range: tokenRange(script, link),
            message: `"ln … ${link.value}" replaces the default shell of the whole image: use the SHELL instruction`,
          });
        }
      }
    }
  },
};
