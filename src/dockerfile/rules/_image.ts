/**
 * Image references for the image-hygiene rules (DF060–DF063, DF065): parsing
 * `registry/path:tag@digest`, resolving global ARG defaults in FROM, and the
 * list of every external image a Dockerfile pulls (FROM, `COPY --from=<image>`,
 * `RUN --mount=…,from=<image>`), with stage references and `scratch` told apart.
 * Pure; never throws.
 */
import type { From } from 'dockerfile-ast';
import type { Range } from '../../util/text';
import type { DockerfileModel, InstructionInfo, Stage } from '../model';
import { flagsOf, propertiesOf } from './_ast';

export interface ImageRef {
  /** Explicit registry host (`ghcr.io`, `localhost:5000`), undefined for Docker Hub shorthand. */
  readonly registry: string | undefined;
  /** Repository path without registry, tag or digest (`library/debian`, `debian`). */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
  /** Offsets into the parsed string. */
  readonly tagStart: number;
  readonly registryEnd: number;
}

/** Splits an image reference the way the Docker reference grammar does. */
export function parseImageRef(ref: string): ImageRef {
  let name = ref;
  let digest: string | undefined;
  const at = ref.indexOf('@');
  if (at >= 0) {
    digest = ref.slice(at + 1);
    name = ref.slice(0, at);
  }
  let registry: string | undefined;
  let registryEnd = 0;
  const slash = name.indexOf('/');
  if (slash > 0) {
    const first = name.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      registryEnd = slash;
    }
  }
  const rest = registry ? name.slice(slash + 1) : name;
  const restStart = registry ? slash + 1 : 0;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  let tag: string | undefined;
  let tagStart = -1;
  let repository = rest;
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    repository = rest.slice(0, colon);
    tagStart = restStart + colon + 1;
  }
  return { registry, repository, tag, digest, tagStart, registryEnd };
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com', 'hub.docker.com']);

/** True for the names Docker Hub goes by. */
export function isDockerHub(registry: string): boolean {
  return DOCKER_HUB.has(registry.toLowerCase());
}

interface ArgValue {
  /** undefined: declared without a default (supplied with --build-arg or empty). */
  readonly value: string | undefined;
}

/** Defaults of the ARGs declared before the first FROM (the only ones FROM can see). Last one wins. */
export function globalArgDefaults(model: DockerfileModel): Map<string, ArgValue> {
  const out = new Map<string, ArgValue>();
  for (const info of model.globalArgs) {
    for (const p of propertiesOf(info.node)) {
      const name = p.getName();
      if (!name) continue;
      const v = p.getValue();
      out.set(name, { value: v ?? undefined });
    }
  }
  return out;
}


const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}$]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Expands `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+a}`, `${X+a}` with ARG defaults as a build without
 * --build-arg would. Returns undefined when the result depends on a value the user must supply (an ARG
 * without default, an undeclared variable) or the syntax is not understood.
 */
export function expandArgs(text: string, args: ReadonlyMap<string, ArgValue>): string | undefined {
  if (!text.includes('$')) return text;
  let unknown = false;
  const out = text.replace(VAR, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, plain: string | undefined) => {
    const name = (braced ?? plain)!;
    const a = args.get(name);
    const set = a !== undefined && a.value !== undefined;
    const value = a?.value ?? '';
    switch (op) {
      case undefined:
        if (!set) unknown = true;
        return value;
      case ':-':
        return set && value !== '' ? value : (word ?? '');
      case '-':
        return set ? value : (word ?? '');
      case ':+':
        if (a !== undefined && a.value === undefined) unknown = true;
        return set && value !== '' ? (word ?? '') : '';
      case '+':
        if (a !== undefined && a.value === undefined) unknown = true;
        return set ? (word ?? '') : '';
      default:
        unknown = true;
        return '';
    }
  });
  if (unknown || out.includes('$')) return undefined;
  return out;
}

export type ImageUseKind = 'from' | 'copy-from' | 'mount-from';

/** One external image the build pulls. */
export interface ImageUse {
  readonly kind: ImageUseKind;
  readonly info: InstructionInfo;
  /** The stage the instruction belongs to (the new stage for FROM). */
  readonly stage: Stage | undefined;
  /** As written. */
  readonly written: string;
  /** After ARG expansion (same as written when it has no `$`). */
  readonly resolved: string;
  /** Written with a variable. */
  readonly viaArg: boolean;
  readonly ref: ImageRef;
  /** Range of the whole reference as written. */
  readonly range: Range;
  /** Range of the tag, when written literally (not through an ARG) on one line. */
  readonly tagRange: Range | undefined;
  /** Range of the registry, when written literally on one line. */
  readonly registryRange: Range | undefined;
}

/** `scratch`: the empty image, not pulled from anywhere. */
export function isScratch(image: string): boolean {
  return image.toLowerCase() === 'scratch';
}

/** A reference that is plainly an image rather than a stage name typo (DF044's business). */
function looksLikeImage(value: string): boolean {
  return /[/:@]/.test(value);
}

function subRange(r: Range, start: number, end: number): Range | undefined {
  if (r.start.line !== r.end.line || start < 0) return undefined;
  return {
    start: { line: r.start.line, character: r.start.character + start },
    end: { line: r.start.line, character: r.start.character + end },
  };
}

function make(
  kind: ImageUseKind,
  info: InstructionInfo,
  stage: Stage | undefined,
  written: string,
  resolved: string,
  range: Range,
): ImageUse {
  const viaArg = written !== resolved || written.includes('$');
  const ref = parseImageRef(resolved);
  let tagRange: Range | undefined;
  let registryRange: Range | undefined;
  if (!viaArg) {
    if (ref.tag !== undefined) tagRange = subRange(range, ref.tagStart, ref.tagStart + ref.tag.length);
    if (ref.registry !== undefined) registryRange = subRange(range, 0, ref.registryEnd);
  }
  return { kind, info, stage, written, resolved, viaArg, ref, range, tagRange, registryRange };
}

/**
 * Every external image reference in the file, in document order. Skips `scratch`, references to
 * earlier stages, and references whose value cannot be known without build arguments.
 * `copyAndMount`: also list `COPY --from=<image>` and `RUN --mount=…,from=<image>`.
 */
export function imageUses(model: DockerfileModel, copyAndMount: boolean): ImageUse[] {
  const out: ImageUse[] = [];
  let args: Map<string, ArgValue> | undefined;
  for (const stage of model.stages) {
    try {
      const from = stage.from as From;
      const written = from.getImage();
      const range = from.getImageRange();
      if (written && range && !stage.parent) {
        let resolved: string | undefined = written;
        if (written.includes('$')) resolved = expandArgs(written, (args ??= globalArgDefaults(model)));
        if (
          resolved &&
          !isScratch(resolved) &&
          !(resolved !== written && model.previousStage(resolved, stage.index)) &&
          !/[\s$]/.test(resolved)
        ) {
          out.push(make('from', stage.fromInfo, stage, written, resolved, range));
        }
      }
    } catch {
      // a malformed FROM: other rules report it
    }
    if (!copyAndMount) continue;
    for (const info of stage.instructions) {
      if (info.keyword !== 'COPY' && info.keyword !== 'RUN') continue;
      const flags = flagsOf(info.node);
      for (const f of flags) {
        const name = f.getName().toLowerCase();
        if (info.keyword === 'COPY' && name === 'from') {
          const v = f.getValue();
          const r = f.getValueRange();
          if (v && r) pushRef(out, model, info, stage, 'copy-from', v, r);
        } else if (info.keyword === 'RUN' && name === 'mount') {
          for (const o of f.getOptions()) {
            if (o.getName().toLowerCase() !== 'from') continue;
            const v = o.getValue();
            const r = o.getValueRange();
            if (v && r) pushRef(out, model, info, stage, 'mount-from', v, r);
          }
        }
      }
    }
  }
  return out;
}

function pushRef(
  out: ImageUse[],
  model: DockerfileModel,
  info: InstructionInfo,
  stage: Stage,
  kind: ImageUseKind,
  value: string,
  range: Range,
): void {
  if (value.includes('$') || !looksLikeImage(value) || isScratch(value)) return;
  if (model.previousStage(value, stage.index + 1) || /^\d+$/.test(value)) return;
  out.push(make(kind, info, stage, value, value, range));
}


/** "Base image" for FROM, "Image" elsewhere, for messages. */
export function imageNoun(use: ImageUse): string {
  return use.kind === 'from' ? 'Base image' : 'Image';
}

/** `"$BASE" (= "debian")` when written through an ARG, else `"debian"`. */
export function describeImage(use: ImageUse): string {
  return use.viaArg ? `"${use.written}" (= "${use.resolved}")` : `"${use.written}"`;
}

/**
 * The final stage and the earlier stages it builds on (`FROM base`), nearest first.
 * Stops on cycles (impossible in a valid file, but never loop).
 */
export function finalChain(model: DockerfileModel): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<number>();
  let s = model.finalStage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    chain.push(s);
    s = s.parent ?? argParent(model, s);
  }
  return chain;
}

/** `ARG BASE=builder` + `FROM $BASE`: the stage the default names, if any. */
function argParent(model: DockerfileModel, stage: Stage): Stage | undefined {
  const image = stage.image;
  if (!image || !image.includes('$')) return undefined;
  const resolved = expandArgs(image, globalArgDefaults(model));
  return resolved ? model.previousStage(resolved, stage.index) : undefined;
}
