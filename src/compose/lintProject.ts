/**
 * What the linter knows of the rest of a compose file's project: the other
 * files compose would merge with it (compose.yaml + compose.override.yaml,
 * `COMPOSE_FILE` from `.env`), the files it includes and the files its
 * services extend. Read synchronously through `WorkspaceAccess` (cached by the
 * caller) and parsed once per content. Pure: no `fs`, no `vscode`.
 */
import type { WorkspaceAccess } from '../dockerfile/types';
import { parseDotenv } from './dotenv';
import type { Lookup } from './interpolate';
import type { ComposeFileModel, ServiceModel, TopLevelResource } from './model';
import { parseComposeFile } from './parse';
import { dirnamePath, isAbsolutePath, joinPath } from './paths';
import { DEFAULT_FILES, DEFAULT_OVERRIDE_FILES } from './project';
import type { ComposeProjectView, RelatedFile, ResourceKind } from './rules/types';

/** At most this many other files are read for one lint. */
const MAX_RELATED = 32;

/** Slash-separated form of a path (Windows paths keep their drive letter). */
export function slashPath(p: string): string {
  return p.replace(/\\/g, '/');
}

/** `.env` of the compose file's directory, read through the workspace. */
export function readDotenv(workspace: WorkspaceAccess | undefined, dir: string | undefined): { env: Record<string, string>; text: string } {
  if (!workspace || !dir) return { env: {}, text: '' };
  const text = workspace.readFile(joinPath(dir, '.env'));
  if (text === undefined) return { env: {}, text: '' };
  try {
    return { env: { ...parseDotenv(text).values }, text };
  } catch {
    return { env: {}, text }; // a broken .env: no variables
  }
}

function isRemote(p: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(p) || p.startsWith('git@');
}

interface CacheEntry {
  text: string;
  envKey: string;
  model: ComposeFileModel;
}
/** Parsed related files, by path; re-parsed when the text or the `.env` changes. */
const parseCache = new Map<string, CacheEntry>();
const MAX_CACHE = 128;

function parseCached(path: string, text: string, lookup: Lookup, envKey: string): ComposeFileModel {
  const hit = parseCache.get(path);
  if (hit && hit.text === text && hit.envKey === envKey) return hit.model;
  const model = parseComposeFile(text, path, { lookup }).model;
  parseCache.delete(path);
  parseCache.set(path, { text, envKey, model });
  while (parseCache.size > MAX_CACHE) parseCache.delete(parseCache.keys().next().value as string);
  return model;
}

export interface ProjectViewInput {
  readonly model: ComposeFileModel;
  readonly filePath?: string;
  readonly workspace?: WorkspaceAccess;
  readonly env: Readonly<Record<string, string>>;
  /** Identity of the environment (the `.env` text), for the parse cache. */
  readonly envKey: string;
}

/** Builds the project view of one linted file. Never throws. */
export function buildProjectView(input: ProjectViewInput): ComposeProjectView {
  const related: RelatedFile[] = [];
  let complete = true;
  const lookup: Lookup = (name) => input.env[name];
  const self = input.filePath ? slashPath(input.filePath) : undefined;
  const ws = input.workspace;

  if (!self || !ws) {
    // Without file access only this file is known; its includes and other-file extends cannot be followed.
    if (input.model.includes.length || input.model.services.some((s) => s.extends?.fromFile)) complete = false;
    return makeView(input.model, related, complete);
  }

  const seen = new Set<string>([self]);
  const add = (path: string, relation: RelatedFile['relation']): ComposeFileModel | undefined => {
    if (seen.has(path)) return undefined;
    seen.add(path);
    if (related.length >= MAX_RELATED) {
      complete = false;
      return undefined;
    }
    let text: string | undefined;
    try {
      text = ws.readFile(path);
    } catch {
      text = undefined;
    }
    if (text === undefined) return undefined;
    try {
      const model = parseCached(path, text, lookup, input.envKey);
      related.push({ path, relation, model });
      return model;
    } catch {
      return undefined;
    }
  };
  const dir = dirnamePath(self);

  // The files compose merges with this one.
  const composeFile = input.env.COMPOSE_FILE;
  const listed = composeFile
    ? composeFile
        .split(input.env.COMPOSE_PATH_SEPARATOR || (composeFile.includes(';') ? ';' : ':'))
        .filter(Boolean)
        .map((f) => joinPath(dir, slashPath(f)))
    : [];
  if (listed.includes(self)) {
    for (const f of listed) add(f, 'compose-file');
  } else {
    const firstExisting = (names: readonly string[]): string | undefined => {
      for (const n of names) {
        const p = joinPath(dir, n);
        if (p === self || ws.exists(p)) return p;
      }
      return undefined;
    };
    const base = firstExisting(DEFAULT_FILES);
    const override = firstExisting(DEFAULT_OVERRIDE_FILES);
    if (base) add(base, 'default');
    // Also for other files (`compose.prod.yaml`): knowing more definitions only avoids false reports.
    if (override) add(override, 'override');
  }

  // Includes (recursively) and other-file extends.
  const queue: { model: ComposeFileModel; dir: string }[] = [{ model: input.model, dir }];
  for (const r of related) queue.push({ model: r.model, dir: dirnamePath(r.path) });
  while (queue.length) {
    const { model, dir: base } = queue.shift()!;
    for (const inc of model.includes) {
      for (const p of inc.paths) {
        if (isRemote(p)) {
          complete = false;
          continue;
        }
        const path = isAbsolutePath(p) ? slashPath(p) : joinPath(base, slashPath(p));
        if (seen.has(path)) continue;
        const m = add(path, 'include');
        if (m) queue.push({ model: m, dir: dirnamePath(path) });
        else complete = false;
      }
    }
    for (const s of model.services) {
      const from = s.extends?.fromFile;
      if (!from) continue;
      if (isRemote(from)) {
        complete = false;
        continue;
      }
      const path = isAbsolutePath(from) ? slashPath(from) : joinPath(base, slashPath(from));
      if (seen.has(path)) continue;
      if (!add(path, 'extends')) complete = false;
    }
  }
  return makeView(input.model, related, complete);
}

function makeView(model: ComposeFileModel, related: readonly RelatedFile[], complete: boolean): ComposeProjectView {
  // Services from `extends` files are not part of the project: only their definitions are reused.
  const members = [model, ...related.filter((r) => r.relation !== 'extends').map((r) => r.model)];
  const nameCache = new Map<ResourceKind, Set<string>>();
  const names = (kind: ResourceKind): ReadonlySet<string> => {
    let set = nameCache.get(kind);
    if (!set) {
      set = new Set<string>();
      for (const m of members) for (const d of m[kind]) set.add(d.name);
      nameCache.set(kind, set);
    }
    return set;
  };
  return {
    related,
    complete,
    names,
    defines: (kind, name) => names(kind).has(name),
    serviceDefinitions(name: string): readonly ServiceModel[] {
      const out: ServiceModel[] = [];
      for (const m of members) for (const s of m.services) if (s.name === name) out.push(s);
      return out;
    },
    resourceDefinitions(kind, name): readonly TopLevelResource[] {
      const out: TopLevelResource[] = [];
      for (const m of members) for (const r of m[kind]) if (r.name === name) out.push(r);
      return out;
    },
  };
}
