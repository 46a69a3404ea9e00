/**
 * Reads the typed model from a ranged tree, and `parseComposeFile` for one
 * file. Lenient and total: wrong shapes become `type` problems and are
 * skipped; nothing throws. Schema validation lives in `schema/`, not here.
 */
import type { Document } from 'yaml';
import type { Range } from '../util/text';
import { interpolateTree, type Lookup } from './interpolate';
import type {
  BuildConfig,
  ComposeFileModel,
  ComposeProblem,
  DependsOn,
  EnvFileRef,
  FileReference,
  Healthcheck,
  IncludeRef,
  PortConfig,
  Ranged,
  ServiceModel,
  ServiceNetwork,
  TopLevelResource,
  VolumeMount,
} from './model';
import { listToMap } from './merge';
import { get, parseYaml, type CNode } from './node';
import { parseShortPort, parseShortVolume } from './syntax';

export interface ParseOptions {
  /** When given, string values are interpolated with it and problems reported. */
  lookup?: Lookup;
}

export interface ParsedComposeFile {
  doc: Document;
  model: ComposeFileModel;
  diagnostics: ComposeProblem[];
}

/** Parses one compose file into a model. Never throws. */
export function parseComposeFile(text: string, path: string, options: ParseOptions = {}): ParsedComposeFile {
  const y = parseYaml(text, path);
  const diagnostics = [...y.problems];
  let root = y.root;
  if (root && options.lookup) root = interpolateTree(root, options.lookup, diagnostics);
  const model = buildModel(root, path, diagnostics);
  return { doc: y.doc, model, diagnostics };
}

class Reader {
  constructor(
    readonly file: string,
    readonly problems: ComposeProblem[],
  ) {}
  bad(n: CNode, what: string): void {
    this.problems.push({ code: 'type', severity: 'error', message: what, file: n.file, range: n.range });
  }
  str(n: CNode | undefined, what?: string): string | undefined {
    if (!n) return undefined;
    if (n.kind !== 'scalar') {
      if (what) this.bad(n, `${what} must be a string`);
      return undefined;
    }
    return n.value === null ? undefined : String(n.value);
  }
  ranged(n: CNode | undefined, what: string): Ranged<string> | undefined {
    const v = this.str(n, what);
    return v === undefined || !n ? undefined : { value: v, file: n.file, range: n.range };
  }
  num(n: CNode | undefined, what: string): Ranged<number> | undefined {
    const s = this.str(n, what);
    if (s === undefined || !n) return undefined;
    const v = Number(s);
    if (!Number.isFinite(v)) {
      this.bad(n, `${what} must be a number`);
      return undefined;
    }
    return { value: v, file: n.file, range: n.range };
  }
  bool(n: CNode | undefined): boolean | undefined {
    if (n?.kind !== 'scalar' || n.value === null) return undefined;
    if (typeof n.value === 'boolean') return n.value;
    const s = String(n.value).toLowerCase();
    if (['true', 'yes', 'y', 'on'].includes(s)) return true;
    if (['false', 'no', 'n', 'off'].includes(s)) return false;
    return undefined;
  }
  strList(n: CNode | undefined, what: string): Ranged<string>[] {
    if (!n) return [];
    if (n.kind === 'scalar') {
      const r = this.ranged(n, what);
      return r ? [r] : [];
    }
    if (n.kind !== 'seq') {
      this.bad(n, `${what} must be a list`);
      return [];
    }
    return n.items.map((it) => this.ranged(it, what)).filter((x): x is Ranged<string> => !!x);
  }
  /** list-or-map (`K=V` list or mapping) → map. */
  dict(n: CNode | undefined, what: string): Record<string, Ranged<string | null>> {
    const out: Record<string, Ranged<string | null>> = {};
    if (!n) return out;
    const m = listToMap(n);
    if (m.kind !== 'map') {
      this.bad(n, `${what} must be a mapping or a list`);
      return out;
    }
    for (const e of m.entries) {
      if (e.value.kind !== 'scalar') {
        this.bad(e.value, `${what}.${e.key} must be a string, number, boolean or null`);
        continue;
      }
      out[e.key] = { value: e.value.value === null ? null : String(e.value.value), file: e.value.file, range: e.value.range };
    }
    return out;
  }
  plainDict(n: CNode | undefined, what: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.dict(n, what))) out[k] = v.value ?? '';
    return out;
  }
  command(n: CNode | undefined, what: string): Ranged<string[] | string> | undefined {
    if (!n || (n.kind === 'scalar' && n.value === null)) return undefined;
    if (n.kind === 'scalar') return { value: String(n.value), file: n.file, range: n.range };
    if (n.kind === 'seq') return { value: n.items.map((i) => this.str(i, what) ?? ''), file: n.file, range: n.range };
    this.bad(n, `${what} must be a string or a list`);
    return undefined;
  }
}

/** Builds the typed model from a (possibly merged) tree. */
export function buildModel(root: CNode | undefined, file: string, problems: ComposeProblem[]): ComposeFileModel {
  const r = new Reader(file, problems);
  const model: ComposeFileModel = { file, services: [], volumes: [], networks: [], secrets: [], configs: [], includes: [], root };
  if (!root || (root.kind === 'scalar' && root.value === null)) return model;
  if (root.kind !== 'map') {
    r.bad(root, 'A compose file must be a mapping');
    return model;
  }
  model.name = r.ranged(get(root, 'name'), 'name');
  model.version = r.ranged(get(root, 'version'), 'version');
  const services = get(root, 'services');
  if (services?.kind === 'map') {
    for (const e of services.entries) model.services.push(readService(r, e.key, e.keyRange, e.value));
  } else if (services && !(services.kind === 'scalar' && services.value === null)) r.bad(services, 'services must be a mapping');
  else if (!services && !get(root, 'include') && root.entries.some((e) => e.value.kind === 'map' && (get(e.value, 'image') || get(e.value, 'build')))) {
    problems.push({
      code: 'legacy-format',
      severity: 'error',
      message: 'Services at the top level (Compose file format v1) are not supported by Docker Compose v2: move them under `services:`',
      file: root.file,
      range: root.entries[0].keyRange,
    });
  }
  model.volumes = readResources(r, get(root, 'volumes'), 'volumes');
  model.networks = readResources(r, get(root, 'networks'), 'networks');
  model.secrets = readResources(r, get(root, 'secrets'), 'secrets');
  model.configs = readResources(r, get(root, 'configs'), 'configs');
  model.includes = readIncludes(r, get(root, 'include'));
  return model;
}

function readIncludes(r: Reader, n: CNode | undefined): IncludeRef[] {
  if (!n) return [];
  if (n.kind !== 'seq') {
    r.bad(n, 'include must be a list');
    return [];
  }
  const out: IncludeRef[] = [];
  for (const it of n.items) {
    if (it.kind === 'scalar') {
      const p = r.str(it);
      if (p) out.push({ paths: [p], envFile: [], file: it.file, range: it.range });
    } else if (it.kind === 'map') {
      out.push({
        paths: r.strList(get(it, 'path'), 'include.path').map((x) => x.value),
        projectDirectory: r.str(get(it, 'project_directory'), 'include.project_directory'),
        envFile: r.strList(get(it, 'env_file'), 'include.env_file').map((x) => x.value),
        file: it.file,
        range: it.range,
      });
    } else r.bad(it, 'include entries must be a path or a mapping');
  }
  return out;
}

function readResources(r: Reader, n: CNode | undefined, what: string): TopLevelResource[] {
  if (!n || (n.kind === 'scalar' && n.value === null)) return [];
  if (n.kind !== 'map') {
    r.bad(n, `${what} must be a mapping`);
    return [];
  }
  return n.entries.map((e) => {
    const v = e.value;
    const res: TopLevelResource = { name: e.key, nameRange: e.keyRange, external: false, driverOpts: {}, labels: {}, file: v.file, range: v.range, node: v };
    if (v.kind === 'map') {
      res.resourceName = r.str(get(v, 'name'), `${what}.${e.key}.name`);
      const ext = get(v, 'external');
      if (ext?.kind === 'map') {
        res.external = true;
        res.externalName = r.str(get(ext, 'name'));
      } else res.external = r.bool(ext) ?? false;
      res.driver = r.str(get(v, 'driver'), `${what}.${e.key}.driver`);
      res.driverOpts = r.plainDict(get(v, 'driver_opts'), `${what}.${e.key}.driver_opts`);
      res.labels = r.plainDict(get(v, 'labels'), `${what}.${e.key}.labels`);
      res.fileSource = r.str(get(v, 'file'));
      res.environment = r.str(get(v, 'environment'));
      res.content = r.str(get(v, 'content'));
    } else if (!(v.kind === 'scalar' && v.value === null)) r.bad(v, `${what}.${e.key} must be a mapping`);
    return res;
  });
}

function readService(r: Reader, name: string, nameRange: Range, n: CNode): ServiceModel {
  const s: ServiceModel = {
    name,
    nameRange,
    file: n.file,
    range: n.range,
    ports: [],
    expose: [],
    volumes: [],
    tmpfs: [],
    networks: [],
    dependsOn: [],
    environment: {},
    envFile: [],
    profiles: [],
    labels: {},
    secrets: [],
    configs: [],
    links: [],
    node: n,
  };
  if (n.kind !== 'map') {
    if (!(n.kind === 'scalar' && n.value === null)) r.bad(n, `service "${name}" must be a mapping`);
    return s;
  }
  const p = `services.${name}`;
  s.image = r.ranged(get(n, 'image'), `${p}.image`);
  s.build = readBuild(r, get(n, 'build'), p);
  s.command = r.command(get(n, 'command'), `${p}.command`);
  s.entrypoint = r.command(get(n, 'entrypoint'), `${p}.entrypoint`);
  s.ports = readPorts(r, get(n, 'ports'), p);
  s.expose = r.strList(get(n, 'expose'), `${p}.expose`);
  s.volumes = readVolumes(r, get(n, 'volumes'), p);
  s.tmpfs = r.strList(get(n, 'tmpfs'), `${p}.tmpfs`);
  s.networkMode = r.ranged(get(n, 'network_mode'), `${p}.network_mode`);
  s.networks = readServiceNetworks(r, get(n, 'networks'), p);
  s.dependsOn = readDependsOn(r, get(n, 'depends_on'), p);
  s.healthcheck = readHealthcheck(r, get(n, 'healthcheck'), p);
  s.environment = r.dict(get(n, 'environment'), `${p}.environment`);
  s.envFile = readEnvFiles(r, get(n, 'env_file'), p);
  s.profiles = r.strList(get(n, 'profiles'), `${p}.profiles`);
  s.restart = r.ranged(get(n, 'restart'), `${p}.restart`);
  s.scale = r.num(get(n, 'scale'), `${p}.scale`);
  s.replicas = r.num(get(get(n, 'deploy'), 'replicas'), `${p}.deploy.replicas`);
  s.containerName = r.ranged(get(n, 'container_name'), `${p}.container_name`);
  s.pullPolicy = r.ranged(get(n, 'pull_policy'), `${p}.pull_policy`);
  for (const [k, v] of Object.entries(r.dict(get(n, 'labels'), `${p}.labels`))) s.labels[k] = { ...v, value: v.value ?? '' };
  s.secrets = readFileRefs(r, get(n, 'secrets'), `${p}.secrets`);
  s.configs = readFileRefs(r, get(n, 'configs'), `${p}.configs`);
  s.links = r.strList(get(n, 'links'), `${p}.links`);
  const ext = get(n, 'extends');
  if (ext?.kind === 'scalar' && ext.value !== null) s.extends = { service: String(ext.value), file: ext.file, range: ext.range };
  else if (ext?.kind === 'map') {
    const svc = r.str(get(ext, 'service'), `${p}.extends.service`);
    if (svc !== undefined) s.extends = { service: svc, fromFile: r.str(get(ext, 'file'), `${p}.extends.file`), file: ext.file, range: ext.range };
  }
  return s;
}

function readBuild(r: Reader, n: CNode | undefined, p: string): BuildConfig | undefined {
  if (!n || (n.kind === 'scalar' && n.value === null)) return undefined;
  const b: BuildConfig = { args: {}, labels: {}, platforms: [], tags: [], cacheFrom: [], short: false, file: n.file, range: n.range };
  if (n.kind === 'scalar') {
    b.context = String(n.value);
    b.short = true;
    return b;
  }
  if (n.kind !== 'map') {
    r.bad(n, `${p}.build must be a string or a mapping`);
    return undefined;
  }
  b.context = r.str(get(n, 'context'), `${p}.build.context`);
  b.dockerfile = r.str(get(n, 'dockerfile'), `${p}.build.dockerfile`);
  b.dockerfileInline = r.str(get(n, 'dockerfile_inline'), `${p}.build.dockerfile_inline`);
  b.target = r.str(get(n, 'target'), `${p}.build.target`);
  b.network = r.str(get(n, 'network'), `${p}.build.network`);
  for (const [k, v] of Object.entries(r.dict(get(n, 'args'), `${p}.build.args`))) b.args[k] = v.value;
  b.labels = r.plainDict(get(n, 'labels'), `${p}.build.labels`);
  b.platforms = r.strList(get(n, 'platforms'), `${p}.build.platforms`).map((x) => x.value);
  b.tags = r.strList(get(n, 'tags'), `${p}.build.tags`).map((x) => x.value);
  b.cacheFrom = r.strList(get(n, 'cache_from'), `${p}.build.cache_from`).map((x) => x.value);
  return b;
}

function readPorts(r: Reader, n: CNode | undefined, p: string): PortConfig[] {
  if (!n) return [];
  if (n.kind !== 'seq') {
    r.bad(n, `${p}.ports must be a list`);
    return [];
  }
  const out: PortConfig[] = [];
  for (const it of n.items) {
    if (it.kind === 'scalar' && it.value !== null) {
      const raw = String(it.value);
      const sp = parseShortPort(raw);
      if (sp.error) r.bad(it, sp.error);
      out.push({ hostIp: sp.hostIp, published: sp.published, target: sp.target, protocol: sp.protocol, syntax: 'short', raw, file: it.file, range: it.range });
    } else if (it.kind === 'map') {
      const target = r.str(get(it, 'target'), `${p}.ports.target`);
      if (target === undefined) {
        r.bad(it, `${p}.ports: long syntax needs "target"`);
        continue;
      }
      out.push({
        name: r.str(get(it, 'name')),
        hostIp: r.str(get(it, 'host_ip')),
        published: r.str(get(it, 'published')),
        target,
        protocol: r.str(get(it, 'protocol')) ?? 'tcp',
        mode: r.str(get(it, 'mode')),
        appProtocol: r.str(get(it, 'app_protocol')),
        syntax: 'long',
        file: it.file,
        range: it.range,
      });
    } else r.bad(it, `${p}.ports entries must be a string, number or mapping`);
  }
  return out;
}

function readVolumes(r: Reader, n: CNode | undefined, p: string): VolumeMount[] {
  if (!n) return [];
  if (n.kind !== 'seq') {
    r.bad(n, `${p}.volumes must be a list`);
    return [];
  }
  const out: VolumeMount[] = [];
  for (const it of n.items) {
    if (it.kind === 'scalar' && it.value !== null) {
      const raw = String(it.value);
      const v = parseShortVolume(raw);
      const m: VolumeMount = { type: v.type, source: v.source, target: v.target, readOnly: false, options: [], syntax: 'short', raw, file: it.file, range: it.range };
      for (const o of v.mode) {
        if (o === 'ro') m.readOnly = true;
        else if (o === 'rw') m.readOnly = false;
        else if (o === 'z' || o === 'Z') m.bind = { ...m.bind, selinux: o };
        else if (o === 'nocopy') m.volume = { ...m.volume, nocopy: true };
        else if (['cached', 'delegated', 'consistent'].includes(o)) m.consistency = o;
        else if (/^r?(shared|slave|private)$/.test(o)) m.bind = { ...m.bind, propagation: o };
        else m.options.push(o);
      }
      if (m.type === 'bind') m.bind = { createHostPath: true, ...m.bind };
      out.push(m);
    } else if (it.kind === 'map') {
      const target = r.str(get(it, 'target'), `${p}.volumes.target`);
      const type = (r.str(get(it, 'type')) ?? 'volume') as VolumeMount['type'];
      const m: VolumeMount = {
        type,
        source: r.str(get(it, 'source')),
        target: target ?? '',
        readOnly: r.bool(get(it, 'read_only')) ?? false,
        options: [],
        consistency: r.str(get(it, 'consistency')),
        syntax: 'long',
        file: it.file,
        range: it.range,
      };
      if (target === undefined) r.bad(it, `${p}.volumes: long syntax needs "target"`);
      const bind = get(it, 'bind');
      if (bind?.kind === 'map') m.bind = { propagation: r.str(get(bind, 'propagation')), createHostPath: r.bool(get(bind, 'create_host_path')), selinux: r.str(get(bind, 'selinux')) };
      const vol = get(it, 'volume');
      if (vol?.kind === 'map') m.volume = { nocopy: r.bool(get(vol, 'nocopy')), subpath: r.str(get(vol, 'subpath')) };
      const tmp = get(it, 'tmpfs');
      if (tmp?.kind === 'map') {
        const size = r.str(get(tmp, 'size'));
        const mode = r.str(get(tmp, 'mode'));
        m.tmpfs = { size: size !== undefined && /^\d+$/.test(size) ? Number(size) : size, mode: mode !== undefined ? Number(mode) : undefined };
      }
      out.push(m);
    } else r.bad(it, `${p}.volumes entries must be a string or mapping`);
  }
  return out;
}

function readServiceNetworks(r: Reader, n: CNode | undefined, p: string): ServiceNetwork[] {
  if (!n) return [];
  if (n.kind === 'seq') {
    return n.items
      .map((it) => r.ranged(it, `${p}.networks`))
      .filter((x): x is Ranged<string> => !!x)
      .map((x) => ({ name: x.value, aliases: [], file: x.file, range: x.range }));
  }
  if (n.kind !== 'map') {
    r.bad(n, `${p}.networks must be a list or mapping`);
    return [];
  }
  return n.entries.map((e) => {
    const v = e.value;
    const sn: ServiceNetwork = { name: e.key, aliases: [], file: v.file, range: e.keyRange };
    if (v.kind === 'map') {
      sn.aliases = r.strList(get(v, 'aliases'), `${p}.networks.${e.key}.aliases`).map((x) => x.value);
      sn.ipv4Address = r.str(get(v, 'ipv4_address'));
      sn.ipv6Address = r.str(get(v, 'ipv6_address'));
      const pr = r.num(get(v, 'priority'), `${p}.networks.${e.key}.priority`);
      if (pr) sn.priority = pr.value;
    }
    return sn;
  });
}

function readDependsOn(r: Reader, n: CNode | undefined, p: string): DependsOn[] {
  if (!n) return [];
  if (n.kind === 'seq') {
    const out: DependsOn[] = [];
    for (const it of n.items) {
      const name = r.str(it, `${p}.depends_on`);
      if (name !== undefined && !out.some((d) => d.service === name)) {
        out.push({ service: name, condition: 'service_started', restart: true, required: true, syntax: 'short', file: it.file, range: it.range });
      }
    }
    return out;
  }
  if (n.kind !== 'map') {
    r.bad(n, `${p}.depends_on must be a list or mapping`);
    return [];
  }
  return n.entries.map((e) => {
    const v = e.value;
    const short = v.kind === 'scalar' && v.value === null;
    return {
      service: e.key,
      condition: r.str(get(v, 'condition')) ?? 'service_started',
      restart: r.bool(get(v, 'restart')) ?? short,
      required: r.bool(get(v, 'required')) ?? true,
      syntax: short ? 'short' : 'long',
      file: v.file,
      range: e.keyRange,
    };
  });
}

function readHealthcheck(r: Reader, n: CNode | undefined, p: string): Healthcheck | undefined {
  if (!n || n.kind !== 'map') {
    if (n && !(n.kind === 'scalar' && n.value === null)) r.bad(n, `${p}.healthcheck must be a mapping`);
    return undefined;
  }
  const test = r.command(get(n, 'test'), `${p}.healthcheck.test`);
  const retries = r.num(get(n, 'retries'), `${p}.healthcheck.retries`);
  return {
    test: test?.value,
    interval: r.str(get(n, 'interval')),
    timeout: r.str(get(n, 'timeout')),
    retries: retries?.value,
    startPeriod: r.str(get(n, 'start_period')),
    startInterval: r.str(get(n, 'start_interval')),
    disable: r.bool(get(n, 'disable')) ?? false,
    file: n.file,
    range: n.range,
  };
}

function readEnvFiles(r: Reader, n: CNode | undefined, p: string): EnvFileRef[] {
  if (!n) return [];
  const items = n.kind === 'seq' ? n.items : [n];
  const out: EnvFileRef[] = [];
  for (const it of items) {
    if (it.kind === 'scalar' && it.value !== null) out.push({ path: String(it.value), required: true, file: it.file, range: it.range });
    else if (it.kind === 'map') {
      const path = r.str(get(it, 'path'), `${p}.env_file.path`);
      if (path !== undefined) out.push({ path, required: r.bool(get(it, 'required')) ?? true, format: r.str(get(it, 'format')), file: it.file, range: it.range });
    } else r.bad(it, `${p}.env_file entries must be a path or mapping`);
  }
  return out;
}

function readFileRefs(r: Reader, n: CNode | undefined, what: string): FileReference[] {
  if (!n) return [];
  if (n.kind !== 'seq') {
    r.bad(n, `${what} must be a list`);
    return [];
  }
  const out: FileReference[] = [];
  for (const it of n.items) {
    if (it.kind === 'scalar' && it.value !== null) out.push({ source: String(it.value), syntax: 'short', file: it.file, range: it.range });
    else if (it.kind === 'map') {
      const source = r.str(get(it, 'source'), `${what}.source`);
      if (source === undefined) {
        r.bad(it, `${what}: long syntax needs "source"`);
        continue;
      }
      out.push({ source, target: r.str(get(it, 'target')), uid: r.str(get(it, 'uid')), gid: r.str(get(it, 'gid')), mode: r.str(get(it, 'mode')), syntax: 'long', file: it.file, range: it.range });
    } else r.bad(it, `${what} entries must be a name or mapping`);
  }
  return out;
}
