/**
 * What compose rules need to know of a service's Dockerfile (its stage names
 * for CM034, whether the built stage has a HEALTHCHECK for CM019/CM020),
 * read with the Dockerfile linter's own parser and model rather than a
 * second, line-based scanner: heredoc bodies, continuation lines with
 * comments, the escape directive, ONBUILD triggers and FROM flags are then
 * understood exactly as the Dockerfile rules understand them.
 */
import type { Healthcheck } from 'dockerfile-ast';
import { buildModel, type DockerfileModel } from '../../dockerfile/model';
import { parseDockerfile } from '../../dockerfile/parse';

/** The last text read and its model: CM019, CM020 and CM034 often ask about the same Dockerfile in one lint. */
let last: { text: string; model: DockerfileModel | undefined } | undefined;

function modelOf(text: string): DockerfileModel | undefined {
  if (last?.text === text) return last.model;
  let model: DockerfileModel | undefined;
  try {
    model = buildModel(parseDockerfile(text));
  } catch {
    model = undefined;
  }
  last = { text, model };
  return model;
}

/** Stage names (`FROM … AS name`) of a Dockerfile, in order, as written. */
export function dockerfileStages(text: string): string[] {
  const model = modelOf(text);
  const out: string[] = [];
  for (const s of model?.stages ?? []) if (s.name !== undefined) out.push(s.name);
  return out;
}

export type DockerfileHealth = { kind: 'yes' } | { kind: 'none'; how: string } | { kind: 'base'; image: string } | { kind: 'unknown' };

/**
 * Whether the stage a build produces (the `target` stage, else the last) has
 * a HEALTHCHECK, looking through the earlier stages it is built FROM; when the
 * chain ends at an image, that image (whose own HEALTHCHECK the caller may know).
 */
export function dockerfileHealthcheck(text: string, target?: string): DockerfileHealth {
  const model = modelOf(text);
  if (!model?.stages.length) return { kind: 'unknown' };
  let stage = target === undefined ? model.finalStage : model.stageByName(target);
  // stageByName also takes a stage's index; a build target is a name only.
  if (!stage || (target !== undefined && stage.name?.toLowerCase() !== target.toLowerCase())) return { kind: 'unknown' };
  for (let hops = 0; hops < 100 && stage; hops++) {
    let hc: 'yes' | 'none' | undefined;
    for (const info of stage.instructions) {
      if (info.keyword !== 'HEALTHCHECK' || info.onbuild) continue;
      // The last HEALTHCHECK of a stage wins.
      hc = (info.node as Healthcheck).getSubcommand()?.getValue().toUpperCase() === 'NONE' ? 'none' : 'yes';
    }
    if (hc === 'yes') return { kind: 'yes' };
    if (hc === 'none') return { kind: 'none', how: 'its Dockerfile says `HEALTHCHECK NONE`' };
    if (!stage.parent) {
      const image = stage.image;
      if (!image || image.includes('$')) return { kind: 'unknown' };
      if (image.toLowerCase() === 'scratch') return { kind: 'none', how: 'its Dockerfile has no HEALTHCHECK' };
      return { kind: 'base', image };
    }
    stage = stage.parent;
  }
  return { kind: 'unknown' };
}
