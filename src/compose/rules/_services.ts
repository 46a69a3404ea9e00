/**
 * Helpers shared by the reference rules CM003, CM004, CM005, CM006, CM010,
 * CM019 and CM020: name tokens inside scalars, a service's definitions across
 * the project with the bases it reaches through `extends`, whether a service
 * has a healthcheck (compose `healthcheck:` or its Dockerfile's HEALTHCHECK),
 * and the insertion of a top-level stub. Pure; never throws.
 */
import type { Range } from '../../util/text';
import { slashPath } from '../lintProject';
import type { BuildConfig, ComposeFileModel, Healthcheck, ServiceModel } from '../model';
import { get, type CNode } from '../node';
import { dirnamePath, isAbsolutePath, joinPath } from '../paths';
import { DEFAULT_FILES } from '../project';
import type { ComposeRuleContext } from './types';
import { dockerfileHealthcheck } from './_dockerfile';

// ---------- tokens ----------

/**
 * The range of `token` inside the source text of a scalar's range (after an
 * opening quote, searching from `from` characters into the value). Falls back
 * to the whole range when the token is not found as written.
 */
export function tokenRange(ctx: ComposeRuleContext, range: Range, token: string, from = 0): Range {
  const start = ctx.lines.offsetAt(range.start);
  const src = ctx.lines.textOf(range);
  const q = src.startsWith('"') || src.startsWith("'") ? 1 : 0;
  const i = token ? src.indexOf(token, q + from) : -1;
  return i < 0 ? range : ctx.lines.rangeOf(start + i, start + i + token.length);
}

/** Whether the value was written with a `${…}`/`$VAR` (its text came from interpolation). */
export function interpolated(ctx: ComposeRuleContext, range: Range): boolean {
  return ctx.lines.textOf(range).includes('$');
}

// ---------- services across the project ----------

/** The model of a file of the project by path (this file or a related one). */
export function modelOfFile(ctx: ComposeRuleContext, file: string): ComposeFileModel | undefined {
  if (file === ctx.model.file) return ctx.model;
  const p = slashPath(file);
  if (ctx.filePath && slashPath(ctx.filePath) === p) return ctx.model;
  return ctx.project.related.find((r) => r.path === p)?.model;
}

/** Absolute path of a file named relative to the file that defines `def`, or undefined. */
export function pathFrom(ctx: ComposeRuleContext, def: { file: string }, rel: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rel) || rel.startsWith('git@')) return undefined;
  const p = slashPath(rel);
  if (isAbsolutePath(p)) return p;
  const own = def.file === ctx.model.file ? ctx.filePath : def.file;
  if (!own || own === '<compose>') return undefined;
  return joinPath(dirnamePath(slashPath(own)), p);
}

/**
 * The file and base service that `def.extends` names. `model` undefined: the
 * file cannot be read (remote, missing, no workspace); `base` undefined: the
 * file was read and does not define that service.
 */
export function extendsBase(ctx: ComposeRuleContext, def: ServiceModel): { model?: ComposeFileModel; base?: ServiceModel } {
  const ext = def.extends;
  if (!ext) return {};
  let model: ComposeFileModel | undefined;
  if (ext.fromFile !== undefined) {
    const path = pathFrom(ctx, def, ext.fromFile);
    model = path ? modelOfFile(ctx, path) : undefined;
  } else model = modelOfFile(ctx, def.file);
  return { model, base: model?.services.find((s) => s.name === ext.service) };
}

export interface ServiceChain {
  /** Every definition of the service in the project, each followed by the bases it extends. */
  readonly defs: readonly ServiceModel[];
  /** False when a base named by `extends` could not be read or found. */
  readonly known: boolean;
}

/** The definitions of a service across the project and the bases they reach through `extends`. */
export function serviceChain(ctx: ComposeRuleContext, name: string): ServiceChain {
  const defs: ServiceModel[] = [];
  let known = true;
  const seen = new Set<ServiceModel>();
  const visit = (d: ServiceModel, depth: number): void => {
    if (seen.has(d) || depth > 20) return;
    seen.add(d);
    defs.push(d);
    if (!d.extends) return;
    const { base } = extendsBase(ctx, d);
    if (!base) known = false;
    else visit(base, depth + 1);
  };
  for (const d of ctx.project.serviceDefinitions(name)) visit(d, 0);
  return { defs, known };
}

const outOfViewMemo = new WeakMap<object, boolean>();

/**
 * Whether this file is probably one part of a project whose other files the
 * project view cannot see, so that references it leaves undefined may be
 * defined there: an override file (`docker-compose.override.yml`…) with no
 * base file next to it, or a file with no base next to it while a parent
 * folder (up to two levels) has a default compose file (an overlay used as
 * `-f ../../compose.yaml -f this.yaml`, or a file the parent `include:`s).
 * Computed once per document, and only when a rule is about to report.
 */
export function baseOutOfView(ctx: ComposeRuleContext): boolean {
  const hit = outOfViewMemo.get(ctx.model);
  if (hit !== undefined) return hit;
  let out = false;
  if (ctx.filePath && !ctx.project.related.some((r) => r.relation === 'default' || r.relation === 'compose-file')) {
    const self = slashPath(ctx.filePath);
    if (/override/i.test(self.split('/').pop()!)) out = true;
    else if (ctx.workspace) {
      let dir = dirnamePath(self);
      for (let up = 0; up < 2 && !out; up++) {
        const parent = dirnamePath(dir);
        if (parent === dir) break;
        dir = parent;
        out = DEFAULT_FILES.some((n) => {
          try {
            return ctx.workspace!.exists(joinPath(dir, n));
          } catch {
            return false;
          }
        });
      }
    }
  }
  outOfViewMemo.set(ctx.model, out);
  return out;
}

// ---------- healthchecks ----------

/** `yes` a test runs; `disabled` (`disable: true`, test NONE); `timing` only intervals (the image's test stays). */
export function composeHealthcheck(h: Healthcheck | undefined): 'yes' | 'disabled' | 'timing' | undefined {
  if (!h) return undefined;
  if (h.disable) return 'disabled';
  const t = h.test;
  if (t === undefined || (Array.isArray(t) && t.length === 0)) return 'timing';
  const first = Array.isArray(t) ? t[0] : t.trim();
  if (first.toUpperCase() === 'NONE') return 'disabled';
  return 'yes';
}

export type Health =
  /** A compose healthcheck, or a HEALTHCHECK in the Dockerfile it is built from. */
  | { kind: 'yes' }
  /** Healthcheck disabled in compose or by `HEALTHCHECK NONE` / FROM scratch. */
  | { kind: 'disabled'; how: string }
  /** A pulled image with no compose healthcheck: only the image can say. */
  | { kind: 'image'; image: string }
  /** Built from a Dockerfile with no HEALTHCHECK, on an external base image. */
  | { kind: 'base'; image: string }
  /** Cannot tell (base of `extends` unreadable, Dockerfile unreadable, remote context…). */
  | { kind: 'unknown' };

/** Whether a service has a healthcheck, judged over its definitions, `extends` bases and Dockerfile. */
export function healthOf(ctx: ComposeRuleContext, name: string): Health {
  const { defs, known } = serviceChain(ctx, name);
  if (!defs.length) return { kind: 'unknown' };
  let timing = false;
  let disabled = false;
  for (const d of defs) {
    const h = composeHealthcheck(d.healthcheck);
    if (h === 'yes') return { kind: 'yes' };
    if (h === 'timing') timing = true;
    if (h === 'disabled') disabled = true;
  }
  if (disabled) return { kind: 'disabled', how: 'its healthcheck is disabled' };
  if (!known || timing) return { kind: 'unknown' };
  const built = defs.find((d) => d.build);
  if (built?.build) {
    const df = dockerfileText(ctx, built, built.build);
    if (df === undefined) return { kind: 'unknown' };
    const hc = dockerfileHealthcheck(df, built.build.target);
    if (hc.kind === 'yes') return { kind: 'yes' };
    if (hc.kind === 'none') return { kind: 'disabled', how: hc.how };
    if (hc.kind === 'base') return { kind: 'base', image: hc.image };
    return { kind: 'unknown' };
  }
  const image = defs.find((d) => d.image?.value)?.image?.value;
  return image ? { kind: 'image', image } : { kind: 'unknown' };
}

/** The Dockerfile a build uses, read through the workspace; undefined when it cannot be read. */
export function dockerfileText(ctx: ComposeRuleContext, def: ServiceModel, build: BuildConfig): string | undefined {
  if (build.dockerfileInline !== undefined) return build.dockerfileInline;
  const ws = ctx.workspace;
  if (!ws || build.context === undefined || build.context.includes('$')) return undefined;
  const dir = pathFrom(ctx, def, build.context || '.');
  if (!dir) return undefined;
  const file = build.dockerfile ?? 'Dockerfile';
  if (file.includes('$')) return undefined;
  const path = isAbsolutePath(slashPath(file)) ? slashPath(file) : joinPath(dir, slashPath(file));
  try {
    return ws.readFile(path);
  } catch {
    return undefined;
  }
}

/** The raw items of a service key that is a list (`volumes_from`, …). */
export function rawList(service: ServiceModel, key: string): CNode[] {
  const n = get(service.node, key);
  return n?.kind === 'seq' ? n.items : [];
}
