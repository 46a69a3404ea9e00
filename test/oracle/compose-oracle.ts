/**
 * External oracle for the compose model: for every file of the compose
 * corpus that Debian's `docker-compose` (v1) accepts, compare its
 * `docker-compose -f F config` output with our `toCanonical(loadProject(...))`
 * on services, images, ports, volumes, networks and depends_on.
 *
 *   npm run oracle:compose            # all files
 *   npm run oracle:compose -- -v      # print every difference
 *   npm run oracle:compose -- NAME    # only files whose name contains NAME
 *
 * docker-compose runs with an argument array (no shell), an environment of
 * PATH only, and a time limit. Differences that are v1-vs-v2 by design are
 * normalised here and documented in docs/compose-model.md.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYamlText } from 'yaml';
import { loadProjectFromDisk } from '../../src/compose/load';
import { canonicalPorts, toCanonical, type Json } from '../../src/compose/canonical';
import { parseShortPort, parseShortVolume } from '../../src/compose/syntax';
import type { PortConfig } from '../../src/compose/model';

/** npm scripts run in the repository root. */
const repoRoot = process.cwd();
const corpusDir = path.resolve(process.env.DOCKYARD_COMPOSE_CORPUS ?? path.join(repoRoot, '..', 'shared', 'corpus', 'compose'));
const args = process.argv.slice(2);
const verbose = args.includes('-v') || args.includes('--verbose');
const filters = args.filter((a) => !a.startsWith('-'));
const TIMEOUT_MS = 30_000;
const ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

/** Base file + override pairs from the corpus, to check merge rules (`-f A -f B`). */
const MULTI_FILE_SETS: string[][] = [
  ['appwrite__appwrite__docker-compose.yml', 'appwrite__appwrite__docker-compose.override.yml'],
  ['netbox-community__netbox-docker__docker-compose.yml', 'netbox-community__netbox-docker__docker-compose.override.yml.example'],
  ['wodby__docker4drupal__compose.yml', 'wodby__docker4drupal__compose.override.yml'],
  ['zulip__docker-zulip__compose.yaml', 'zulip__docker-zulip__compose.override.yaml.example'],
  ['mailcow__mailcow-dockerized__docker-compose.yml', 'mailcow__mailcow-dockerized__helper-scripts__docker-compose.override.yml.d__HAPROXY__docker-compose.override.yml'],
  ['mailcow__mailcow-dockerized__docker-compose.yml', 'mailcow__mailcow-dockerized__helper-scripts__docker-compose.override.yml.d__PROMETHEUS_EXPORTER__docker-compose.override.yml'],
  ['zammad__zammad-docker-compose__docker-compose.yml', 'zammad__zammad-docker-compose__scenarios__add-external-network-to-nginx.yml'],
  ['zammad__zammad-docker-compose__docker-compose.yml', 'zammad__zammad-docker-compose__scenarios__add-nginx-proxy-manager.yml'],
  ['zammad__zammad-docker-compose__docker-compose.yml', 'zammad__zammad-docker-compose__scenarios__disable-backup-service.yml'],
  ['dockersamples__example-voting-app__docker-compose.yml', 'dockersamples__example-voting-app__docker-compose.images.yml'],
  ['open-telemetry__opentelemetry-demo__compose.yaml', 'open-telemetry__opentelemetry-demo__compose.observability.yaml'],
  ['deviantony__docker-elk__docker-compose.yml', 'deviantony__docker-elk__extensions__metricbeat__metricbeat-compose.yml'],
  ['deviantony__docker-elk__docker-compose.yml', 'deviantony__docker-elk__extensions__fleet__fleet-compose.yml', 'deviantony__docker-elk__extensions__fleet__agent-apmserver-compose.yml'],
  ['laradock__laradock__docker-compose.yml', 'laradock__laradock__docker-compose.multi-php.yml'],
];

type Obj = { [k: string]: Json };
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Normalized {
  services: string[];
  image: Record<string, string | null>;
  ports: Record<string, string[]>;
  volumes: Record<string, string[]>;
  networks: Record<string, string[]>;
  depends_on: Record<string, string[]>;
  /** Extra aspect: environment after env files. */
  environment: Record<string, string>;
}

function portKey(p: Json): string {
  const o = p as Obj;
  return `${o.host_ip ?? ''}|${o.published ?? ''}|${o.target}|${o.protocol ?? 'tcp'}`;
}

/** v1 prints ports as short strings or {published, target, protocol, mode}. */
function v1Ports(list: Json[]): string[] {
  const ports: PortConfig[] = [];
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const p of list) {
    if (typeof p === 'string' || typeof p === 'number') {
      const sp = parseShortPort(String(p));
      ports.push({ hostIp: sp.hostIp, published: sp.published, target: sp.target, protocol: sp.protocol, syntax: 'short', file: '', range: zero });
    } else if (isObj(p)) {
      ports.push({
        hostIp: p.host_ip !== undefined ? String(p.host_ip) : undefined,
        published: p.published !== undefined && p.published !== null ? String(p.published) : undefined,
        target: String(p.target),
        protocol: p.protocol ? String(p.protocol) : 'tcp',
        syntax: 'long',
        file: '',
        range: zero,
      });
    }
  }
  return canonicalPorts(ports).map(portKey).sort();
}

function volKey(type: string, source: string | undefined, target: string, ro: boolean): string {
  // v1 strips a trailing slash from the container path; we keep the target as written.
  const t = target.length > 1 ? target.replace(/\/+$/, '') : target;
  return `${type}|${source ?? ''}|${t}|${ro ? 'ro' : 'rw'}`;
}

function v1Volumes(list: Json[]): string[] {
  return list
    .map((v) => {
      if (typeof v === 'string') {
        const sv = parseShortVolume(v);
        return volKey(sv.type, sv.source, sv.target, sv.mode.includes('ro'));
      }
      const o = v as Obj;
      return volKey(String(o.type ?? 'volume'), o.source === undefined || o.source === null ? undefined : String(o.source), String(o.target), o.read_only === true);
    })
    .sort();
}

function ourVolumes(list: Json[]): string[] {
  return list
    .map((v) => {
      const o = v as Obj;
      return volKey(String(o.type), o.source === undefined ? undefined : String(o.source), String(o.target), o.read_only === true);
    })
    .sort();
}

/**
 * v1 re-reads interpolated values the YAML 1.1 way, so `"${T:-03:00}"` becomes
 * "180" (base 60); compose v2 keeps "03:00". Compare ours through the same lens.
 */
function sexagesimal(v: string): string {
  if (!/^\d+(:[0-5]?\d)+$/.test(v)) return v;
  return String(v.split(':').reduce((acc, x) => acc * 60 + Number(x), 0));
}

function normalize(doc: Obj, side: 'v1' | 'ours'): Normalized {
  const services = isObj(doc.services) ? doc.services : {};
  const n: Normalized = { services: Object.keys(services).sort(), image: {}, ports: {}, volumes: {}, networks: {}, depends_on: {}, environment: {} };
  for (const [name, sv] of Object.entries(services)) {
    const s = isObj(sv) ? sv : {};
    n.image[name] = s.image === undefined ? null : String(s.image);
    const ports = Array.isArray(s.ports) ? s.ports : [];
    n.ports[name] = side === 'v1' ? v1Ports(ports) : ports.map(portKey).sort();
    const vols = Array.isArray(s.volumes) ? s.volumes : [];
    n.volumes[name] = side === 'v1' ? v1Volumes(vols) : ourVolumes(vols);
    // v1 leaves the implicit `default` network out; v2 adds it. Compare with it added.
    let nets = isObj(s.networks) ? Object.keys(s.networks) : Array.isArray(s.networks) ? s.networks.map(String) : [];
    if (!nets.length && s.network_mode === undefined) nets = ['default'];
    n.networks[name] = nets.sort();
    const env = isObj(s.environment) ? s.environment : {};
    // `config` output escapes `$` as `$$` so that it can be read again; the model holds the value.
    n.environment[name] = JSON.stringify(
      Object.keys(env)
        .sort()
        .map((k) => [k, env[k] === null ? null : side === 'ours' ? sexagesimal(String(env[k])) : String(env[k]).replace(/\$\$/g, '$')]),
    );
    const dep = s.depends_on;
    n.depends_on[name] = (isObj(dep) ? Object.entries(dep).map(([k, v]) => `${k}:${isObj(v) && v.condition ? v.condition : 'service_started'}`) : Array.isArray(dep) ? dep.map((k) => `${k}:service_started`) : []).sort();
  }
  return n;
}

function diff(a: Normalized, b: Normalized): string[] {
  const out: string[] = [];
  if (JSON.stringify(a.services) !== JSON.stringify(b.services)) out.push(`services: v1 ${JSON.stringify(a.services)} ours ${JSON.stringify(b.services)}`);
  for (const aspect of ['image', 'ports', 'volumes', 'networks', 'depends_on', 'environment'] as const) {
    for (const svc of a.services) {
      if (!b.services.includes(svc)) continue;
      const x = JSON.stringify(a[aspect][svc]);
      const y = JSON.stringify(b[aspect][svc]);
      if (x !== y) out.push(`${aspect} of ${svc}: v1 ${x} ours ${y}`);
    }
  }
  return out;
}

async function main(): Promise<void> {
  if (!fs.existsSync(corpusDir)) {
    console.error(`compose corpus not found at ${corpusDir}`);
    process.exit(2);
  }
  const probe = spawnSync('docker-compose', ['version'], { env: ENV, encoding: 'utf8', timeout: TIMEOUT_MS });
  if (probe.status !== 0) {
    console.error('docker-compose (v1) is not installed: apt-get install docker-compose');
    process.exit(2);
  }
  const all = fs
    .readdirSync(corpusDir)
    .filter((f) => !/^README/i.test(f))
    .sort();
  // Every file alone, then the multi-file sets (merge rules) whose files are all present,
  // then the hand-written fixtures of test/oracle/fixtures (a folder each; `oracle.json` lists
  // the `-f` files, none means compose's own discovery: defaults, override, COMPOSE_FILE).
  interface Case {
    label: string;
    /** Corpus files, copied flat. */
    set?: string[];
    /** A fixture folder, copied whole. */
    fixture?: string;
    /** `-f` files, relative to the scratch directory; undefined = discovery. */
    files?: string[];
  }
  const fixturesDir = path.join(repoRoot, 'test', 'oracle', 'fixtures');
  const fixtureCases: Case[] = fs.existsSync(fixturesDir)
    ? fs
        .readdirSync(fixturesDir)
        .sort()
        .map((d) => {
          const cfg = path.join(fixturesDir, d, 'oracle.json');
          const files = fs.existsSync(cfg) ? (JSON.parse(fs.readFileSync(cfg, 'utf8')) as { files?: string[] }).files : undefined;
          return { label: `fixture:${d}`, fixture: path.join(fixturesDir, d), files };
        })
    : [];
  const cases: Case[] = [
    ...all.map((f) => ({ label: f, set: [f], files: [f] })),
    ...MULTI_FILE_SETS.filter((set) => set.every((f) => all.includes(f))).map((set) => ({ label: set.join(' + '), set, files: set })),
    ...fixtureCases,
  ].filter((c) => !filters.length || filters.some((x) => c.label.includes(x)));
  const files = all;
  let accepted = 0;
  let agree = 0;
  let known = 0;
  const aspectMisses: Record<string, number> = {};
  const scratchRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-compose-oracle-'));
  let stubbed = 0;
  for (const [ci, c] of cases.entries()) {
    // Each case runs alone in a scratch directory (…/project/F…) so that the
    // build contexts and env files it names, which the flattened corpus lacks,
    // can be stubbed (empty directories and files) inside that directory only.
    const f = c.label;
    const dir = path.join(scratchRoot, String(ci), 'project');
    fs.mkdirSync(dir, { recursive: true });
    if (c.fixture) fs.cpSync(c.fixture, dir, { recursive: true });
    for (const x of c.set ?? []) fs.copyFileSync(path.join(corpusDir, x), path.join(dir, x));
    const fulls = c.files?.map((x) => path.join(dir, x));
    const pre = await loadProjectFromDisk({ files: fulls, workingDir: dir, env: ENV, profiles: ['*'] });
    const inside = (p: string) => path.resolve(p).startsWith(dir + path.sep) || path.resolve(p) === dir;
    let made = 0;
    for (const s of pre.model.services) {
      const ctx = s.build?.context;
      if (ctx && path.isAbsolute(ctx) && inside(ctx) && !fs.existsSync(ctx)) {
        fs.mkdirSync(ctx, { recursive: true });
        made++;
      }
      for (const e of s.envFile) {
        if (path.isAbsolute(e.path) && inside(e.path) && !fs.existsSync(e.path)) {
          fs.mkdirSync(path.dirname(e.path), { recursive: true });
          fs.writeFileSync(e.path, '');
          made++;
        }
      }
    }
    if (made) stubbed++;
    const r = spawnSync('docker-compose', [...(fulls ?? []).flatMap((x) => ['-f', x]), 'config'], { cwd: dir, env: ENV, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: 64 << 20 });
    if (r.status !== 0) {
      const why = (r.stderr || r.error?.message || '').trim().split('\n').pop() ?? '';
      console.log(`SKIP   ${f}  (docker-compose rejects it: ${why.slice(0, 140)})`);
      continue;
    }
    accepted++;
    let v1: Obj;
    try {
      v1 = parseYamlText(r.stdout, { version: '1.1', maxAliasCount: -1 }) as Obj;
    } catch (e) {
      console.log(`SKIP   ${f}  (cannot read docker-compose output: ${(e as Error).message})`);
      accepted--;
      continue;
    }
    // v1's `config` ignores profiles (prints every service); enable all of ours to match.
    const project = await loadProjectFromDisk({ files: fulls, workingDir: dir, env: ENV, profiles: ['*'] });
    const ours = toCanonical(project) as Obj;
    const d = diff(normalize(v1, 'v1'), normalize(ours, 'ours'));
    const legacy = project.diagnostics.find((x) => x.code === 'legacy-format');
    if (d.length && legacy) {
      known++;
      console.log(`KNOWN  ${f}  (Compose file format v1, services at the top level: v1 reads it, Compose v2 and we reject it)`);
      continue;
    }
    if (!d.length) {
      agree++;
      console.log(`AGREE  ${f}`);
    } else {
      for (const line of d) {
        const aspect = line.split(/[ :]/)[0];
        aspectMisses[aspect] = (aspectMisses[aspect] ?? 0) + 1;
      }
      console.log(`DIFFER ${f}  (${d.length} difference${d.length > 1 ? 's' : ''})`);
      for (const line of verbose ? d : d.slice(0, 3)) console.log(`         ${line.slice(0, verbose ? 20000 : 300)}`);
    }
  }
  fs.rmSync(scratchRoot, { recursive: true, force: true });
  console.log('');
  console.log(`(${stubbed} files needed stub build contexts or env files)`);
  console.log(`${files.length} files, ${cases.length} cases (${cases.filter((c) => c.set && c.set.length > 1).length} multi-file sets, ${cases.filter((c) => c.fixture).length} fixtures), ${accepted} accepted by docker-compose v1, ${agree}/${accepted} agree on services, images, ports, volumes, networks, depends_on (and environment); ${known} known v1-only difference(s), ${accepted - agree - known} unexplained.`);
  if (Object.keys(aspectMisses).length) console.log(`differences by aspect: ${JSON.stringify(aspectMisses)}`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
