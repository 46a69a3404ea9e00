import type { DockerfileRule } from '../types';
import type { DockerfileModel, Stage } from '../model';
import { baseStages, rootImage } from './_stages';
import { argWords, flagOf } from './_words';

const XX = /^(docker\.io\/)?tonistiigi\/xx([:@]|$)/i;

/**
 * Sources meant to be copied whole: stages built `FROM scratch` (they hold only
 * what was put there, e.g. an export stage of binaries) and the tonistiigi/xx
 * helper image, whose documented use is `COPY --from=xx / /`. A stage built
 * `FROM name-$TARGETOS` counts when every stage that name can pick is one.
 */
function isFragment(stage: Stage | undefined, model: DockerfileModel, depth = 0): boolean {
  if (!stage || depth > 20) return false;
  const image = rootImage(stage);
  if (image === 'scratch' || XX.test(image)) return true;
  const picks = stage.parent ? [] : baseStages(stage, model);
  return picks.length > 0 && picks.every((s) => isFragment(s, model, depth + 1));
}

const CHANGES_FS = new Set(['COPY', 'ADD', 'RUN']);

export const rule: DockerfileRule = {
  code: 'DF051',
  name: 'copy-entire-filesystem',
  title: 'COPY --from of a whole filesystem (`/`) onto `/`',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { hadolint: ['DL3067'] },
  check(ctx) {
    const model = ctx.model;
    for (const info of model.instructions) {
      if (info.keyword !== 'COPY') continue;
      const from = flagOf(info.node, 'from');
      const name = from?.getValue();
      if (!from || !name) continue;
      const words = argWords(info.node, model.escapeChar, ctx.lines);
      if (words.length < 2) continue;
      const dest = words[words.length - 1];
      const root = (v: string): boolean => /^\/+\.?$/.test(v);
      if (!root(dest.value)) continue;
      const here = info.stage;
      const source = /^\d+$/.test(name) ? model.stages[Number(name)] : model.previousStage(name, here?.index ?? 0);
      if (isFragment(source, model) || (!source && XX.test(name))) continue;
      // `FROM scratch` + `COPY --from=x / /` first thing: flattening an image on purpose.
      if (here && !info.onbuild && rootImage(here) === 'scratch' && here.parent === undefined) {
        const before = here.instructions.slice(0, here.instructions.indexOf(info));
        if (!before.some((i) => CHANGES_FS.has(i.keyword) && !i.onbuild)) continue;
      }
      for (const src of words.slice(0, -1)) {
        if (!root(src.value)) continue;
        ctx.report({
          range: src.range,
          message: `COPY --from=${name} "${src.value}" "${dest.value}" copies the whole filesystem of "${name}" over this stage: copy only the paths you need`,
        });
      }
    }
  },
};
