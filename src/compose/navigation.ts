/**
 * Compose language features that make the project model visible in the
 * editor: go to definition for service, network, volume, secret and config
 * references (across compose.yaml + compose.override.yaml, `COMPOSE_FILE`,
 * `include:` and `extends.file`), document links to the files a compose file
 * names, and a hover that shows a service as compose resolves it.
 *
 * Pure: no `fs`, no `vscode`. Other files come through `NavigationWorkspace`
 * (the same project discovery as the linter: `buildProjectView`); without one
 * only the file itself is used.
 */
import type { WorkspaceAccess } from '../dockerfile/types';
import { isSecretName } from '../dockerfile/rules/_secrets';
import { LineIndex, type Range } from '../util/text';
import { buildProjectView, readDotenv, slashPath } from './lintProject';
import type { ComposeFileModel, ServiceModel } from './model';
import { get, type CNode } from './node';
import { parseComposeFile } from './parse';
import { basenamePath, dirnamePath, isAbsolutePath, joinPath } from './paths';
import { DEFAULT_FILES, DEFAULT_OVERRIDE_FILES, loadProject } from './project';
import type { ComposeProjectView } from './rules/types';
import { parseShortVolume } from './syntax';

/** File access for navigation: the linter's `WorkspaceAccess` plus a directory test (for links to folders). */
export interface NavigationWorkspace extends WorkspaceAccess {
  isDirectory(path: string): boolean;
}

export interface NavigationInput {
  /** The compose file's current text (possibly unsaved). */
  readonly text: string;
  /** Its absolute path. */
  readonly filePath: string;
  /** Access to the other files of the project; undefined (e.g. an untrusted workspace): this file only. */
  readonly workspace?: NavigationWorkspace;
}

export type SymbolKind = 'service' | 'network' | 'volume' | 'secret' | 'config';

/** A name in the file that go to definition and hover understand. */
export interface ComposeSymbol {
  readonly kind: SymbolKind;
  readonly name: string;
  /** Range of the name in this file. */
  readonly range: Range;
  /** `definition`: the key that declares it; `reference`: a use of the name. */
  readonly role: 'definition' | 'reference';
  /** Where the reference is written: `depends_on`, `links`, `extends`, `network_mode`, `volumes_from`, `networks`, `volumes`, `secrets`, `configs`. */
  readonly via?: string;
  /** `extends.file` as written: the service is looked up in that file only. */
  readonly inFile?: string;
  /** `extends` without `file`: the service is looked up in this file only. */
  readonly sameFileOnly?: boolean;
}

export interface SourceLocation {
  /** Absolute path. */
  readonly file: string;
  readonly range: Range;
}

export type LinkKind = 'build-context' | 'dockerfile' | 'env-file' | 'include' | 'extends-file' | 'secret-file' | 'config-file' | 'bind-mount';

export interface ComposeLink {
  readonly kind: LinkKind;
  /** Range of the path in this file. */
  readonly range: Range;
  /** Absolute path of the file or folder. */
  readonly target: string;
  /** The target is a folder (the editor reveals it instead of opening it). */
  readonly directory: boolean;
  readonly tooltip: string;
}

export interface ServiceHover {
  readonly service: string;
  readonly range: Range;
  readonly markdown: string;
}

// ---------------------------------------------------------------------------
// parsing

interface NavDoc {
  readonly self: string;
  readonly dir: string;
  readonly lines: LineIndex;
  /** Interpolated with `.env` (ranges point into this file). */
  readonly model: ComposeFileModel;
  readonly env: Record<string, string>;
  readonly envText: string;
}

let lastDoc: { key: string; doc: NavDoc } | undefined;

function navDoc(input: NavigationInput): NavDoc {
  const self = slashPath(input.filePath);
  const dir = dirnamePath(self);
  const { env, text: envText } = readDotenv(input.workspace, input.workspace ? dir : undefined);
  const key = `${self}\0${envText}\0${input.text}`;
  if (lastDoc?.key === key) return lastDoc.doc;
  const model = parseComposeFile(input.text, self, { lookup: (n) => env[n] }).model;
  const doc: NavDoc = { self, dir, lines: new LineIndex(input.text), model, env, envText };
  lastDoc = { key, doc };
  return doc;
}

function projectView(input: NavigationInput, doc: NavDoc): ComposeProjectView {
  return buildProjectView({ model: doc.model, filePath: doc.self, workspace: input.workspace, env: doc.env, envKey: doc.envText });
}

// ---------------------------------------------------------------------------
// symbols

function strValue(n: CNode | undefined): string | undefined {
  return n?.kind === 'scalar' && n.value !== null ? String(n.value) : undefined;
}

/**
 * The range of `value.slice(start, start + length)` inside a scalar's source
 * (quotes skipped), or the scalar's whole range when the source does not hold
 * the value verbatim (escapes, interpolation, block scalars).
 */
function subRange(lines: LineIndex, n: CNode, start: number, length: number): Range {
  const value = strValue(n);
  const r = n.range;
  if (value === undefined || r.start.line !== r.end.line) return r;
  const raw = lines.textOf(r);
  const q = raw[0] === '"' || raw[0] === "'" ? 1 : 0;
  if (raw.slice(q + start, q + start + length) !== value.slice(start, start + length)) return r;
  const line = r.start.line;
  return { start: { line, character: r.start.character + q + start }, end: { line, character: r.start.character + q + start + length } };
}

/** The range of a scalar's value without its quotes. */
function valueRange(lines: LineIndex, n: CNode): Range {
  const v = strValue(n);
  return v === undefined ? n.range : subRange(lines, n, 0, v.length);
}

const TOP_LEVEL: [string, SymbolKind][] = [
  ['networks', 'network'],
  ['volumes', 'volume'],
  ['secrets', 'secret'],
  ['configs', 'config'],
];

/** Every service, network, volume, secret and config name of the file, definitions and references. */
export function composeSymbols(text: string, filePath = '<compose>'): ComposeSymbol[] {
  const model = parseComposeFile(text, slashPath(filePath)).model;
  return collectSymbols(model, new LineIndex(text));
}

function collectSymbols(model: ComposeFileModel, lines: LineIndex): ComposeSymbol[] {
  const out: ComposeSymbol[] = [];
  const root = model.root;
  if (root?.kind !== 'map') return out;
  const services = get(root, 'services');
  if (services?.kind === 'map') {
    for (const e of services.entries) {
      out.push({ kind: 'service', name: e.key, range: e.keyRange, role: 'definition' });
      if (e.value.kind === 'map') serviceSymbols(e.value, lines, out);
    }
  }
  for (const [key, kind] of TOP_LEVEL) {
    const m = get(root, key);
    if (m?.kind === 'map') for (const e of m.entries) out.push({ kind, name: e.key, range: e.keyRange, role: 'definition' });
  }
  return out;
}

function serviceSymbols(svc: CNode, lines: LineIndex, out: ComposeSymbol[]): void {
  const ref = (kind: SymbolKind, via: string, n: CNode, start = 0, name = strValue(n)?.slice(start), extra: Partial<ComposeSymbol> = {}): void => {
    if (!name) return;
    out.push({ kind, name, range: subRange(lines, n, start, name.length), role: 'reference', via, ...extra });
  };
  const keyRef = (kind: SymbolKind, via: string, name: string, range: Range): void => {
    out.push({ kind, name, range, role: 'reference', via });
  };
  const items = (n: CNode | undefined): CNode[] => (n?.kind === 'seq' ? n.items : []);

  // depends_on: a list of names or a mapping of name -> condition.
  const dependsOn = get(svc, 'depends_on');
  for (const it of items(dependsOn)) ref('service', 'depends_on', it);
  if (dependsOn?.kind === 'map') for (const e of dependsOn.entries) keyRef('service', 'depends_on', e.key, e.keyRange);

  // links: `service` or `service:alias`.
  for (const it of items(get(svc, 'links'))) {
    const v = strValue(it);
    if (v) ref('service', 'links', it, 0, v.split(':')[0]);
  }

  // extends: `name` or {service, file}.
  const ext = get(svc, 'extends');
  if (ext?.kind === 'scalar') ref('service', 'extends', ext, 0, undefined, { sameFileOnly: true });
  else if (ext?.kind === 'map') {
    const s = get(ext, 'service');
    const file = strValue(get(ext, 'file'));
    if (s) ref('service', 'extends', s, 0, undefined, file ? { inFile: file } : { sameFileOnly: true });
  }

  // network_mode: service:<name>
  const nm = get(svc, 'network_mode');
  const nmv = strValue(nm);
  if (nm && nmv?.startsWith('service:')) ref('service', 'network_mode', nm, 8);

  // volumes_from: `name`, `name:ro`, `service:name[:ro]` (`container:x` names a container).
  for (const it of items(get(svc, 'volumes_from'))) {
    const v = strValue(it);
    if (!v || v.startsWith('container:')) continue;
    const start = v.startsWith('service:') ? 8 : 0;
    ref('service', 'volumes_from', it, start, v.slice(start).split(':')[0]);
  }

  // networks: a list of names or a mapping of name -> options.
  const networks = get(svc, 'networks');
  for (const it of items(networks)) ref('network', 'networks', it);
  if (networks?.kind === 'map') for (const e of networks.entries) keyRef('network', 'networks', e.key, e.keyRange);

  // volumes: named volume sources (`data:/var/lib/x`, or long syntax with type volume).
  for (const it of items(get(svc, 'volumes'))) {
    const v = strValue(it);
    if (v !== undefined) {
      const sv = parseShortVolume(v);
      if (sv.type === 'volume' && sv.source) ref('volume', 'volumes', it, 0, sv.source);
    } else if (it.kind === 'map') {
      const type = strValue(get(it, 'type')) ?? 'volume';
      const src = get(it, 'source');
      if (type === 'volume' && src) ref('volume', 'volumes', src);
    }
  }

  // secrets / configs: `name` or {source: name, target: …}.
  for (const [key, kind] of [
    ['secrets', 'secret'],
    ['configs', 'config'],
  ] as const) {
    for (const it of items(get(svc, key))) {
      if (it.kind === 'scalar') ref(kind, key, it);
      else if (it.kind === 'map') {
        const src = get(it, 'source');
        if (src) ref(kind, key, src);
      }
    }
  }
}

function contains(r: Range, line: number, character: number): boolean {
  if (line < r.start.line || line > r.end.line) return false;
  if (line === r.start.line && character < r.start.character) return false;
  if (line === r.end.line && character > r.end.character) return false;
  return true;
}

/** The symbol at an offset of the text (the innermost one when ranges nest). */
export function symbolAt(input: NavigationInput, offset: number): ComposeSymbol | undefined {
  const doc = navDoc(input);
  return symbolAtDoc(doc, offset);
}

function symbolAtDoc(doc: NavDoc, offset: number): ComposeSymbol | undefined {
  const { line, character } = doc.lines.positionAt(offset);
  let best: ComposeSymbol | undefined;
  for (const s of collectSymbols(doc.model, doc.lines)) {
    if (!contains(s.range, line, character)) continue;
    if (!best || size(s.range) < size(best.range)) best = s;
  }
  return best;
}

function size(r: Range): number {
  return (r.end.line - r.start.line) * 100_000 + (r.end.character - r.start.character);
}

// ---------------------------------------------------------------------------
// definitions

const RESOURCE_OF: Record<Exclude<SymbolKind, 'service'>, 'networks' | 'volumes' | 'secrets' | 'configs'> = {
  network: 'networks',
  volume: 'volumes',
  secret: 'secrets',
  config: 'configs',
};

function resolvePath(dir: string, p: string): string {
  return isAbsolutePath(p) ? slashPath(p) : joinPath(dir, slashPath(p));
}

export interface DefinitionResult {
  readonly symbol: ComposeSymbol;
  /** This file's definitions first, then the other files' in merge order. Never the symbol itself. */
  readonly locations: SourceLocation[];
}

/**
 * Where the name at `offset` is defined: the `services:`/`networks:`/`volumes:`/
 * `secrets:`/`configs:` key in this file or another file of the project. On a
 * definition key itself: the other files' definitions of the same name (e.g.
 * the base file's service from an override file).
 */
export function findDefinitions(input: NavigationInput, offset: number): DefinitionResult | undefined {
  const doc = navDoc(input);
  const symbol = symbolAtDoc(doc, offset);
  if (!symbol) return undefined;
  const view = projectView(input, doc);
  let found: SourceLocation[];
  if (symbol.kind === 'service') {
    let defs: readonly ServiceModel[];
    if (symbol.inFile !== undefined) {
      const path = resolvePath(doc.dir, symbol.inFile);
      const model = path === doc.self ? doc.model : view.related.find((r) => r.path === path)?.model;
      defs = model ? model.services.filter((s) => s.name === symbol.name) : [];
    } else if (symbol.sameFileOnly) {
      defs = doc.model.services.filter((s) => s.name === symbol.name);
    } else {
      defs = view.serviceDefinitions(symbol.name);
    }
    found = defs.map((s) => ({ file: s.file, range: s.nameRange }));
  } else {
    found = view.resourceDefinitions(RESOURCE_OF[symbol.kind], symbol.name).map((r) => ({ file: r.file, range: r.nameRange }));
  }
  const locations = found.filter((l) => !(l.file === doc.self && sameRange(l.range, symbol.range)));
  return { symbol, locations };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

// ---------------------------------------------------------------------------
// document links

function isRemote(p: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(p) || p.startsWith('git@') || p.startsWith('github.com/');
}

/** Relative path from a folder to a path (both absolute, slash-separated); the path itself when on another drive. */
export function relativePath(fromDir: string, to: string): string {
  const a = slashPath(fromDir).split('/').filter(Boolean);
  const b = slashPath(to).split('/').filter(Boolean);
  if (a.length && b.length && /:$/.test(a[0]) && a[0].toLowerCase() !== b[0].toLowerCase()) return to;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rel = [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  return rel || '.';
}

/**
 * Links for the paths the file names, when they exist: build contexts (to the
 * Dockerfile that is built when `dockerfile:` is not given, else the folder),
 * `dockerfile:`, env files, `include:` paths and env files, `extends.file`,
 * secret/config `file:` and bind-mount sources. Needs file access.
 */
export function documentLinks(input: NavigationInput): ComposeLink[] {
  const ws = input.workspace;
  if (!ws) return [];
  const doc = navDoc(input);
  const root = doc.model.root;
  if (root?.kind !== 'map') return [];
  const out: ComposeLink[] = [];
  const rel = (p: string): string => relativePath(doc.dir, p);
  const link = (kind: LinkKind, n: CNode | undefined, base: string, want: 'file' | 'dir' | 'any', tooltip?: (target: string, dir: boolean) => string): void => {
    const v = strValue(n);
    if (!n || !v || isRemote(v) || v.startsWith('~')) return;
    const target = resolvePath(base, v);
    if (!ws.exists(target)) return;
    const directory = ws.isDirectory(target);
    if ((want === 'file' && directory) || (want === 'dir' && !directory)) return;
    out.push({ kind, range: valueRange(doc.lines, n), target, directory, tooltip: tooltip?.(target, directory) ?? (directory ? `Reveal ${rel(target)} in the Explorer` : `Open ${rel(target)}`) });
  };
  const each = (n: CNode | undefined, f: (it: CNode) => void): void => {
    if (!n) return;
    if (n.kind === 'seq') n.items.forEach(f);
    else f(n);
  };

  // include: paths and their env files.
  each(get(root, 'include'), (it) => {
    if (it.kind === 'scalar') link('include', it, doc.dir, 'file');
    else if (it.kind === 'map') {
      each(get(it, 'path'), (p) => link('include', p, doc.dir, 'file'));
      each(get(it, 'env_file'), (p) => link('env-file', p, doc.dir, 'file'));
      link('build-context', get(it, 'project_directory'), doc.dir, 'dir');
    }
  });

  const services = get(root, 'services');
  if (services?.kind === 'map') {
    for (const e of services.entries) {
      const svc = e.value;
      if (svc.kind !== 'map') continue;
      // build: the context, and the Dockerfile relative to it.
      const build = get(svc, 'build');
      const ctxNode = build?.kind === 'scalar' ? build : get(build, 'context');
      const ctxValue = strValue(ctxNode) ?? (build?.kind === 'map' ? '.' : undefined);
      if (ctxValue !== undefined && !isRemote(ctxValue)) {
        const ctxDir = resolvePath(doc.dir, ctxValue);
        const dfNode = get(build, 'dockerfile');
        if (ctxNode) {
          const defaultDockerfile = joinPath(ctxDir, 'Dockerfile');
          if (!dfNode && !get(build, 'dockerfile_inline') && ws.exists(defaultDockerfile) && !ws.isDirectory(defaultDockerfile)) {
            const v = strValue(ctxNode)!;
            out.push({ kind: 'build-context', range: valueRange(doc.lines, ctxNode), target: defaultDockerfile, directory: false, tooltip: `Open ${rel(defaultDockerfile)} (the Dockerfile built from ${v})` });
          } else link('build-context', ctxNode, doc.dir, 'dir');
        }
        if (dfNode) link('dockerfile', dfNode, ctxDir, 'file');
      }
      each(get(svc, 'env_file'), (it) => link('env-file', it.kind === 'map' ? get(it, 'path') : it, doc.dir, 'file'));
      const ext = get(svc, 'extends');
      if (ext?.kind === 'map') link('extends-file', get(ext, 'file'), doc.dir, 'file');
      each(get(svc, 'volumes'), (it) => {
        const v = strValue(it);
        if (v !== undefined) {
          const sv = parseShortVolume(v);
          if (sv.type !== 'bind' || !sv.source || isRemote(sv.source) || sv.source.startsWith('~')) return;
          const target = resolvePath(doc.dir, sv.source);
          if (!ws.exists(target)) return;
          const directory = ws.isDirectory(target);
          out.push({
            kind: 'bind-mount',
            range: subRange(doc.lines, it, 0, sv.source.length),
            target,
            directory,
            tooltip: directory ? `Reveal ${rel(target)} in the Explorer` : `Open ${rel(target)}`,
          });
        } else if (it.kind === 'map' && strValue(get(it, 'type')) === 'bind') link('bind-mount', get(it, 'source'), doc.dir, 'any');
      });
    }
  }

  for (const [key, kind] of [
    ['secrets', 'secret-file'],
    ['configs', 'config-file'],
  ] as const) {
    const m = get(root, key);
    if (m?.kind === 'map') for (const e of m.entries) link(kind, get(e.value, 'file'), doc.dir, 'file');
  }
  return out;
}

// ---------------------------------------------------------------------------
// hover

/** The compose files compose would load together with this one (the same choice as the linter's project view). */
export function projectFilesOf(self: string, env: Readonly<Record<string, string>>, exists: (p: string) => boolean): string[] {
  const dir = dirnamePath(self);
  const composeFile = env.COMPOSE_FILE;
  if (composeFile) {
    const listed = composeFile
      .split(env.COMPOSE_PATH_SEPARATOR || (composeFile.includes(';') ? ';' : ':'))
      .filter(Boolean)
      .map((f) => resolvePath(dir, f));
    if (listed.includes(self)) return listed;
  }
  const first = (names: readonly string[]): string | undefined => names.map((n) => joinPath(dir, n)).find((p) => p === self || exists(p));
  const base = first(DEFAULT_FILES);
  const override = first(DEFAULT_OVERRIDE_FILES);
  if (base && (self === base || self === override)) return override ? [base, override] : [base];
  return [self];
}

/**
 * The hover of a service name (its key under `services:` or a reference to
 * it): the service as compose resolves it (overrides merged, `extends` applied,
 * `.env` interpolated, env files read), as Markdown.
 */
export async function serviceHover(input: NavigationInput, offset: number): Promise<ServiceHover | undefined> {
  const doc = navDoc(input);
  const symbol = symbolAtDoc(doc, offset);
  if (symbol?.kind !== 'service') return undefined;
  const ws = input.workspace;
  let where: string | undefined;
  if (symbol.inFile !== undefined) {
    // A service of another file (`extends.file`): that file's project.
    where = resolvePath(doc.dir, symbol.inFile);
  }
  const readFile = (p: string): string | undefined => (p === doc.self ? input.text : ws?.readFile(p));
  const env = where ? readDotenv(ws, dirnamePath(where)).env : doc.env;
  // `extends.file` names one file: compose looks the service up in it alone.
  const files = where ? [where] : projectFilesOf(doc.self, env, (p) => p === doc.self || (ws?.exists(p) ?? false));
  const project = await loadProject({ workingDir: dirnamePath(files[0]), files, readFile, profiles: ['*'], env: {} });
  const svc = project.model.services.find((s) => s.name === symbol.name);
  if (!svc) return undefined;
  const definedIn = where ? [where] : [...new Set(projectView(input, doc).serviceDefinitions(symbol.name).map((s) => s.file))];
  return { service: symbol.name, range: symbol.range, markdown: describeService(svc, { projectName: project.name, dir: doc.dir, definedIn }) };
}

export interface DescribeOptions {
  /** The project name (built images are named `<project>-<service>`). */
  readonly projectName?: string;
  /** Folder paths are shown relative to. */
  readonly dir: string;
  /** The files that define the service. */
  readonly definedIn?: readonly string[];
  /** At most this many environment variables (default 40). */
  readonly maxEnvironment?: number;
}

export const MASK = '••••••';

/** Inline code that survives backticks in the value. */
function code(s: string): string {
  const t = s.replace(/\r?\n/g, '⏎');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

function displayPath(dir: string, p: string): string {
  return isAbsolutePath(p) ? relativePath(dir, p) : p;
}

const CONDITION: Record<string, string> = {
  service_healthy: 'healthy',
  service_completed_successfully: 'completed successfully',
};

/** The Markdown of a resolved service (paths absolute, as `loadProject` leaves them). */
export function describeService(svc: ServiceModel, opts: DescribeOptions): string {
  const parts: string[] = [`**Service ${code(svc.name)}**`];
  const b = svc.build;
  if (b) {
    const context = b.context ?? '.';
    const local = !isRemote(context);
    const contextShown = local ? displayPath(opts.dir, context) : context;
    let from: string;
    if (b.dockerfileInline !== undefined) from = `an inline Dockerfile, context ${code(contextShown)}`;
    else if (local) from = code(displayPath(opts.dir, resolvePath(context, b.dockerfile ?? 'Dockerfile')));
    else from = `${code(context)}${b.dockerfile ? ` (${code(b.dockerfile)})` : ''}`;
    let line = `Built from ${from}`;
    if (b.target) line += `, target ${code(b.target)}`;
    const image = svc.image?.value ?? (opts.projectName ? `${opts.projectName}-${svc.name}` : undefined);
    if (image) line += ` as ${code(image)}`;
    parts.push(line);
  } else if (svc.image) parts.push(`Image ${code(svc.image.value)}`);
  else parts.push('_No image and no build_');

  if (svc.ports.length) {
    const ports = svc.ports.map((p) => {
      const host = p.published ? `${p.hostIp ? `${p.hostIp}:` : ''}${p.published}` : 'random port';
      return code(`${host} → ${p.target}/${p.protocol}`);
    });
    parts.push(`Ports ${ports.join(', ')}`);
  }
  if (svc.dependsOn.length) {
    const deps = svc.dependsOn.map((d) => {
      const notes = [CONDITION[d.condition] ?? (d.condition === 'service_started' ? '' : d.condition), d.required ? '' : 'optional'].filter(Boolean);
      return `${code(d.service)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    });
    parts.push(`Depends on ${deps.join(', ')}`);
  }
  if (svc.profiles.length) parts.push(`Profiles ${svc.profiles.map((p) => code(p.value)).join(', ')}`);
  const envEntries = Object.entries(svc.resolvedEnvironment ?? Object.fromEntries(Object.entries(svc.environment).map(([k, v]) => [k, v.value])));
  if (envEntries.length) {
    const max = opts.maxEnvironment ?? 40;
    const lines = envEntries.slice(0, max).map(([k, v]) => (v === null ? `${k} (unset)` : `${k}=${isSecretName(k) && v !== '' ? MASK : v.replace(/\r?\n/g, '\\n')}`));
    if (envEntries.length > max) lines.push(`… ${envEntries.length - max} more`);
    const body = lines.join('\n');
    const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((m) => m.length));
    const fence = '`'.repeat(longest + 1);
    parts.push(`Environment\n${fence}\n${body}\n${fence}`);
  }
  if (opts.definedIn?.length) parts.push(`_Defined in ${opts.definedIn.map((f) => basenamePath(f) === f ? f : relativePath(opts.dir, f)).join(', ')}_`);
  return parts.join('\n\n');
}
