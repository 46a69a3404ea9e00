import type { Range } from '../../util/text';
import type { ServiceModel } from '../model';
import type { ComposeRule, ComposeRuleContext } from './types';
import { declaredPorts, imageInfo, type ImageInfo } from './_imageRoles';

/** A loopback host in a value (not part of a longer name: `mail.localhost`, `127.0.0.11` are not it). */
const LOOPBACK = /(?<![\w.-])(localhost|127\.0\.0\.1|\[::1\])(?![\w-]|\.\w)/gi;

/** Default ports of URL schemes whose clients run server-side only. */
const SCHEME_PORTS: Readonly<Record<string, number>> = {
  postgres: 5432, postgresql: 5432, mysql: 3306, mariadb: 3306, mongodb: 27017, redis: 6379, rediss: 6379,
  amqp: 5672, amqps: 5672, nats: 4222, mssql: 1433, sqlserver: 1433, memcached: 11211,
};

/** Schemes (and bare `host:port`) a browser may use: the value may be meant for the user's machine. */
const BROWSER_SCHEMES = new Set(['http', 'https', 'ws', 'wss', '']);

/** Keys whose value is read by a browser, names the service itself, or is not a connection at all. */
const NOT_A_CONNECTION =
  /(^|_)(PUBLIC|BROWSER|EXTERNAL|CLIENT|FRONTEND|ORIGINS?|CORS|REDIRECT|CALLBACK|DOMAINS?|ALLOWED|TRUSTED|ISSUER|WEBHOOK|LISTEN|BIND|(SITE|BASE|APP|ROOT|SERVER|HOME)_?URL)(_|$)|^NO_PROXY$|^(VITE|REACT_APP|NEXT_PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC)_/i;

/** Key prefixes (`DB_HOST`, `REDIS_HOST`, `PGHOST`) and the image kinds they name. */
const PREFIX_KINDS: readonly [RegExp, (i: ImageInfo) => boolean][] = [
  [/^(DB|DATABASE|SQL)$/, (i) => i.role === 'database'],
  [/^(POSTGRES|POSTGRESQL|PG|PGSQL)$/, (i) => i.kind === 'postgres'],
  [/^(MYSQL|MARIADB)$/, (i) => i.kind === 'mysql'],
  [/^(MONGO|MONGODB)$/, (i) => i.kind === 'mongo'],
  [/^(REDIS|CACHE|VALKEY)$/, (i) => i.kind === 'redis'],
  [/^(RABBIT|RABBITMQ|AMQP|BROKER|MQ)$/, (i) => i.kind === 'rabbitmq'],
  [/^(ELASTIC|ELASTICSEARCH|ES|OPENSEARCH)$/, (i) => i.kind === 'elasticsearch'],
  [/^(KAFKA)$/, (i) => i.kind === 'kafka'],
  [/^(MEMCACHE|MEMCACHED)$/, (i) => i.kind === 'memcached'],
];

interface Peer {
  name: string;
  declared: Set<number>;
  info?: ImageInfo;
  networkMode?: string;
}

function peersOf(ctx: ComposeRuleContext): Map<string, Peer> {
  const peers = new Map<string, Peer>();
  const add = (s: ServiceModel): void => {
    const p = peers.get(s.name) ?? { name: s.name, declared: new Set<number>() };
    for (const n of declaredPorts(s)) p.declared.add(n);
    p.info ??= imageInfo(s.image?.value);
    p.networkMode ??= s.networkMode?.value;
    peers.set(s.name, p);
  };
  for (const s of ctx.model.services) add(s);
  for (const r of ctx.project.related) for (const s of r.model.services) add(s);
  return peers;
}

function listens(p: Peer, port: number): boolean {
  return p.declared.has(port) || (p.info?.ports.includes(port) ?? false);
}

/** The port written after the host: `:5432` or `:${DB_PORT:-5432}`. */
function portAfter(text: string, i: number): number | undefined {
  const m = /^:(?:(\d{1,5})|\$\{\w+:?-(\d{1,5})\})(?!\d)/.exec(text.slice(i));
  return m ? Number(m[1] ?? m[2]) : undefined;
}

function schemeBefore(text: string, i: number): string | undefined {
  const m = /([a-z][a-z0-9+.-]*):\/\/(?:[^\s/@'"]*@)?$/i.exec(text.slice(Math.max(0, i - 200), i));
  return m ? m[1].toLowerCase() : undefined;
}

export const rule: ComposeRule = {
  code: 'CM021',
  name: 'localhost-to-service',
  title: '`localhost` in an environment value points at the container itself, not at another service of the project',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { other: ['Docker docs: Networking in Compose (services reach each other by service name)'] },
  check(ctx) {
    const peers = peersOf(ctx);
    const seen = new Set<string>();
    for (const s of ctx.model.services) {
      // These share a network namespace on purpose: localhost is right there.
      const mode = s.networkMode?.value ?? '';
      if (mode === 'host' || mode.startsWith('service:') || mode.startsWith('container:')) continue;
      const self = peers.get(s.name);
      const env = s.environment;
      for (const [key, v] of Object.entries(env)) {
        if (v.value === null || NOT_A_CONNECTION.test(key)) continue;
        const k = `${v.range.start.line}:${v.range.start.character}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const raw = ctx.lines.textOf(v.range);
        // List syntax: the range covers `KEY=value`; look at the value only.
        const eq = raw.indexOf(`${key}=`);
        const base = eq >= 0 && eq <= 1 ? eq + key.length + 1 : 0;
        const startOffset = ctx.lines.offsetAt(v.range.start);
        LOOPBACK.lastIndex = base;
        for (let m = LOOPBACK.exec(raw); m; m = LOOPBACK.exec(raw)) {
          const host = m[0];
          const at = m.index;
          const scheme = schemeBefore(raw, at) ?? '';
          let port = portAfter(raw, at + host.length) ?? SCHEME_PORTS[scheme];
          let kindFilter: ((i: ImageInfo) => boolean) | undefined;
          let prefix: string | undefined;
          const rest = raw.slice(at + host.length).replace(/["']$/, '').trim();
          const bare = rest === '' && raw.slice(base, at).replace(/^["']/, '').trim() === '';
          if (port === undefined && bare) {
            // `DB_HOST=localhost`: the port is in `DB_PORT`, or the prefix names the kind of service.
            const km = /^(.*?)_?(HOST|ADDR|ADDRESS)$/i.exec(key);
            if (!km || !km[1]) continue;
            prefix = km[1].toUpperCase();
            const sib = env[`${km[1]}_PORT`] ?? env[`${km[1]}PORT`] ?? env[`${km[1]}_port`];
            const sp = sib?.value != null && /^\d{1,5}$/.test(sib.value.trim()) ? Number(sib.value.trim()) : undefined;
            if (sp !== undefined) port = sp;
            else kindFilter = PREFIX_KINDS.find(([re]) => re.test(prefix!))?.[1];
          }
          let targets: Peer[];
          if (port !== undefined) {
            if (self && listens(self, port)) continue;
            targets = [...peers.values()].filter((p) => p.name !== s.name && listens(p, port!));
          } else if (prefix !== undefined) {
            const pre = prefix.toLowerCase();
            targets = [...peers.values()].filter(
              (p) => p.name !== s.name && ((kindFilter && p.info && kindFilter(p.info)) || p.name.toLowerCase().replace(/-/g, '_') === pre),
            );
          } else continue;
          if (!targets.length) continue;
          // A peer sharing this service's namespace (`network_mode: service:<this>`) is reachable on localhost.
          if (targets.some((p) => p.networkMode === `service:${s.name}`)) continue;
          // http(s)/ws or a bare host:port may be a URL for the user's browser, where localhost is right when the port is published as is.
          if (port !== undefined && BROWSER_SCHEMES.has(scheme) && !bare && !targets.some((p) => p.info && p.info.ports.includes(port!) && p.info.role !== 'admin')) {
            const published = targets.some((p) => publishesSame(ctx, p.name, port!));
            if (published) continue;
          }
          const range: Range = ctx.lines.rangeOf(startOffset + at, startOffset + at + host.length);
          const names = targets.map((p) => `"${p.name}"`).join(' or ');
          const where = port !== undefined ? `:${port}` : '';
          ctx.report({
            range,
            message: `service "${s.name}": \`${host}${where}\` in ${key} is the container itself, not service ${names}; inside a container, reach other services by their service name`,
            fixes: targets.map((p) => ({
              title: `Replace \`${host}\` with \`${p.name}\``,
              edits: [{ range, newText: p.name }],
              preferred: targets.length === 1,
            })),
          });
        }
      }
    }
  },
};

/** Whether a service publishes `port` on the same host port (`3000:3000`), so that localhost:3000 works from the host. */
function publishesSame(ctx: ComposeRuleContext, name: string, port: number): boolean {
  const defs = ctx.project.serviceDefinitions(name);
  const list = defs.length ? defs : ctx.model.services.filter((s) => s.name === name);
  return list.some((s) => s.ports.some((p) => p.published !== undefined && p.published === String(port) && p.target === String(port)));
}
