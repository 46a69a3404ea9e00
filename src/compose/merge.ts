/**
 * Compose merge rules (compose-go `override` + `unique`), on ranged trees:
 * mappings merged key by key; sequences appended, then made unique for the
 * paths compose indexes (ports, volumes, secrets, configs, expose, dns, …);
 * `command`, `entrypoint` and `healthcheck.test` replaced; list-or-map keys
 * (environment, labels, build.args, …) merged as maps; `!reset` removes a
 * value, `!override` replaces it without merging.
 */
import { parseShortVolume } from './syntax';
import { isNull, mkMap, mkScalar, scalarString, toJS as toJSValue, type CEntry, type CMap, type CNode, type CSeq } from './node';

type Path = string[];

/** Patterns split once (this runs for every node of every file loaded). */
const SPLIT = new Map<string, string[]>();
function match(path: Path, pattern: string): boolean {
  let p = SPLIT.get(pattern);
  if (!p) SPLIT.set(pattern, (p = pattern.split('.')));
  if (p.length !== path.length) return false;
  for (let i = 0; i < p.length; i++) if (p[i] !== '*' && p[i] !== path[i]) return false;
  return true;
}
function matchAny(path: Path, patterns: string[]): boolean {
  for (const p of patterns) if (match(path, p)) return true;
  return false;
}

const OVERRIDE = ['services.*.command', 'services.*.entrypoint', 'services.*.healthcheck.test'];
const TO_MAP = [
  'services.*.environment',
  'services.*.labels',
  'services.*.annotations',
  'services.*.sysctls',
  'services.*.build.args',
  'services.*.build.labels',
  'services.*.build.additional_contexts',
  'services.*.deploy.labels',
  'services.*.volumes.*.volume.labels',
  'networks.*.labels',
  'volumes.*.labels',
  'secrets.*.labels',
  'configs.*.labels',
];
const LIST_TO_NULL_MAP = ['services.*.depends_on', 'services.*.networks'];
/** A single string is a one-item list here (compose-go `mergeToSequence`). */
const TO_SEQUENCE = ['services.*.dns', 'services.*.dns_opt', 'services.*.dns_search', 'services.*.env_file', 'services.*.label_file', 'services.*.tmpfs'];

/** Converts `["K=V", "K2"]` to a map; leaves maps alone. */
export function listToMap(n: CNode, sep = '='): CNode {
  if (n.kind !== 'seq') return n;
  const entries: CEntry[] = [];
  for (const it of n.items) {
    const s = scalarString(it);
    if (s === undefined) continue;
    const i = s.indexOf(sep);
    const key = i >= 0 ? s.slice(0, i) : s;
    const value = i >= 0 ? mkScalar(s.slice(i + 1), it) : mkScalar(null, it);
    const e = { key, keyRange: it.range, value };
    const j = entries.findIndex((x) => x.key === key);
    if (j >= 0) entries[j] = e;
    else entries.push(e);
  }
  return { ...mkMap(entries, n), tag: n.tag };
}

function listToNullMap(n: CNode): CNode {
  if (n.kind !== 'seq') return n;
  const entries: CEntry[] = [];
  for (const it of n.items) {
    const s = scalarString(it);
    if (s === undefined || entries.some((e) => e.key === s)) continue;
    entries.push({ key: s, keyRange: it.range, value: mkScalar(null, it) });
  }
  return { ...mkMap(entries, n), tag: n.tag };
}

function buildToMap(n: CNode): CNode {
  if (n.kind !== 'scalar') return n;
  return { ...mkMap([{ key: 'context', keyRange: n.range, value: n }], n), tag: n.tag };
}

/** Normalises list-or-map shapes so two values of the same key can merge. */
export function normalizeForMerge(n: CNode, path: Path): CNode {
  if (matchAny(path, TO_MAP)) return listToMap(n);
  if (matchAny(path, LIST_TO_NULL_MAP)) return listToNullMap(n);
  if (match(path, 'services.*.build')) return buildToMap(n);
  if (matchAny(path, TO_SEQUENCE) && n.kind === 'scalar' && n.value !== null) return { kind: 'seq', items: [{ ...n, tag: undefined }], file: n.file, range: n.range, tag: n.tag };
  if (match(path, 'services.*.extra_hosts') || match(path, 'services.*.build.extra_hosts')) return n;
  return n;
}

// ---------- unicity ----------

function str(n: CNode | undefined): string {
  if (!n || n.kind !== 'scalar' || n.value === null) return '';
  return String(n.value);
}
function field(n: CNode, key: string): CNode | undefined {
  return n.kind === 'map' ? n.entries.find((e) => e.key === key)?.value : undefined;
}

type Indexer = (n: CNode) => string;
/** `K=V` entries are keyed by `K`, other strings by themselves (compose-go `keyValueIndexer`). */
const keyValue: Indexer = (n) => (n.kind === 'scalar' ? str(n).split('=')[0] : JSON.stringify(toJSValue(n)));
const portIndexer: Indexer = (n) => {
  if (n.kind === 'map') {
    const pub = field(n, 'published');
    return `${str(field(n, 'host_ip')) || '0.0.0.0'}:${pub ? str(pub) : ''}:${str(field(n, 'target'))}/${str(field(n, 'protocol')) || 'tcp'}`;
  }
  return str(n);
};
const volumeIndexer: Indexer = (n) => {
  if (n.kind === 'map') return str(field(n, 'target'));
  if (n.kind === 'scalar') return parseShortVolume(str(n)).target;
  return '';
};
const deviceIndexer: Indexer = (n) => {
  if (n.kind === 'map') return str(field(n, 'target'));
  const parts = str(n).split(':');
  return parts.length > 1 ? parts[1] : parts[0];
};
const mountIndexer =
  (def: string): Indexer =>
  (n) => {
    if (n.kind === 'scalar') return `${def}/${str(n)}`;
    const t = field(n, 'target');
    if (t) return str(t);
    return `${def}/${str(field(n, 'source'))}`;
  };
const envFileIndexer: Indexer = (n) => (n.kind === 'map' ? str(field(n, 'path')) : str(n));

const UNIQUE: [string, Indexer][] = [
  ['services.*.annotations', keyValue],
  ['services.*.build.platform', keyValue],
  ['services.*.build.platforms', keyValue],
  ['services.*.build.tags', keyValue],
  ['services.*.cap_add', keyValue],
  ['services.*.cap_drop', keyValue],
  ['services.*.configs', mountIndexer('')],
  ['services.*.devices', deviceIndexer],
  ['services.*.dns', keyValue],
  ['services.*.dns_opt', keyValue],
  ['services.*.dns_search', keyValue],
  ['services.*.env_file', envFileIndexer],
  ['services.*.expose', keyValue],
  ['services.*.links', keyValue],
  ['services.*.networks.*.aliases', keyValue],
  ['services.*.networks.*.link_local_ips', keyValue],
  ['services.*.ports', portIndexer],
  ['services.*.profiles', keyValue],
  ['services.*.secrets', mountIndexer('/run/secrets')],
  ['services.*.tmpfs', keyValue],
  ['services.*.volumes', volumeIndexer],
];

function uniqueSeq(n: CSeq, path: Path): CSeq {
  const hit = UNIQUE.find(([p]) => match(path, p));
  if (!hit) return n;
  const idx = hit[1];
  const keys = new Map<string, number>();
  const out: CNode[] = [];
  for (const it of n.items) {
    const k = idx(it);
    const at = keys.get(k);
    if (at === undefined) {
      keys.set(k, out.length);
      out.push(it);
    } else out[at] = it;
  }
  return { ...n, items: out };
}

// ---------- merge ----------

/**
 * Merges `over` onto `base` at `path` (e.g. `['services','web']`). Returns
 * undefined when `!reset` removes the value.
 */
export function mergeNodes(base: CNode | undefined, over: CNode, path: Path): CNode | undefined {
  if (over.tag === '!reset') return undefined;
  over = normalizeForMerge(over, path);
  if (over.tag === '!override' || !base) return over;
  base = normalizeForMerge(base, path);
  // compose-go: a null override (`web:`, `front:`) keeps what was defined earlier.
  if (isNull(over) && !over.tag) return base;
  if (matchAny(path, OVERRIDE)) return over;
  if (match(path, 'services.*.logging') && base.kind === 'map' && over.kind === 'map') {
    const bd = str(field(base, 'driver'));
    const od = str(field(over, 'driver'));
    if (bd && od && bd !== od) return over;
  }
  if (base.kind === 'map' && over.kind === 'map') return mergeMaps(base, over, path);
  if (base.kind === 'seq' && over.kind === 'seq') return { ...over, items: [...base.items, ...over.items] };
  return over;
}

export function mergeMaps(base: CMap, over: CMap, path: Path): CMap {
  const entries: CEntry[] = base.entries.map((e) => e);
  for (const e of over.entries) {
    const i = entries.findIndex((x) => x.key === e.key);
    const merged = mergeNodes(i >= 0 ? entries[i].value : undefined, e.value, [...path, e.key]);
    if (merged === undefined) {
      if (i >= 0) entries.splice(i, 1);
      continue;
    }
    const ne = { key: e.key, keyRange: i >= 0 ? entries[i].keyRange : e.keyRange, value: merged };
    if (i >= 0) entries[i] = ne;
    else entries.push(ne);
  }
  return { ...base, entries, tag: over.tag === '!override' ? undefined : base.tag };
}

/**
 * Final pass on a merged tree: removes values still tagged `!reset`, drops
 * `!override` tags, normalises list-or-map shapes and makes indexed
 * sequences unique.
 */
export function finalizeTree(n: CNode, path: Path = []): CNode | undefined {
  if (n.tag === '!reset') return undefined;
  let v = path.length ? normalizeForMerge(n, path) : n;
  if (v.tag) v = { ...v, tag: undefined };
  if (v.kind === 'map') {
    const entries: CEntry[] = [];
    for (const e of v.entries) {
      const c = finalizeTree(e.value, [...path, e.key]);
      if (c !== undefined) entries.push({ ...e, value: c });
    }
    return { ...v, entries };
  }
  if (v.kind === 'seq') {
    const items: CNode[] = [];
    for (const it of v.items) {
      const c = finalizeTree(it, [...path, '[]']);
      if (c !== undefined) items.push(c);
    }
    return uniqueSeq({ ...v, items }, path);
  }
  return v;
}
