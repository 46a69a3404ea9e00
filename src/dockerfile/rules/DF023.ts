import type { DockerfileRule } from '../types';
import { parseInstruction } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF023',
  name: 'copy-from-own-stage',
  title: 'COPY --from (or RUN --mount from=) refers to the stage it is in',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { hadolint: ['DL3023'], other: ['DS-0006'] },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      for (const info of stage.instructions) {
        if (info.onbuild || (info.keyword !== 'COPY' && info.keyword !== 'RUN')) continue;
        const p = parseInstruction(ctx, info);
        for (const f of p.flags) {
          if (f.value === null || f.valueStart === undefined) continue;
          let ref: string | undefined;
          let start = f.valueStart;
          let end = f.end;
          if (p.keyword === 'COPY' && f.name === 'from') {
            ref = f.value;
          } else if (p.keyword === 'RUN' && f.name === 'mount') {
            // --mount=type=bind,from=build,source=/out,target=/in
            const m = /(^|,)from=([^,]*)/.exec(f.value);
            if (!m) continue;
            ref = m[2];
            const rawIdx = f.raw.indexOf(`from=${ref}`, f.valueStart - f.start);
            if (rawIdx >= 0) {
              start = f.start + rawIdx + 5;
              end = start + ref.length;
            }
          }
          if (!ref) continue;
          const self =
            (stage.name !== undefined && ref.toLowerCase() === stage.name.toLowerCase()) || (/^\d+$/.test(ref) && Number(ref) === stage.index);
          if (!self) continue;
          ctx.report({
            range: p.logical.range(start, end),
            message: `${p.keywordTok.raw} ${p.keyword === 'COPY' ? '--from' : '--mount from'}=${ref} refers to its own stage${stage.name ? ` "${stage.name}"` : ''}: a stage cannot read from itself`,
          });
        }
      }
    }
  },
};
