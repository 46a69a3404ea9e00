/**
 * Helpers shared by CM032–CM035: one table of the backing-service images
 * (databases, caches, brokers, search engines) with their data directory,
 * their `VOLUME`s, the tools they ship and their own health probe; image
 * reference parsing; YAML insertion edits for a service's `volumes:` and the
 * top-level `volumes:`; and a small Dockerfile stage scanner. Pure.
 */
import { parseDotenv } from '../dotenv';
import type { ServiceModel, VolumeMount } from '../model';
import type { CNode } from '../node';
import { dirnamePath, joinPath } from '../paths';
import type { ComposeRuleContext } from './types';

// ---------------------------------------------------------------------------
// image references

export interface ImageRef {
  /** Registry host when not Docker Hub. */
  registry?: string;
  /** Repository, Docker Hub's `library/` and `docker.io/` dropped: `postgres`, `bitnami/redis`, `docker.elastic.co/elasticsearch/elasticsearch`. */
  repo: string;
  /** The tag; undefined when none is written (`latest`). */
  tag?: string;
  digest?: string;
}

const HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);
/** Registries that mirror Docker Hub's official images under a path prefix. */
const HUB_MIRRORS: Record<string, string> = { 'mirror.gcr.io': '', 'public.ecr.aws': 'docker/' };

export function parseImageRef(image: string): ImageRef | undefined {
  let s = image.trim();
  if (!s || /\s/.test(s)) return undefined;
  let digest: string | undefined;
  const at = s.indexOf('@');
  if (at >= 0) {
    digest = s.slice(at + 1);
    s = s.slice(0, at);
  }
  let tag: string | undefined;
  const colon = s.lastIndexOf(':');
  if (colon > s.lastIndexOf('/')) {
    tag = s.slice(colon + 1);
    s = s.slice(0, colon);
  }
  const parts = s.split('/');
  let registry: string | undefined;
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) registry = parts.shift()!.toLowerCase();
  let path = parts.join('/').toLowerCase();
  if (registry !== undefined && registry in HUB_MIRRORS && path.startsWith(HUB_MIRRORS[registry])) {
    path = path.slice(HUB_MIRRORS[registry].length);
    registry = undefined;
  }
  if (registry !== undefined && HUB.has(registry)) registry = undefined;
  if (registry === undefined && path.startsWith('library/')) path = path.slice(8);
  if (!path) return undefined;
  return { registry, repo: registry ? `${registry}/${path}` : path, tag, digest };
}

// ---------------------------------------------------------------------------
// the backing-service table

export type BackingKind = 'postgres' | 'mysql' | 'mariadb' | 'mongo' | 'redis' | 'rabbitmq' | 'elasticsearch' | 'opensearch' | 'kafka';

/** What a service's settings tell about its data directory. */
export interface ServiceSettings {
  env: Record<string, string | null | undefined>;
  /** Whether some env_file could not be read (a variable may be set there). */
  envUnknown: boolean;
  /** `command` joined with spaces. */
  command: string;
}

export interface BackingImage {
  kind: BackingKind;
  /** Human name for messages. */
  label: string;
  /** Major version from the tag; `undefined` = unknown (written with `${…}`), `Infinity` = latest. */
  major?: number;
  /** The directory the service keeps its data in (after PGDATA, --datadir, …); undefined when unknown. */
  dataPath?: string;
  /** The `VOLUME`s the image declares (a mount above one of them does not reach the data). */
  imageVolumes: string[];
  /** Where to mount a new volume (the image VOLUME holding the data, or the data path). */
  mountPath?: string;
  /** Whether a new named volume at `mountPath` works (false when the path does not exist in the image and the server runs unprivileged). */
  fixable: boolean;
  /** Only judged when persistence is configured (redis/valkey used as a cache). */
  cacheUnlessPersistent?: boolean;
  /** Ships curl / wget (undefined = not known, stay silent). */
  curl?: boolean;
  wget?: boolean;
  /** The image's own health probe, as exec words. */
  probe?: string[];
  alpine: boolean;
  /** curl / wget of a variant (Debian or Alpine), for a tag that is not known. */
  toolsFor(alpine: boolean): { curl?: boolean; wget?: boolean };
}

interface Entry {
  kind: BackingKind;
  label: string;
  repos: string[];
  /** Major version from a tag. */
  major?: (tag: string) => number | undefined;
  resolve: (major: number | undefined, s: ServiceSettings) => { dataPath?: string; imageVolumes: string[]; mountPath?: string; fixable?: boolean };
  cacheUnlessPersistent?: boolean;
  /** Tools, per variant. */
  tools?: (alpine: boolean) => { curl?: boolean; wget?: boolean };
  probe?: string[];
}

const leadingMajor = (tag: string): number | undefined => {
  const m = /^(\d+)/.exec(tag);
  return m ? Number(m[1]) : Infinity;
};
const pgMajor = (tag: string): number | undefined => {
  const m = /(?:^|-)pg(\d+)/.exec(tag);
  return m ? Number(m[1]) : Infinity;
};

/** First path of a comma-separated list (`KAFKA_LOG_DIRS`). */
const firstDir = (v: string | null | undefined): string | undefined => v?.split(',')[0].trim() || undefined;

/** `--flag value` or `--flag=value` in a command line. */
function flagValue(command: string, flag: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${flag}(?:=|\\s+)("[^"]*"|'[^']*'|\\S+)`).exec(command);
  return m ? m[1].replace(/^["']|["']$/g, '') : undefined;
}

function postgresPaths(major: number | undefined, s: ServiceSettings): ReturnType<Entry['resolve']> {
  if (major === undefined) return { imageVolumes: [] };
  const pg18 = major >= 18;
  const volume = pg18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
  const pgdata = s.env.PGDATA || (pg18 ? `/var/lib/postgresql/${Number.isFinite(major) ? major : 18}/docker` : '/var/lib/postgresql/data');
  if (s.envUnknown && !s.env.PGDATA) return { imageVolumes: [volume] };
  return { dataPath: pgdata, imageVolumes: [volume] };
}

const NO_TOOLS = (): { curl: boolean; wget: boolean } => ({ curl: false, wget: false });
/** Debian/Ubuntu-based official images purge curl and wget; their alpine variants have busybox wget. */
const DEBIAN_OR_ALPINE = (alpine: boolean): { curl: boolean; wget: boolean } => ({ curl: false, wget: alpine });

const TABLE: Entry[] = [
  {
    kind: 'postgres',
    label: 'PostgreSQL',
    repos: ['postgres', 'postgis/postgis'],
    major: leadingMajor,
    resolve: postgresPaths,
    tools: DEBIAN_OR_ALPINE,
    probe: ['pg_isready', '-U', '$${POSTGRES_USER:-postgres}'],
  },
  {
    kind: 'postgres',
    label: 'PostgreSQL',
    repos: ['pgvector/pgvector', 'timescale/timescaledb'],
    major: pgMajor,
    resolve: postgresPaths,
    tools: DEBIAN_OR_ALPINE,
    probe: ['pg_isready', '-U', '$${POSTGRES_USER:-postgres}'],
  },
  {
    kind: 'postgres',
    label: 'PostgreSQL',
    repos: ['bitnami/postgresql', 'bitnamilegacy/postgresql'],
    resolve: (_m, s) => ({ dataPath: s.env.POSTGRESQL_DATA_DIR || '/bitnami/postgresql/data', imageVolumes: [], mountPath: '/bitnami/postgresql' }),
  },
  {
    kind: 'mysql',
    label: 'MySQL',
    repos: ['mysql'],
    resolve: (_m, s) => ({ dataPath: flagValue(s.command, '--datadir') ?? '/var/lib/mysql', imageVolumes: ['/var/lib/mysql'] }),
    // The Oracle Linux based image has curl (its own Dockerfile uses it); no wget.
    tools: () => ({ curl: true, wget: false }),
    probe: ['mysqladmin', 'ping', '-h', 'localhost'],
  },
  {
    kind: 'mariadb',
    label: 'MariaDB',
    repos: ['mariadb'],
    resolve: (_m, s) => ({ dataPath: flagValue(s.command, '--datadir') ?? '/var/lib/mysql', imageVolumes: ['/var/lib/mysql'] }),
    tools: NO_TOOLS,
    probe: ['healthcheck.sh', '--connect', '--innodb_initialized'],
  },
  {
    kind: 'mysql',
    label: 'MySQL',
    repos: ['bitnami/mysql', 'bitnamilegacy/mysql'],
    resolve: () => ({ dataPath: '/bitnami/mysql/data', imageVolumes: [], mountPath: '/bitnami/mysql' }),
  },
  {
    kind: 'mariadb',
    label: 'MariaDB',
    repos: ['bitnami/mariadb', 'bitnamilegacy/mariadb'],
    resolve: () => ({ dataPath: '/bitnami/mariadb/data', imageVolumes: [], mountPath: '/bitnami/mariadb' }),
  },
  {
    kind: 'mongo',
    label: 'MongoDB',
    repos: ['mongo'],
    major: leadingMajor,
    resolve: (_m, s) => ({ dataPath: flagValue(s.command, '--dbpath') ?? '/data/db', imageVolumes: ['/data/db', '/data/configdb'] }),
    tools: NO_TOOLS,
    probe: ['mongosh', '--quiet', '--eval', "db.adminCommand('ping')"],
  },
  {
    kind: 'mongo',
    label: 'MongoDB',
    repos: ['bitnami/mongodb', 'bitnamilegacy/mongodb'],
    resolve: () => ({ dataPath: '/bitnami/mongodb/data', imageVolumes: [], mountPath: '/bitnami/mongodb' }),
  },
  {
    kind: 'redis',
    label: 'Redis',
    repos: ['redis', 'valkey/valkey', 'redis/redis-stack-server'],
    resolve: (_m, s) => ({ dataPath: flagValue(s.command, '--dir') ?? '/data', imageVolumes: ['/data'] }),
    cacheUnlessPersistent: true,
    tools: DEBIAN_OR_ALPINE,
    probe: ['redis-cli', 'ping'],
  },
  {
    kind: 'redis',
    label: 'Redis',
    repos: ['bitnami/redis', 'bitnamilegacy/redis', 'bitnami/valkey', 'bitnamilegacy/valkey'],
    resolve: () => ({ dataPath: '/bitnami/redis/data', imageVolumes: [], mountPath: '/bitnami/redis/data' }),
    cacheUnlessPersistent: true,
  },
  {
    kind: 'rabbitmq',
    label: 'RabbitMQ',
    repos: ['rabbitmq'],
    resolve: () => ({ dataPath: '/var/lib/rabbitmq', imageVolumes: ['/var/lib/rabbitmq'] }),
  },
  {
    kind: 'rabbitmq',
    label: 'RabbitMQ',
    repos: ['bitnami/rabbitmq', 'bitnamilegacy/rabbitmq'],
    resolve: () => ({ dataPath: '/bitnami/rabbitmq/mnesia', imageVolumes: [], mountPath: '/bitnami/rabbitmq/mnesia' }),
  },
  {
    kind: 'elasticsearch',
    label: 'Elasticsearch',
    repos: ['elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch'],
    resolve: () => ({ dataPath: '/usr/share/elasticsearch/data', imageVolumes: [] }),
  },
  {
    kind: 'elasticsearch',
    label: 'Elasticsearch',
    repos: ['bitnami/elasticsearch', 'bitnamilegacy/elasticsearch'],
    resolve: () => ({ dataPath: '/bitnami/elasticsearch/data', imageVolumes: [] }),
  },
  {
    kind: 'opensearch',
    label: 'OpenSearch',
    repos: ['opensearchproject/opensearch'],
    resolve: () => ({ dataPath: '/usr/share/opensearch/data', imageVolumes: [] }),
  },
  {
    kind: 'kafka',
    label: 'Kafka',
    repos: ['apache/kafka', 'apache/kafka-native'],
    // Default log.dirs is /tmp/kraft-combined-logs; a new directory (e.g. KAFKA_LOG_DIRS=/var/lib/kafka/data)
    // does not exist in the image, and a fresh named volume there is root-owned while Kafka runs as `appuser`.
    resolve: (_m, s) => {
      const dir = firstDir(s.env.KAFKA_LOG_DIRS);
      if (s.envUnknown && !dir) return { imageVolumes: [] };
      return { dataPath: dir ?? '/tmp/kraft-combined-logs', imageVolumes: [], fixable: false };
    },
  },
  {
    kind: 'kafka',
    label: 'Kafka',
    repos: ['confluentinc/cp-kafka', 'confluentinc/cp-server'],
    resolve: (_m, s) => {
      const dir = firstDir(s.env.KAFKA_LOG_DIRS);
      if (s.envUnknown && !dir) return { imageVolumes: [] };
      return { dataPath: dir ?? '/var/lib/kafka/data', imageVolumes: ['/var/lib/kafka/data'], fixable: !dir || dir.startsWith('/var/lib/kafka/data') };
    },
  },
  {
    kind: 'kafka',
    label: 'Kafka',
    repos: ['bitnami/kafka', 'bitnamilegacy/kafka'],
    resolve: (_m, s) => ({ dataPath: firstDir(s.env.KAFKA_CFG_LOG_DIRS) ?? '/bitnami/kafka/data', imageVolumes: [], mountPath: '/bitnami/kafka' }),
  },
];

const BY_REPO = new Map<string, Entry>();
for (const e of TABLE) for (const r of e.repos) BY_REPO.set(r, e);

/** Whether a tag names an Alpine variant (`16-alpine`, `alpine3.20`, `7.2.4-alpine3.19`). */
export function isAlpineTag(tag: string | undefined): boolean {
  return !!tag && /(^|[-.])alpine/.test(tag);
}

/**
 * The backing-service facts of an image. `tagKnown` false (the tag was
 * written with `${…}` and did not resolve) makes the version unknown.
 */
export function backingImage(ref: ImageRef, tagKnown: boolean, s: ServiceSettings): BackingImage | undefined {
  const e = BY_REPO.get(ref.repo);
  if (!e) return undefined;
  let major: number | undefined = Infinity;
  if (!tagKnown) major = undefined;
  else if (e.major && ref.tag) major = e.major(ref.tag);
  const r = e.resolve(major, s);
  const alpine = isAlpineTag(ref.tag);
  const tools = e.tools?.(alpine) ?? {};
  let mountPath = r.mountPath;
  if (!mountPath && r.dataPath) mountPath = r.imageVolumes.find((v) => isSameOrUnder(r.dataPath!, v)) ?? r.dataPath;
  return {
    kind: e.kind,
    label: e.label,
    major,
    dataPath: r.dataPath,
    imageVolumes: r.imageVolumes,
    mountPath,
    fixable: r.fixable ?? true,
    cacheUnlessPersistent: e.cacheUnlessPersistent,
    curl: tools.curl,
    wget: tools.wget,
    probe: e.probe,
    alpine,
    toolsFor: (a) => e.tools?.(a) ?? {},
  };
}

// ---------------------------------------------------------------------------
// paths and mounts

export function trimSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** `p` equals `dir` or lies below it. */
export function isSameOrUnder(p: string, dir: string): boolean {
  const a = trimSlash(p);
  const d = trimSlash(dir);
  return a === d || d === '/' || a.startsWith(d + '/');
}

/**
 * Whether a persistent mount (named volume or bind) holds `dataPath`: at it or
 * above it, unless the image declares a VOLUME between the mount and the data
 * (Docker then creates an anonymous volume there that shadows the mount).
 */
export function mountHolds(m: VolumeMount, dataPath: string, imageVolumes: readonly string[]): boolean {
  if (m.type !== 'volume' && m.type !== 'bind') return false;
  if (m.type === 'volume' && !m.source) return false;
  if (!m.target || !isSameOrUnder(dataPath, m.target)) return false;
  const t = trimSlash(m.target);
  return !imageVolumes.some((v) => trimSlash(v) !== t && isSameOrUnder(v, t) && isSameOrUnder(dataPath, v));
}

// ---------------------------------------------------------------------------
// service settings across the project

/** The definitions of a service in this file and its related files (override files), this file first. */
export function definitionsOf(ctx: ComposeRuleContext, svc: ServiceModel): readonly ServiceModel[] {
  const defs = ctx.project.serviceDefinitions(svc.name);
  return defs.length ? defs : [svc];
}

function commandText(svc: ServiceModel): string | undefined {
  const c = svc.command?.value;
  if (c === undefined) return undefined;
  return Array.isArray(c) ? c.join(' ') : c;
}

/**
 * Environment (env files first, `environment` over them, later definitions
 * over earlier ones) and command of a service. Env files are read through
 * the workspace; one that cannot be read makes `envUnknown` true.
 */
export function serviceSettings(ctx: ComposeRuleContext, svc: ServiceModel): ServiceSettings {
  const env: Record<string, string | null | undefined> = {};
  let envUnknown = false;
  let command = '';
  const all = definitionsOf(ctx, svc);
  // Related files first, this file last: what this file says wins.
  for (const d of [...all.slice(1), all[0]]) {
    for (const ef of d.envFile) {
      const path = ef.path;
      if (path.includes('$') || !ctx.workspace) {
        envUnknown = true;
        continue;
      }
      const base = d.file && d.file !== '<compose>' ? dirnamePath(d.file) : ctx.workspace.contextDir;
      const text = ctx.workspace.readFile(joinPath(base, path));
      if (text === undefined) {
        if (ef.required) envUnknown = true;
        continue;
      }
      Object.assign(env, parseDotenv(text, (n) => ctx.env[n]).values);
    }
    for (const [k, v] of Object.entries(d.environment)) env[k] = v.value;
    const c = commandText(d);
    if (c !== undefined) command = c;
  }
  return { env, envUnknown, command };
}

/** A service's mapping as written in this document (not interpolated), for edits. */
export function rawService(ctx: ComposeRuleContext, name: string): CNode | undefined {
  if (ctx.root?.kind !== 'map') return undefined;
  const services = ctx.root.entries.find((e) => e.key === 'services')?.value;
  return services?.kind === 'map' ? services.entries.find((e) => e.key === name)?.value : undefined;
}
