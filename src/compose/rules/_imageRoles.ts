/**
 * Helpers shared by the service-hardening compose rules (CM021, CM023–CM028):
 * what a service's image is (database, cache, broker, admin UI) and which
 * ports it listens on, the as-written node of a model item, the source span
 * of a scalar's text, and de-duplication of findings that several services
 * share through a YAML anchor. Pure; never throws.
 */
import type { LineIndex, Range } from '../../util/text';
import type { ServiceModel } from '../model';
import type { CEntry, CNode } from '../node';
import { parseImageRef } from './_backing';

export type ImageRole = 'database' | 'cache' | 'broker' | 'search' | 'admin';

export interface ImageInfo {
  /** Short name of the product (`postgres`, `redis`, …). */
  readonly kind: string;
  readonly role: ImageRole;
  /** Ports the image listens on by default (clients' ports first). */
  readonly ports: readonly number[];
}

/**
 * Well-known images by the last path segment of their repository (registry,
 * namespace, tag and digest dropped), or by the whole path for the few whose
 * last segment is generic (`mcr.microsoft.com/mssql/server`).
 */
const IMAGES: readonly [RegExp, ImageInfo][] = [
  [/^(postgres|postgresql|postgis|timescaledb(-ha|-postgis)?|pgvector|postgresql-repmgr|supabase-postgres|cloudnative-pg)$/, { kind: 'postgres', role: 'database', ports: [5432] }],
  [/^(mysql|mysql-server|mariadb|percona|percona-server|mariadb-galera)$/, { kind: 'mysql', role: 'database', ports: [3306] }],
  [/^(mongo|mongodb|mongodb-community-server|mongodb-enterprise-server)$/, { kind: 'mongo', role: 'database', ports: [27017] }],
  [/(^|\/)mssql\/server$|^(mssql-server-linux|azure-sql-edge)$/, { kind: 'mssql', role: 'database', ports: [1433] }],
  [/^(oracle-xe|oracle-free|database-enterprise)$/, { kind: 'oracle', role: 'database', ports: [1521] }],
  [/^(cassandra|scylla)$/, { kind: 'cassandra', role: 'database', ports: [9042] }],
  [/^(couchdb)$/, { kind: 'couchdb', role: 'database', ports: [5984] }],
  [/^(neo4j)$/, { kind: 'neo4j', role: 'database', ports: [7687, 7474] }],
  [/^(influxdb)$/, { kind: 'influxdb', role: 'database', ports: [8086] }],
  [/^(clickhouse-server|clickhouse)$/, { kind: 'clickhouse', role: 'database', ports: [8123, 9000] }],
  [/^(cockroach)$/, { kind: 'cockroach', role: 'database', ports: [26257] }],
  [/^(etcd)$/, { kind: 'etcd', role: 'database', ports: [2379] }],
  [/^(consul)$/, { kind: 'consul', role: 'database', ports: [8500] }],
  [/^(redis|redis-stack|redis-stack-server|valkey|keydb|dragonfly)$/, { kind: 'redis', role: 'cache', ports: [6379] }],
  [/^(memcached)$/, { kind: 'memcached', role: 'cache', ports: [11211] }],
  [/^(rabbitmq)$/, { kind: 'rabbitmq', role: 'broker', ports: [5672, 15672] }],
  [/^(kafka|cp-kafka|cp-server|redpanda)$/, { kind: 'kafka', role: 'broker', ports: [9092] }],
  [/^(zookeeper|cp-zookeeper)$/, { kind: 'zookeeper', role: 'broker', ports: [2181] }],
  [/^(nats)$/, { kind: 'nats', role: 'broker', ports: [4222] }],
  [/^(elasticsearch|opensearch)$/, { kind: 'elasticsearch', role: 'search', ports: [9200, 9300] }],
  [/^(adminer|phpmyadmin|pgadmin4|mongo-express|redis-commander|redisinsight|portainer|portainer-ce|portainer-ee|kafka-ui|kafdrop)$/, { kind: 'admin', role: 'admin', ports: [] }],
];

/** What a well-known image is, from its reference (`postgres:17`, `bitnami/redis`, `docker.io/library/mysql@sha256:…`). */
export function imageInfo(image: string | undefined): ImageInfo | undefined {
  if (!image || image.includes('$')) return undefined;
  const repo = parseImageRef(image)?.repo;
  if (!repo) return undefined;
  const last = repo.slice(repo.lastIndexOf('/') + 1);
  for (const [re, info] of IMAGES) if (re.test(last) || re.test(repo)) return info;
  return undefined;
}

/**
 * Container ports that, published on every interface, expose a data store,
 * cache, broker or admin API (the default ports of the images above).
 */
export const SENSITIVE_PORTS: ReadonlySet<number> = new Set([
  5432, 3306, 33060, 27017, 27018, 27019, 1433, 1521, 9042, 5984, 7687, 7474, 8086, 8123, 26257, 2379, 8500,
  6379, 6380, 26379, 11211, 5672, 15672, 9092, 2181, 4222, 9200, 9300,
]);

/** The numbers of a port spec (`5432`, `8000-8002`); empty when not numeric. */
export function portNumbers(spec: string | undefined): number[] {
  if (!spec) return [];
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
  if (!m) return [];
  const a = Number(m[1]);
  const b = m[2] !== undefined ? Number(m[2]) : a;
  if (b < a || b - a > 1000) return [a];
  const out: number[] = [];
  for (let p = a; p <= b; p++) out.push(p);
  return out;
}

/** Container ports a service listens on, as declared (`ports` targets and `expose`). */
export function declaredPorts(s: ServiceModel): Set<number> {
  const out = new Set<number>();
  for (const p of s.ports) for (const n of portNumbers(p.target)) out.add(n);
  for (const e of s.expose) for (const n of portNumbers(String(e.value).replace(/\/\w+$/, ''))) out.add(n);
  return out;
}

/** Declared ports plus the default ports of the service's image. */
export function listeningPorts(s: ServiceModel): Set<number> {
  const out = declaredPorts(s);
  for (const n of imageInfo(s.image?.value)?.ports ?? []) out.add(n);
  return out;
}

/** The node of a service's key, as a value in the (interpolated) model tree. */
export function serviceKey(s: ServiceModel, key: string): CNode | undefined {
  return s.node.kind === 'map' ? s.node.entries.find((e) => e.key === key)?.value : undefined;
}

export function serviceEntry(s: ServiceModel, key: string): CEntry | undefined {
  return s.node.kind === 'map' ? s.node.entries.find((e) => e.key === key) : undefined;
}

/** The items of a sequence node (a lone scalar counts as one item). */
export function itemsOf(n: CNode | undefined): CNode[] {
  if (!n) return [];
  if (n.kind === 'seq') return n.items;
  if (n.kind === 'scalar' && n.value !== null) return [n];
  return [];
}

/** Whether a scalar is `true` (boolean, or a string `true` as interpolation leaves it). */
export function isTrue(n: CNode | undefined): boolean {
  if (n?.kind !== 'scalar') return false;
  return n.value === true || (typeof n.value === 'string' && n.value.trim().toLowerCase() === 'true');
}

/**
 * Reports each range once: a value written once in an `x-` anchor and merged
 * into several services would otherwise be reported once per service at the
 * same place.
 */
export { rangeKey, once as onceReporter } from './_raw';

/**
 * The source span of a scalar's content (inside quotes) when it maps 1:1 onto
 * one line of the source (plain, or quoted without escapes); else undefined.
 */
export function scalarContent(lines: LineIndex, n: CNode): { start: number; text: string } | undefined {
  if (n.kind !== 'scalar' || n.range.start.line !== n.range.end.line) return undefined;
  const start = lines.offsetAt(n.range.start);
  const raw = lines.text.slice(start, lines.offsetAt(n.range.end));
  if (!raw) return undefined;
  const q = raw[0];
  if (q === '"' || q === "'") {
    if (raw.length < 2 || raw[raw.length - 1] !== q) return undefined;
    const inner = raw.slice(1, -1);
    if (q === '"' && inner.includes('\\')) return undefined;
    if (q === "'" && inner.includes("''")) return undefined;
    return { start: start + 1, text: inner };
  }
  if (q === '|' || q === '>') return undefined;
  return { start, text: raw };
}

/** Whether a service entry's node was written inside the service itself (not merged from an anchor). */
export function writtenIn(s: ServiceModel, r: Range): boolean {
  const a = s.node.range;
  const after = (p: Range['start'], q: Range['start']): boolean => p.line > q.line || (p.line === q.line && p.character >= q.character);
  return after(r.start, a.start) && after(a.end, r.end) && after(r.start, s.nameRange.end);
}
