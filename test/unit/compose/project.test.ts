import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeProjectName } from '../../../src/compose/project';
import { get, toJS } from '../../../src/compose/node';
import { load, svc } from './helpers';

describe('loadProject: files', () => {
  it('loads compose.yaml + compose.override.yaml by default', async () => {
    const p = await load({
      '/proj/compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n',
      '/proj/compose.override.yaml': 'services:\n  web:\n    ports: ["443:443"]\n',
      '/proj/docker-compose.yml': 'services:\n  other:\n    image: x\n',
    });
    assert.deepEqual(p.files, ['/proj/compose.yaml', '/proj/compose.override.yaml']);
    assert.deepEqual(svc(p, 'web').ports.map((x) => x.raw), ['80:80', '443:443']);
    assert.deepEqual(p.diagnostics, []);
  });
  it('falls back to docker-compose.yml with its override', async () => {
    const p = await load({
      '/proj/docker-compose.yml': 'services:\n  a:\n    image: x\n',
      '/proj/docker-compose.override.yml': 'services:\n  a:\n    image: y\n',
    });
    assert.equal(svc(p, 'a').image?.value, 'y');
  });
  it('takes COMPOSE_FILE from .env, the environment winning over .env', async () => {
    const files = {
      '/proj/.env': 'COMPOSE_FILE=base.yml:extra.yml\nTAG=1\n',
      '/proj/base.yml': 'services:\n  a:\n    image: app:${TAG}\n',
      '/proj/extra.yml': 'services:\n  b:\n    image: b\n',
      '/proj/only.yml': 'services:\n  c:\n    image: c\n',
    };
    const p = await load(files);
    assert.deepEqual(p.files, ['/proj/base.yml', '/proj/extra.yml']);
    assert.equal(svc(p, 'a').image?.value, 'app:1');
    const q = await load(files, { env: { COMPOSE_FILE: 'only.yml', TAG: '2' } });
    assert.deepEqual(q.model.services.map((s) => s.name), ['c']);
  });
  it('reads .env from the first -f file\'s folder', async () => {
    const p = await load(
      { '/proj/.env': 'T=wd\n', '/proj/app/.env': 'T=app\n', '/proj/app/c.yml': 'services:\n  a:\n    image: x:${T}\n' },
      { files: ['app/c.yml'] },
    );
    assert.equal(svc(p, 'a').image?.value, 'x:app');
    assert.equal(p.workingDir, '/proj/app');
  });
  it('uses explicit files in order', async () => {
    const p = await load(
      { '/proj/a.yml': 'services:\n  s:\n    image: a\n', '/proj/b.yml': 'services:\n  s:\n    image: b\n' },
      { files: ['b.yml', 'a.yml'] },
    );
    assert.equal(svc(p, 's').image?.value, 'a');
  });
  it('accepts an async reader and survives a reader that throws', async () => {
    const files: Record<string, string> = { '/proj/compose.yaml': 'services:\n  a:\n    image: x\n' };
    const p = await load({}, { readFile: async (f) => files[f] });
    assert.equal(svc(p, 'a').image?.value, 'x');
    const q = await load({}, { readFile: () => { throw new Error('EACCES'); } });
    assert.ok(q.diagnostics.some((d) => d.code === 'file'));
  });
  it('reports a missing file and no file at all, without throwing', async () => {
    const p = await load({}, { files: ['nope.yml'] });
    assert.equal(p.diagnostics[0].code, 'file');
    const q = await load({});
    assert.equal(q.diagnostics[0].code, 'file');
    assert.deepEqual(q.model.services, []);
  });
});

describe('loadProject: project name', () => {
  it('normalises names like compose-go', () => {
    assert.equal(normalizeProjectName('My App.v2'), 'myappv2');
    assert.equal(normalizeProjectName('__-x_Y-1'), 'x_y-1');
  });
  it('directory name, then name:, then COMPOSE_PROJECT_NAME', async () => {
    const files = { '/work/My.Project/compose.yaml': 'services:\n  a:\n    image: x\n' };
    const p = await load(files, { workingDir: '/work/My.Project' });
    assert.deepEqual([p.name, p.nameSource], ['myproject', 'directory']);
    const f2 = { '/proj/compose.yaml': 'name: ${N:-named}\nservices:\n  a:\n    image: x\n' };
    const q = await load(f2);
    assert.deepEqual([q.name, q.nameSource], ['named', 'name']);
    const r = await load({ ...f2, '/proj/.env': 'COMPOSE_PROJECT_NAME=fromenv\n' });
    assert.deepEqual([r.name, r.nameSource], ['fromenv', 'COMPOSE_PROJECT_NAME']);
    const s = await load(f2, { projectName: 'opt' });
    assert.equal(s.name, 'opt');
  });
  it('reports a name that normalises to nothing', async () => {
    const p = await load({ '/___/compose.yaml': 'services: {}\n' }, { workingDir: '/___' });
    assert.ok(p.diagnostics.some((d) => d.code === 'name'));
  });
  it('reports an invalid explicit name', async () => {
    const p = await load({ '/proj/compose.yaml': 'name: Bad Name\nservices: {}\n' });
    assert.ok(p.diagnostics.some((d) => d.code === 'name'));
    assert.equal(p.name, 'badname');
  });
});

describe('loadProject: interpolation', () => {
  it('reads .env, reports unresolved variables with ranges and :? errors', async () => {
    const p = await load({
      '/proj/.env': 'IMG=nginx\n',
      '/proj/compose.yaml': 'services:\n  a:\n    image: ${IMG}\n    environment:\n      X: $NOPE\n      Y: ${REQ:?must be set}\n      Z: $$LITERAL\n',
    });
    const a = svc(p, 'a');
    assert.equal(a.image?.value, 'nginx');
    assert.equal(a.environment.Z.value, '$LITERAL');
    assert.deepEqual(p.unresolvedVariables.map((u) => [u.name, u.range.start.line, u.range.start.character, u.range.end.character]), [['NOPE', 4, 9, 14]]);
    const err = p.diagnostics.find((d) => d.code === 'interpolation');
    assert.ok(err);
    assert.equal(err.variable, 'REQ');
    assert.match(err.message, /must be set/);
  });
  it('points at the variable inside quoted scalars too', async () => {
    const p = await load({ '/proj/compose.yaml': 'services:\n  a:\n    image: "app:${TAG}"\n' });
    const u = p.unresolvedVariables[0];
    assert.deepEqual([u.range.start.character, u.range.end.character], [16, 22]);
  });
  it('reads env_file into resolvedEnvironment, environment winning; reports a missing required one', async () => {
    const p = await load({
      '/proj/.env': 'X=x\n',
      '/proj/compose.yaml': 'services:\n  a:\n    image: i\n    env_file: [a.env, {path: opt.env, required: false}, missing.env]\n    environment: {B: inline, C: null}\n',
      '/proj/a.env': 'A=${X}1\nB=file\n',
    });
    assert.deepEqual(svc(p, 'a').resolvedEnvironment, { A: 'x1', B: 'inline', C: null });
    const missing = p.diagnostics.filter((d) => d.code === 'env-file');
    assert.equal(missing.length, 1);
    assert.match(missing[0].message, /missing\.env/);
  });
  it('a bare environment KEY takes the project environment value', async () => {
    const p = await load({ '/proj/.env': 'K=fromdotenv\n', '/proj/compose.yaml': 'services:\n  a:\n    image: i\n    environment: [K, NOPE]\n' });
    assert.deepEqual(svc(p, 'a').resolvedEnvironment, { K: 'fromdotenv', NOPE: null });
  });
  it('does not interpolate keys', async () => {
    const p = await load({ '/proj/compose.yaml': 'services:\n  a:\n    image: x\n    labels:\n      $K: v\n' });
    assert.deepEqual(Object.keys(svc(p, 'a').labels), ['$K']);
  });
});

describe('loadProject: merge rules', () => {
  const base = `services:
  web:
    image: web:1
    command: ["a", "b"]
    entrypoint: /x
    ports: ["80:80", "443:443"]
    expose: ["1"]
    dns: [1.1.1.1]
    environment: [A=1, B=2]
    labels: {l1: a}
    volumes: ["./a:/a", "data:/data"]
    depends_on: [db]
    networks: [front]
    healthcheck: {test: ["CMD", "a"], interval: 5s}
    build: ./web
    secrets: [s]
    logging: {driver: json-file, options: {max-size: 1m}}
  db:
    image: pg
    restart: always
volumes: {data: {}}
`;
  const over = `services:
  web:
    command: c
    ports: ["80:80", "8080:8080"]
    expose: ["1", "2"]
    dns: [1.1.1.1, 8.8.8.8]
    environment: {B: "3", C: "4"}
    labels: [l2=b]
    volumes: ["./b:/a"]
    depends_on: {cache: {condition: service_healthy}}
    networks: {back: {aliases: [w]}}
    healthcheck: {test: ["CMD", "b"]}
    build: {dockerfile: Dockerfile.dev}
    secrets: [{source: s, target: /run/secrets/s}]
    logging: {driver: syslog}
  db:
    restart: !reset null
    image: !override pg:16
  cache:
    image: redis
`;
  const files = { '/proj/compose.yaml': base, '/proj/compose.override.yaml': over };

  it('merges per the compose spec', async () => {
    const p = await load(files);
    assert.deepEqual(p.diagnostics, []);
    const w = svc(p, 'web');
    assert.equal(w.image?.value, 'web:1');
    assert.equal(w.command?.value, 'c');
    assert.equal(w.entrypoint?.value, '/x');
    assert.deepEqual(w.ports.map((x) => x.raw), ['80:80', '443:443', '8080:8080']);
    assert.deepEqual(w.expose.map((x) => x.value), ['1', '2']);
    assert.deepEqual(toJS(get(w.node, 'dns')), ['1.1.1.1', '8.8.8.8']);
    assert.deepEqual(Object.fromEntries(Object.entries(w.environment).map(([k, v]) => [k, v.value])), { A: '1', B: '3', C: '4' });
    assert.deepEqual(Object.keys(w.labels), ['l1', 'l2']);
    assert.deepEqual(w.volumes.map((v) => [v.source, v.target]), [['/proj/b', '/a'], ['data', '/data']]);
    assert.deepEqual(w.dependsOn.map((d) => [d.service, d.condition]), [['db', 'service_started'], ['cache', 'service_healthy']]);
    assert.deepEqual(w.networks.map((n) => [n.name, n.aliases]), [['front', []], ['back', ['w']]]);
    assert.deepEqual(w.healthcheck?.test, ['CMD', 'b']);
    assert.equal(w.healthcheck?.interval, '5s');
    assert.deepEqual([w.build?.context, w.build?.dockerfile], ['/proj/web', 'Dockerfile.dev']);
    assert.deepEqual(w.secrets.map((s) => s.target), ['/run/secrets/s']);
    assert.deepEqual(toJS(get(w.node, 'logging')), { driver: 'syslog' });
  });
  it('!reset removes and !override replaces', async () => {
    const p = await load(files);
    const db = svc(p, 'db');
    assert.equal(db.restart, undefined);
    assert.equal(db.image?.value, 'pg:16');
    const q = await load({
      '/proj/compose.yaml': 'services:\n  a:\n    image: x\n    ports: ["1:1"]\n    environment: {A: "1"}\n',
      '/proj/compose.override.yaml': 'services:\n  a:\n    ports: !reset []\n    environment: !override {B: "2"}\n',
    });
    assert.deepEqual(svc(q, 'a').ports, []);
    assert.deepEqual(Object.keys(svc(q, 'a').environment), ['B']);
  });
  it('dedupes K=V sequences by key, a later entry replacing in place', async () => {
    const p = await load({
      '/proj/compose.yaml': 'services:\n  a:\n    image: x\n    dns_opt: [timeout=1, attempts=2]\n    tmpfs: [/t]\n',
      '/proj/compose.override.yaml': 'services:\n  a:\n    dns_opt: [timeout=5]\n    tmpfs: [/t, /u]\n',
    });
    assert.deepEqual(toJS(get(svc(p, 'a').node, 'dns_opt')), ['timeout=5', 'attempts=2']);
    assert.deepEqual(toJS(get(svc(p, 'a').node, 'tmpfs')), ['/t', '/u']);
  });
  it('a single string merges with a list for dns, tmpfs, env_file', async () => {
    const p = await load({
      '/proj/compose.yaml': 'services:\n  a:\n    image: x\n    dns: 1.1.1.1\n',
      '/proj/compose.override.yaml': 'services:\n  a:\n    dns: [8.8.8.8]\n',
    });
    assert.deepEqual(toJS(get(svc(p, 'a').node, 'dns')), ['1.1.1.1', '8.8.8.8']);
  });
  it('an empty entry in an override keeps the earlier definition', async () => {
    const p = await load({
      '/proj/compose.yaml': 'services:\n  a:\n    image: x\nnetworks:\n  n:\n    driver: bridge\n',
      '/proj/compose.override.yaml': 'services:\n  a:\nnetworks:\n  n:\n',
    });
    assert.equal(svc(p, 'a').image?.value, 'x');
    assert.equal(p.model.networks[0].driver, 'bridge');
  });
  it('keeps the range of the value that won', async () => {
    const p = await load(files);
    const w = svc(p, 'web');
    assert.equal(w.command?.file, '/proj/compose.override.yaml');
    assert.equal(w.entrypoint?.file, '/proj/compose.yaml');
    assert.equal(w.ports[2].file, '/proj/compose.override.yaml');
  });
});

describe('loadProject: extends', () => {
  it('extends a service of the same file', async () => {
    const p = await load({
      '/proj/compose.yaml': `services:
  base:
    image: base
    environment: {A: "1"}
    ports: ["80:80"]
  web:
    extends: base
    environment: {B: "2"}
  web2:
    extends: {service: web}
    command: run
`,
    });
    assert.deepEqual(p.diagnostics, []);
    assert.equal(svc(p, 'web2').image?.value, 'base');
    assert.deepEqual(Object.keys(svc(p, 'web2').environment), ['A', 'B']);
    assert.equal(svc(p, 'web2').extends, undefined);
    assert.equal(svc(p, 'web').ports.length, 1);
  });
  it('extends a service of another file, resolving its paths from that file', async () => {
    const p = await load({
      '/proj/compose.yaml': 'services:\n  web:\n    extends: {file: common/base.yml, service: app}\n    image: mine\n',
      '/proj/common/base.yml': 'services:\n  app:\n    image: theirs\n    build: ./ctx\n    volumes: ["./data:/data"]\n    env_file: app.env\n',
      '/proj/common/app.env': 'FROM_BASE=1\n',
    });
    assert.deepEqual(p.diagnostics, []);
    const w = svc(p, 'web');
    assert.equal(w.image?.value, 'mine');
    assert.equal(w.build?.context, '/proj/common/ctx');
    assert.equal(w.volumes[0].source, '/proj/common/data');
    assert.equal(w.envFile[0].path, '/proj/common/app.env');
    assert.deepEqual(w.resolvedEnvironment, { FROM_BASE: '1' });
    assert.ok(p.filesRead.includes('/proj/common/base.yml'));
  });
  it('!reset in the extending service removes the inherited value', async () => {
    const p = await load({
      '/proj/compose.yaml': 'services:\n  base:\n    image: i\n    command: sleep infinity\n    ports: ["1:1"]\n  web:\n    extends: base\n    command: !reset\n    ports: !reset []\n',
    });
    assert.equal(svc(p, 'web').command, undefined);
    assert.deepEqual(svc(p, 'web').ports, []);
    assert.equal(svc(p, 'base').command?.value, 'sleep infinity');
  });
  it('reports unknown targets and cycles without throwing', async () => {
    const p = await load({
      '/proj/compose.yaml': 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n  c:\n    extends: nope\n  d:\n    extends: {file: missing.yml, service: x}\n',
    });
    const codes = p.diagnostics.map((d) => d.code);
    assert.ok(codes.filter((c) => c === 'extends').length >= 2);
    assert.ok(codes.includes('file'));
    assert.deepEqual(p.model.services.map((s) => s.name), ['a', 'b', 'c', 'd']);
  });
});

describe('loadProject: include', () => {
  it('includes another project with its own directory and .env', async () => {
    const p = await load({
      '/proj/compose.yaml': 'include:\n  - sub/compose.yaml\n  - path: other.yml\n    env_file: other.env\nservices:\n  web:\n    image: web\n    depends_on: [db]\n',
      '/proj/sub/compose.yaml': 'services:\n  db:\n    image: pg:${PG}\n    volumes: ["./data:/var/lib"]\n',
      '/proj/sub/.env': 'PG=16\n',
      '/proj/other.yml': 'services:\n  cache:\n    image: redis:${R}\nvolumes: {v: {}}\n',
      '/proj/other.env': 'R=7\n',
    });
    assert.deepEqual(p.diagnostics, []);
    assert.deepEqual(p.model.services.map((s) => s.name).sort(), ['cache', 'db', 'web']);
    assert.equal(svc(p, 'db').image?.value, 'pg:16');
    assert.equal(svc(p, 'db').volumes[0].source, '/proj/sub/data');
    assert.equal(svc(p, 'cache').image?.value, 'redis:7');
    assert.deepEqual(p.model.volumes.map((v) => v.name), ['v']);
  });
  it('reports a conflicting service', async () => {
    const p = await load({
      '/proj/compose.yaml': 'include: [sub.yml]\nservices:\n  db:\n    image: mine\n',
      '/proj/sub.yml': 'services:\n  db:\n    image: theirs\n',
    });
    assert.ok(p.diagnostics.some((d) => d.code === 'include'));
    assert.equal(svc(p, 'db').image?.value, 'mine');
  });
});

describe('loadProject: profiles', () => {
  const files = { '/proj/compose.yaml': 'services:\n  a:\n    image: a\n  dbg:\n    image: d\n    profiles: [debug]\n' };
  it('disables services whose profiles are inactive', async () => {
    const p = await load(files);
    assert.deepEqual(p.model.services.map((s) => s.name), ['a']);
    assert.deepEqual(p.disabledServices, ['dbg']);
  });
  it('COMPOSE_PROFILES and options enable them', async () => {
    assert.equal((await load(files, { env: { COMPOSE_PROFILES: 'x,debug' } })).model.services.length, 2);
    assert.equal((await load(files, { profiles: ['*'] })).model.services.length, 2);
  });
});
