/**
 * The stages a stage may build on. The model links `FROM builder`; this also
 * follows `FROM base-${VARIANT}`, which picks one of the earlier stages whose
 * name fits the pattern (`base-alpine`, `base-debian`…). Pure.
 */
import type { DockerfileModel, Stage } from '../model';

const VAR = /\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const cache = new WeakMap<Stage, readonly Stage[]>();

/**
 * The earlier stages `stage` may start from: its parent, or every stage its variable base name can pick.
 * Computed once per stage (stages are built per lint; several rules ask for every stage).
 */
export function baseStages(stage: Stage, model: DockerfileModel): readonly Stage[] {
  let r = cache.get(stage);
  if (!r) {
    r = computeBaseStages(stage, model);
    cache.set(stage, r);
  }
  return r;
}

function computeBaseStages(stage: Stage, model: DockerfileModel): Stage[] {
  if (stage.parent) return [stage.parent];
  const image = stage.image?.toLowerCase();
  if (!image || !VAR.test(image)) return [];
  const parts = image.split(new RegExp(VAR.source, 'g')).map(escapeRegExp);
  if (parts.every((p) => p === '')) return []; // `FROM $BASE`: an image, not a stage
  const pattern = new RegExp(`^${parts.join('.*')}$`);
  return model.stages.filter((s) => s.index < stage.index && !!s.name && pattern.test(s.name.toLowerCase()));
}

/** The image a stage ultimately starts from, following `FROM <earlier stage>` links. */
export function rootImage(stage: Stage): string {
  let s = stage;
  for (let guard = 0; s.parent && guard < 100; guard++) s = s.parent;
  return (s.image ?? '').toLowerCase();
}
