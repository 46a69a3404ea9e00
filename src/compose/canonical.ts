/**
 * `toCanonical(project)`: the structure `docker compose config` prints —
 * services sorted, ports and volumes in long syntax, depends_on with
 * conditions, environment as a map, command/entrypoint as lists, the
 * `default` network added, resource names prefixed with the project name.
 * Keys the model does not type pass through unchanged.
 */
import type { ComposeProject, PortConfig, ServiceModel, TopLevelResource, VolumeMount } from './model';
import { toJS } from './node';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** shellwords-style split (compose-go turns string commands into lists). */
export function shellSplit(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = null;
      else if (c === '\\' && q === '"' && (s[i + 1] === '"' || s[i + 1] === '\\' || s[i + 1] === '$')) cur += s[++i];
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      has = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

function rangeOf(s: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2] ?? m[1])];
}

/** Long-syntax ports, with target ranges expanded one entry per port as compose-go does. */
export function canonicalPorts(ports: PortConfig[]): Json[] {
  const out: Json[] = [];
  for (const p of ports) {
    const t = rangeOf(p.target);
    const pub = p.published !== undefined ? rangeOf(p.published) : undefined;
    const base = (target: number | string, published: string | undefined): { [k: string]: Json } => {
      const o: { [k: string]: Json } = {};
      if (p.name) o.name = p.name;
      o.mode = p.mode ?? 'ingress';
      if (p.hostIp) o.host_ip = p.hostIp;
      o.target = target;
      if (published !== undefined) o.published = published;
      o.protocol = p.protocol || 'tcp';
      if (p.appProtocol) o.app_protocol = p.appProtocol;
      return o;
    };
    if (t && t[1] > t[0]) {
      for (let i = 0; i <= t[1] - t[0]; i++) {
        let published: string | undefined;
        if (pub) published = pub[1] > pub[0] ? (pub[1] - pub[0] === t[1] - t[0] ? String(pub[0] + i) : p.published) : String(pub[0] + i);
        out.push(base(t[0] + i, published));
      }
    } else out.push(base(t ? t[0] : p.target, p.published));
  }
  return out;
}

export function canonicalVolume(v: VolumeMount): { [k: string]: Json } {
  const o: { [k: string]: Json } = { type: v.type };
  if (v.source !== undefined) o.source = v.source;
  o.target = v.target;
  if (v.readOnly) o.read_only = true;
  if (v.consistency) o.consistency = v.consistency;
  if (v.bind) {
    const b: { [k: string]: Json } = {};
    if (v.bind.propagation) b.propagation = v.bind.propagation;
    if (v.bind.createHostPath !== undefined) b.create_host_path = v.bind.createHostPath;
    if (v.bind.selinux) b.selinux = v.bind.selinux;
    o.bind = b;
  }
  if (v.volume) {
    const b: { [k: string]: Json } = {};
    if (v.volume.nocopy !== undefined) b.nocopy = v.volume.nocopy;
    if (v.volume.subpath) b.subpath = v.volume.subpath;
    o.volume = b;
  } else if (v.type === 'volume' && v.syntax === 'short' && v.source) o.volume = {};
  if (v.tmpfs) {
    const t: { [k: string]: Json } = {};
    if (v.tmpfs.size !== undefined) t.size = v.tmpfs.size;
    if (v.tmpfs.mode !== undefined) t.mode = v.tmpfs.mode;
    o.tmpfs = t;
  }
  return o;
}

function cmd(v: string[] | string): Json {
  return typeof v === 'string' ? shellSplit(v) : v;
}

function sortObj<T extends Json>(o: { [k: string]: T }): { [k: string]: T } {
  const r: { [k: string]: T } = {};
  for (const k of Object.keys(o).sort()) r[k] = o[k];
  return r;
}

export function canonicalService(s: ServiceModel): { [k: string]: Json } {
  const raw = (toJS(s.node) ?? {}) as { [k: string]: Json };
  const o: { [k: string]: Json } = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...raw } : {};
  delete o.extends;
  if (s.build) {
    const b = (typeof o.build === 'object' && o.build !== null && !Array.isArray(o.build) ? { ...o.build } : {}) as { [k: string]: Json };
    b.context = s.build.context ?? '.';
    if (!s.build.dockerfileInline) b.dockerfile = s.build.dockerfile ?? 'Dockerfile';
    if (Object.keys(s.build.args).length) b.args = s.build.args;
    if (Object.keys(s.build.labels).length) b.labels = s.build.labels;
    o.build = sortObj(b);
  }
  if (s.command) o.command = cmd(s.command.value);
  if (s.entrypoint) o.entrypoint = cmd(s.entrypoint.value);
  if ('depends_on' in o) {
    const d: { [k: string]: Json } = {};
    for (const x of s.dependsOn) d[x.service] = { condition: x.condition, required: x.required, ...(x.restart ? { restart: true } : {}) };
    o.depends_on = d;
  }
  // Like `config`: env files are read into `environment` (which wins) and dropped.
  const env: { [k: string]: Json } = { ...(s.resolvedEnvironment ?? {}) };
  if (!s.resolvedEnvironment) for (const [k, v] of Object.entries(s.environment)) env[k] = v.value;
  delete o.env_file;
  if (Object.keys(env).length) o.environment = env;
  else delete o.environment;
  if ('labels' in o) {
    const l: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(s.labels)) l[k] = v.value;
    o.labels = l;
  }
  if (!s.networkMode) {
    const n: { [k: string]: Json } = {};
    for (const x of s.networks) {
      const c: { [k: string]: Json } = {};
      if (x.aliases.length) c.aliases = x.aliases;
      if (x.ipv4Address) c.ipv4_address = x.ipv4Address;
      if (x.ipv6Address) c.ipv6_address = x.ipv6Address;
      if (x.priority !== undefined) c.priority = x.priority;
      n[x.name] = Object.keys(c).length ? c : null;
    }
    o.networks = s.networks.length ? n : { default: null };
  }
  if ('ports' in o) o.ports = canonicalPorts(s.ports);
  if ('volumes' in o) o.volumes = s.volumes.map(canonicalVolume);
  if ('expose' in o) o.expose = s.expose.map((x) => x.value);
  for (const key of ['secrets', 'configs'] as const) {
    if (key in o) o[key] = s[key].map((x) => ({ source: x.source, ...(x.target ? { target: x.target } : {}), ...(x.uid ? { uid: x.uid } : {}), ...(x.gid ? { gid: x.gid } : {}), ...(x.mode !== undefined ? { mode: Number(x.mode) } : {}) }));
  }
  return sortObj(o);
}

function canonicalResource(project: string, r: TopLevelResource, kind: string): { [k: string]: Json } {
  const raw = toJS(r.node);
  const o: { [k: string]: Json } = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as { [k: string]: Json }) } : {};
  if (r.external) {
    o.external = true;
    o.name = r.externalName ?? r.resourceName ?? r.name;
  } else o.name = r.resourceName ?? `${project}_${r.name}`;
  if ((kind === 'secrets' || kind === 'configs') && r.fileSource) o.file = r.fileSource;
  return sortObj(o);
}

/** The project as `docker compose config` would print it (as plain JSON). */
export function toCanonical(project: ComposeProject): { [k: string]: Json } {
  const m = project.model;
  const services: { [k: string]: Json } = {};
  for (const s of [...m.services].sort((a, b) => a.name.localeCompare(b.name))) services[s.name] = canonicalService(s);
  const out: { [k: string]: Json } = { name: project.name, services };
  const networks: { [k: string]: Json } = {};
  for (const n of m.networks) networks[n.name] = canonicalResource(project.name, n, 'networks');
  const usesDefault = Object.values(services).some((s) => {
    const n = (s as { [k: string]: Json }).networks;
    return n && typeof n === 'object' && !Array.isArray(n) && 'default' in n;
  });
  if (usesDefault && !networks.default) networks.default = { name: `${project.name}_default` };
  if (Object.keys(networks).length) out.networks = sortObj(networks);
  for (const kind of ['volumes', 'secrets', 'configs'] as const) {
    if (!m[kind].length) continue;
    const o: { [k: string]: Json } = {};
    for (const r of m[kind]) o[r.name] = canonicalResource(project.name, r, kind);
    out[kind] = sortObj(o);
  }
  // Extension fields pass through.
  const root = toJS(m.root);
  if (root && typeof root === 'object' && !Array.isArray(root)) {
    for (const [k, v] of Object.entries(root as { [k: string]: Json })) if (k.startsWith('x-')) out[k] = v;
  }
  return out;
}
