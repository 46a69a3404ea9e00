/**
 * Project loading, pure: file selection (explicit, `COMPOSE_FILE`, defaults +
 * override), `.env`, interpolation, `include`, `extends`, merging, profiles and
 * the project name. Files come through an injectable `readFile`, so this runs
 * in memory in tests; `load.ts` wires it to `node:fs`.
 */
import type { Range } from '../util/text';
import { parseDotenv } from './dotenv';
import { interpolateTree, type Lookup } from './interpolate';
import { finalizeTree, mergeNodes, normalizeForMerge } from './merge';
import type { ComposeProblem, ComposeProject } from './model';
import { get, mkMap, parseYaml, scalarString, type CEntry, type CMap, type CNode } from './node';
import { buildModel } from './parse';
import { basenamePath, dirnamePath, isAbsolutePath, joinPath } from './paths';
import { parseShortVolume } from './syntax';

/** Returns the file's text, or undefined when it does not exist. */
export type ReadFile = (path: string) => string | undefined | Promise<string | undefined>;

export interface LoadProjectOptions {
  /** Compose files (`-f`), relative to `workingDir`. Default: `COMPOSE_FILE`, else compose.yaml… + override. */
  files?: string[];
  workingDir: string;
  /** The process environment; wins over `.env`. */
  env?: Record<string, string | undefined>;
  readFile: ReadFile;
  /** `--project-name`. */
  projectName?: string;
  /** `--profile`; default `COMPOSE_PROFILES`. */
  profiles?: string[];
  /** `--env-file`; default `<workingDir>/.env`. */
  envFiles?: string[];
  /** `--project-directory`; default the first file's directory. */
  projectDirectory?: string;
}

export const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
export const DEFAULT_OVERRIDE_FILES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml'];

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** compose-go `NormalizeProjectName`: lowercase, keep [a-z0-9_-], trim leading `_`/`-`. */
export function normalizeProjectName(s: string): string {
  return (s.toLowerCase().match(/[a-z0-9_-]/g) ?? []).join('').replace(/^[_-]+/, '');
}

interface Ctx {
  readFile: ReadFile;
  problems: ComposeProblem[];
  filesRead: Set<string>;
  unresolved: ComposeProject['unresolvedVariables'];
  home?: string;
  /** Parsed + interpolated trees, per file and environment. */
  cache: Map<string, CNode | undefined>;
  reported: Set<string>;
}

async function readText(ctx: Ctx, path: string): Promise<string | undefined> {
  try {
    const t = await ctx.readFile(path);
    if (t !== undefined) ctx.filesRead.add(path);
    return t;
  } catch {
    return undefined;
  }
}

/** Reads, parses and interpolates one file (cached per lookup identity). */
async function loadTree(ctx: Ctx, path: string, lookup: Lookup, envKey: string, from?: { file: string; range: Range }): Promise<CNode | undefined> {
  const key = `${envKey}\0${path}`;
  if (ctx.cache.has(key)) return ctx.cache.get(key);
  const text = await readText(ctx, path);
  if (text === undefined) {
    ctx.problems.push({ code: 'file', severity: 'error', message: `Cannot read compose file ${path}`, file: from?.file ?? path, range: from?.range ?? ZERO });
    ctx.cache.set(key, undefined);
    return undefined;
  }
  const y = parseYaml(text, path);
  const problems: ComposeProblem[] = [...y.problems];
  const root = y.root ? interpolateTree(y.root, lookup, problems) : undefined;
  for (const p of problems) {
    const id = `${p.file}:${p.range.start.line}:${p.range.start.character}:${p.message}`;
    if (ctx.reported.has(id)) continue;
    ctx.reported.add(id);
    ctx.problems.push(p);
    if (p.code === 'unresolved-variable' && p.variable) ctx.unresolved.push({ name: p.variable, file: p.file, range: p.range });
  }
  if (root && root.kind !== 'map' && !(root.kind === 'scalar' && root.value === null)) {
    ctx.problems.push({ code: 'type', severity: 'error', message: 'A compose file must be a mapping', file: path, range: root.range });
    ctx.cache.set(key, undefined);
    return undefined;
  }
  const r = root?.kind === 'map' ? root : undefined;
  ctx.cache.set(key, r);
  return r;
}

// ---------- relative paths ----------

function isRemoteContext(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('git@') || s.startsWith('github.com/');
}

function resolveLocal(ctx: Ctx, base: string, p: string): string {
  if (p.startsWith('~') && ctx.home && (p === '~' || p.startsWith('~/'))) return joinPath(ctx.home, p.slice(2));
  if (p.startsWith('~')) return p;
  return isAbsolutePath(p) ? p : joinPath(base, p);
}

function mapEntries(n: CMap, f: (e: CEntry) => CEntry): CMap {
  return { ...n, entries: n.entries.map(f) };
}

/** Makes a service's relative paths absolute against `base` (idempotent). */
function resolveServicePaths(ctx: Ctx, svc: CNode, base: string): CNode {
  if (svc.kind !== 'map') return svc;
  return mapEntries(svc, (e) => {
    const v = e.value;
    if (e.key === 'build') {
      if (v.kind === 'scalar' && typeof v.value === 'string' && !isRemoteContext(v.value)) return { ...e, value: { ...v, value: resolveLocal(ctx, base, v.value) } };
      if (v.kind === 'map')
        return {
          ...e,
          value: mapEntries(v, (b) =>
            b.key === 'context' && b.value.kind === 'scalar' && typeof b.value.value === 'string' && !isRemoteContext(b.value.value)
              ? { ...b, value: { ...b.value, value: resolveLocal(ctx, base, b.value.value) } }
              : b,
          ),
        };
      return e;
    }
    if (e.key === 'env_file') {
      const fix = (it: CNode): CNode => {
        if (it.kind === 'scalar' && typeof it.value === 'string') return { ...it, value: resolveLocal(ctx, base, it.value) };
        if (it.kind === 'map') return mapEntries(it, (x) => (x.key === 'path' && x.value.kind === 'scalar' && x.value.value !== null ? { ...x, value: { ...x.value, value: resolveLocal(ctx, base, String(x.value.value)) } } : x));
        return it;
      };
      return { ...e, value: v.kind === 'seq' ? { ...v, items: v.items.map(fix) } : fix(v) };
    }
    if (e.key === 'volumes' && v.kind === 'seq') {
      return {
        ...e,
        value: {
          ...v,
          items: v.items.map((it) => {
            if (it.kind === 'scalar' && typeof it.value === 'string') {
              const sv = parseShortVolume(it.value);
              if (sv.type === 'bind' && sv.source && (sv.source.startsWith('.') || sv.source.startsWith('~'))) {
                const abs = resolveLocal(ctx, base, sv.source);
                return { ...it, value: [abs, sv.target, ...(sv.mode.length ? [sv.mode.join(',')] : [])].join(':') };
              }
              return it;
            }
            if (it.kind === 'map' && scalarString(get(it, 'type')) === 'bind') {
              return mapEntries(it, (x) => (x.key === 'source' && x.value.kind === 'scalar' && x.value.value !== null ? { ...x, value: { ...x.value, value: resolveLocal(ctx, base, String(x.value.value)) } } : x));
            }
            return it;
          }),
        },
      };
    }
    return e;
  });
}

function resolveResourcePaths(ctx: Ctx, root: CMap, base: string): CMap {
  return mapEntries(root, (e) => {
    if ((e.key === 'secrets' || e.key === 'configs') && e.value.kind === 'map') {
      return {
        ...e,
        value: mapEntries(e.value, (r) =>
          r.value.kind === 'map'
            ? { ...r, value: mapEntries(r.value, (x) => (x.key === 'file' && x.value.kind === 'scalar' && x.value.value !== null ? { ...x, value: { ...x.value, value: resolveLocal(ctx, base, String(x.value.value)) } } : x)) }
            : r,
        ),
      };
    }
    if (e.key === 'services' && e.value.kind === 'map') return { ...e, value: mapEntries(e.value, (s) => ({ ...s, value: resolveServicePaths(ctx, s.value, base) })) };
    return e;
  });
}

// ---------- extends ----------

interface ExtendsEnv {
  lookup: Lookup;
  envKey: string;
}

async function applyExtends(ctx: Ctx, root: CMap, file: string, env: ExtendsEnv, chain: string[] = []): Promise<CMap> {
  const services = get(root, 'services');
  if (services?.kind !== 'map') return root;
  const done = new Map<string, CNode>();
  const resolveService = async (name: string, stack: string[]): Promise<CNode | undefined> => {
    if (done.has(name)) return done.get(name);
    const e = services.entries.find((x) => x.key === name);
    if (!e) return undefined;
    const svc = e.value;
    const ext = get(svc, 'extends');
    if (!ext || svc.kind !== 'map') {
      done.set(name, svc);
      return svc;
    }
    const target = ext.kind === 'scalar' ? scalarString(ext) : scalarString(get(ext, 'service'));
    const extFile = ext.kind === 'map' ? scalarString(get(ext, 'file')) : undefined;
    const own: CMap = { ...svc, entries: svc.entries.filter((x) => x.key !== 'extends') };
    let base: CNode | undefined;
    if (!target) {
      ctx.problems.push({ code: 'extends', severity: 'error', message: `services.${name}.extends needs a service`, file: ext.file, range: ext.range });
    } else if (extFile) {
      const path = resolveLocal(ctx, dirnamePath(file), extFile);
      const id = `${path}#${target}`;
      if (chain.includes(id) || stack.includes(id)) {
        ctx.problems.push({ code: 'extends', severity: 'error', message: `circular extends: ${[...chain, id].join(' -> ')}`, file: ext.file, range: ext.range });
      } else {
        const other = await loadTree(ctx, path, env.lookup, env.envKey, { file: ext.file, range: ext.range });
        if (other?.kind === 'map') {
          const otherResolved = await applyExtends(ctx, other, path, env, [...chain, `${file}#${name}`, id]);
          const b = get(get(otherResolved, 'services'), target);
          if (!b) ctx.problems.push({ code: 'extends', severity: 'error', message: `cannot extend service "${target}": not found in ${path}`, file: ext.file, range: ext.range });
          else base = resolveServicePaths(ctx, b, dirnamePath(path));
        }
      }
    } else if (stack.includes(target) || target === name) {
      ctx.problems.push({ code: 'extends', severity: 'error', message: `circular extends: ${[...stack, name, target].join(' -> ')}`, file: ext.file, range: ext.range });
    } else {
      base = await resolveService(target, [...stack, name]);
      if (!base) ctx.problems.push({ code: 'extends', severity: 'error', message: `cannot extend service "${target}": no such service`, file: ext.file, range: ext.range });
    }
    let merged: CNode = own;
    if (base) merged = mergeNodes(normalizeService(base, name), normalizeService(own, name), ['services', name]) ?? own;
    done.set(name, merged);
    return merged;
  };
  const entries: CEntry[] = [];
  for (const e of services.entries) entries.push({ ...e, value: (await resolveService(e.key, [])) ?? e.value });
  return { ...root, entries: root.entries.map((x) => (x.key === 'services' ? { ...x, value: { ...services, entries } } : x)) };
}

function normalizeService(n: CNode, name: string): CNode {
  if (n.kind !== 'map') return n;
  return { ...n, entries: n.entries.map((e) => ({ ...e, value: normalizeForMerge(e.value, ['services', name, e.key]) })) };
}

// ---------- env ----------

async function readEnvFiles(ctx: Ctx, paths: string[], processEnv: Record<string, string | undefined>, required: boolean): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const p of paths) {
    const text = await readText(ctx, p);
    if (text === undefined) {
      if (required) ctx.problems.push({ code: 'env-file', severity: 'error', message: `Cannot read env file ${p}`, file: p, range: ZERO });
      continue;
    }
    const r = parseDotenv(text, (n) => values[n] ?? processEnv[n]);
    for (const e of r.errors) ctx.problems.push({ code: 'env-file', severity: 'error', message: e.message, file: p, range: { start: { line: e.line, character: 0 }, end: { line: e.line, character: 0 } } });
    Object.assign(values, r.values);
  }
  return values;
}

function makeLookup(env: Record<string, string | undefined>): Lookup {
  return (n) => (Object.prototype.hasOwnProperty.call(env, n) ? env[n] : undefined);
}

// ---------- include ----------

async function applyIncludes(ctx: Ctx, root: CMap, file: string, baseDir: string, processEnv: Record<string, string | undefined>, depth: number): Promise<CMap> {
  const inc = get(root, 'include');
  let out: CMap = { ...root, entries: root.entries.filter((e) => e.key !== 'include') };
  if (!inc) return out;
  if (inc.kind !== 'seq') {
    ctx.problems.push({ code: 'include', severity: 'error', message: 'include must be a list', file: inc.file, range: inc.range });
    return out;
  }
  if (depth > 10) {
    ctx.problems.push({ code: 'include', severity: 'error', message: 'include nested too deeply (cycle?)', file: inc.file, range: inc.range });
    return out;
  }
  for (const it of inc.items) {
    const paths = it.kind === 'scalar' ? [scalarString(it)] : it.kind === 'map' ? listOf(get(it, 'path')) : [];
    const files = paths.filter((p): p is string => !!p).map((p) => resolveLocal(ctx, baseDir, p));
    if (!files.length) {
      ctx.problems.push({ code: 'include', severity: 'error', message: 'include entry has no path', file: it.file, range: it.range });
      continue;
    }
    const pd = it.kind === 'map' ? scalarString(get(it, 'project_directory')) : undefined;
    const projectDir = pd ? resolveLocal(ctx, baseDir, pd) : dirnamePath(files[0]);
    const envFilesRaw = it.kind === 'map' ? listOf(get(it, 'env_file')) : [];
    const envFiles = envFilesRaw.length ? envFilesRaw.filter((p): p is string => !!p).map((p) => resolveLocal(ctx, baseDir, p)) : [joinPath(projectDir, '.env')];
    const dot = await readEnvFiles(ctx, envFiles, processEnv, envFilesRaw.length > 0);
    const env = { ...dot, ...processEnv };
    const sub = await loadMerged(ctx, files, projectDir, env, depth + 1, { file: it.file, range: it.range });
    if (!sub) continue;
    out = addIncluded(ctx, out, sub, it);
  }
  return out;
}

function listOf(n: CNode | undefined): (string | undefined)[] {
  if (!n) return [];
  if (n.kind === 'seq') return n.items.map(scalarString);
  return [scalarString(n)];
}

const RESOURCE_KEYS = ['services', 'volumes', 'networks', 'secrets', 'configs'];

function addIncluded(ctx: Ctx, main: CMap, sub: CMap, at: CNode): CMap {
  const entries = [...main.entries];
  for (const key of RESOURCE_KEYS) {
    const add = get(sub, key);
    if (add?.kind !== 'map') continue;
    const i = entries.findIndex((e) => e.key === key);
    const cur = i >= 0 && entries[i].value.kind === 'map' ? (entries[i].value as CMap) : mkMap([], at);
    const merged = [...cur.entries];
    for (const e of add.entries) {
      if (merged.some((m) => m.key === e.key)) {
        if (key === 'services') ctx.problems.push({ code: 'include', severity: 'error', message: `services.${e.key} conflicts with imported resource`, file: at.file, range: at.range });
        continue;
      }
      merged.push(e);
    }
    const v = { ...cur, entries: merged };
    if (i >= 0) entries[i] = { ...entries[i], value: v };
    else entries.push({ key, keyRange: at.range, value: v });
  }
  return { ...main, entries };
}

// ---------- loading ----------

/** Loads, interpolates, includes, extends and merges a set of files into one tree. */
async function loadMerged(ctx: Ctx, files: string[], projectDir: string, env: Record<string, string | undefined>, depth: number, from?: { file: string; range: Range }): Promise<CMap | undefined> {
  const lookup = makeLookup(env);
  const envKey = JSON.stringify(env);
  let acc: CMap | undefined;
  for (const f of files) {
    const tree = await loadTree(ctx, f, lookup, envKey, from);
    if (tree?.kind !== 'map') continue;
    let t = await applyIncludes(ctx, tree, f, projectDir, env, depth);
    t = await applyExtends(ctx, t, f, { lookup, envKey });
    t = resolveResourcePaths(ctx, t, projectDir);
    acc = acc ? (mergeNodes(acc, t, []) as CMap | undefined) ?? acc : t;
  }
  return acc;
}

async function exists(ctx: Ctx, p: string): Promise<boolean> {
  try {
    return (await ctx.readFile(p)) !== undefined;
  } catch {
    return false;
  }
}

/** Loads a compose project. Never throws: problems are in `diagnostics`. */
export async function loadProject(options: LoadProjectOptions): Promise<ComposeProject> {
  try {
    return await loadProjectUnguarded(options);
  } catch (e) {
    const wd = options.workingDir;
    return {
      name: normalizeProjectName(basenamePath(wd)),
      nameSource: 'directory',
      workingDir: wd,
      files: [],
      filesRead: [],
      environment: {},
      activeProfiles: [],
      model: buildModel(undefined, wd, []),
      disabledServices: [],
      unresolvedVariables: [],
      diagnostics: [{ code: 'internal', severity: 'error', message: `Internal error while loading: ${(e as Error)?.message ?? String(e)}`, file: wd, range: ZERO }],
    };
  }
}

async function loadProjectUnguarded(options: LoadProjectOptions): Promise<ComposeProject> {
  const processEnv = options.env ?? {};
  const ctx: Ctx = { readFile: options.readFile, problems: [], filesRead: new Set(), unresolved: [], cache: new Map(), reported: new Set(), home: processEnv.HOME };
  const wd = options.workingDir;
  // compose-go reads `.env` from the project directory when it is known up front
  // (`--project-directory`, or the first `-f` file's folder), else the working directory.
  const envDir = options.projectDirectory
    ? resolveLocal(ctx, wd, options.projectDirectory)
    : options.files?.length
      ? dirnamePath(resolveLocal(ctx, wd, options.files[0]))
      : wd;
  const envFilePaths = options.envFiles?.length ? options.envFiles.map((p) => resolveLocal(ctx, wd, p)) : [joinPath(envDir, '.env')];
  const dot = await readEnvFiles(ctx, envFilePaths, processEnv, !!options.envFiles?.length);
  const environment: Record<string, string> = { ...dot };
  for (const [k, v] of Object.entries(processEnv)) if (v !== undefined) environment[k] = v;

  // Files.
  let files: string[] = [];
  if (options.files?.length) files = options.files.map((f) => resolveLocal(ctx, wd, f));
  else if (environment.COMPOSE_FILE) {
    const sep = environment.COMPOSE_PATH_SEPARATOR || (environment.COMPOSE_FILE.includes(';') ? ';' : ':');
    files = environment.COMPOSE_FILE.split(sep).filter(Boolean).map((f) => resolveLocal(ctx, wd, f));
  } else {
    for (const f of DEFAULT_FILES) {
      const p = joinPath(wd, f);
      if (await exists(ctx, p)) {
        files.push(p);
        break;
      }
    }
    if (files.length) {
      for (const f of DEFAULT_OVERRIDE_FILES) {
        const p = joinPath(wd, f);
        if (await exists(ctx, p)) {
          files.push(p);
          break;
        }
      }
    } else {
      ctx.problems.push({ code: 'file', severity: 'error', message: `no configuration file provided: none of ${DEFAULT_FILES.join(', ')} in ${wd}`, file: wd, range: ZERO });
    }
  }
  const projectDir = options.projectDirectory ? resolveLocal(ctx, wd, options.projectDirectory) : files.length ? dirnamePath(files[0]) : wd;

  let tree: CNode | undefined;
  try {
    tree = await loadMerged(ctx, files, projectDir, environment, 0);
    tree = tree ? finalizeTree(tree) : undefined;
  } catch (e) {
    ctx.problems.push({ code: 'internal', severity: 'error', message: `Internal error while loading: ${(e as Error).message}`, file: files[0] ?? wd, range: ZERO });
  }

  // Profiles.
  const activeProfiles = options.profiles ?? (environment.COMPOSE_PROFILES ? environment.COMPOSE_PROFILES.split(',').map((s) => s.trim()).filter(Boolean) : []);
  const disabledServices: string[] = [];
  if (tree?.kind === 'map') {
    const services = get(tree, 'services');
    if (services?.kind === 'map') {
      const kept = services.entries.filter((e) => {
        const profiles = listOf(get(e.value, 'profiles')).filter((p): p is string => !!p);
        const on = profiles.length === 0 || activeProfiles.includes('*') || profiles.some((p) => activeProfiles.includes(p));
        if (!on) disabledServices.push(e.key);
        return on;
      });
      tree = { ...tree, entries: tree.entries.map((e) => (e.key === 'services' ? { ...e, value: { ...services, entries: kept } } : e)) };
    }
  }

  const model = buildModel(tree, files[0] ?? wd, ctx.problems);
  const lookup = makeLookup(environment);
  for (const s of model.services) {
    const env: Record<string, string | null> = {};
    for (const ef of s.envFile) {
      const text = await readText(ctx, ef.path);
      if (text === undefined) {
        if (ef.required) ctx.problems.push({ code: 'env-file', severity: 'error', message: `env file ${ef.path} not found`, file: ef.file, range: ef.range });
        continue;
      }
      const r = parseDotenv(text, lookup);
      for (const e of r.errors) ctx.problems.push({ code: 'env-file', severity: 'error', message: `${ef.path}:${e.line + 1}: ${e.message}`, file: ef.file, range: ef.range });
      Object.assign(env, r.values);
    }
    // `KEY` with no value takes the project environment's value, if any (compose-go resolveEnvironment).
    for (const [k, v] of Object.entries(s.environment)) env[k] = v.value ?? lookup(k) ?? null;
    s.resolvedEnvironment = env;
  }

  // Name.
  let name: string;
  let nameSource: ComposeProject['nameSource'];
  if (options.projectName) {
    name = options.projectName;
    nameSource = 'option';
  } else if (environment.COMPOSE_PROJECT_NAME) {
    name = environment.COMPOSE_PROJECT_NAME;
    nameSource = 'COMPOSE_PROJECT_NAME';
  } else if (model.name?.value) {
    name = model.name.value;
    nameSource = 'name';
  } else {
    name = basenamePath(projectDir);
    nameSource = 'directory';
  }
  const normalized = normalizeProjectName(name);
  if (!normalized) {
    ctx.problems.push({ code: 'name', severity: 'error', message: `project name must not be empty (from "${name}")`, file: files[0] ?? wd, range: ZERO });
  }
  if (nameSource !== 'directory' && normalized !== name) {
    ctx.problems.push({
      code: 'name',
      severity: 'error',
      message: `invalid project name "${name}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
      file: model.name?.file ?? files[0] ?? wd,
      range: nameSource === 'name' && model.name ? model.name.range : ZERO,
    });
  }

  return {
    name: normalized,
    nameSource,
    workingDir: projectDir,
    files,
    filesRead: [...ctx.filesRead],
    environment,
    activeProfiles,
    model,
    disabledServices,
    unresolvedVariables: ctx.unresolved,
    diagnostics: ctx.problems,
  };
}

