import type { DockerfileRule } from '../types';
import type { Stage } from '../model';
import { isAbsolutePath } from './_paths';
import { argWords } from './_words';
import { baseStages, rootImage } from './_stages';

export const rule: DockerfileRule = {
  code: 'DF040',
  name: 'copy-relative-dest-without-workdir',
  title: 'COPY to a relative destination while no WORKDIR is set',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { hadolint: ['DL3045'] },
  check(ctx) {
    // WORKDIR seen in each stage (including the stages it builds on); ONBUILD ones
    // only count for ONBUILD COPY (both run in the child build).
    const set = new Map<Stage | undefined, { plain: boolean; onbuild: boolean }>();
    const stateOf = (stage: Stage | undefined): { plain: boolean; onbuild: boolean } => {
      let s = set.get(stage);
      if (!s) {
        const bases = stage ? baseStages(stage, ctx.model).map((b) => set.get(b)) : [];
        s = { plain: bases.some((b) => b?.plain), onbuild: bases.some((b) => b?.onbuild) };
        set.set(stage, s);
      }
      return s;
    };
    for (const info of ctx.model.instructions) {
      const state = stateOf(info.stage);
      if (info.keyword === 'WORKDIR') {
        if (info.onbuild) state.onbuild = true;
        else state.plain = true;
        continue;
      }
      if (info.keyword !== 'COPY') continue;
      if (state.plain || (info.onbuild && state.onbuild)) continue;
      // A stage built FROM scratch starts in `/`: nothing depends on a base image there.
      if (info.stage && !info.onbuild && rootImage(info.stage) === 'scratch') continue;
      const words = argWords(info.node, ctx.model.escapeChar, ctx.lines);
      if (words.length < 2) continue;
      const dest = words[words.length - 1];
      const path = dest.bare;
      if (!path || path.startsWith('$') || isAbsolutePath(path, info.stage?.windows ?? false)) continue;
      ctx.report({
        range: dest.range,
        message: `COPY destination "${path}" is relative and no WORKDIR is set in this stage: it lands wherever the base image's working directory is`,
      });
    }
  },
};
