import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseComposeFile } from '../../../src/compose/parse';
import { parseYaml, toJS } from '../../../src/compose/node';
import { LineIndex } from '../../../src/util/text';

const TEXT = `x-base: &base
  restart: always
  labels: { a: "1" }
services:
  web:
    <<: *base
    image: nginx:1.27
    build:
      context: ./web
      dockerfile: Dockerfile.prod
      target: prod
      args: [A=1, B]
    command: npm start
    entrypoint: ["/bin/sh", "-c"]
    ports:
      - "8080:80"
      - 127.0.0.1:53:53/udp
      - "[::1]:9000:9000"
      - 3000
      - target: 443
        published: "8443"
        host_ip: 0.0.0.0
        protocol: tcp
        mode: host
    expose: ["5000", 6000]
    volumes:
      - data:/var/lib/data
      - ./conf:/etc/conf:ro,z
      - /cache
      - type: tmpfs
        target: /tmp
        tmpfs: { size: 1000 }
      - type: bind
        source: ./src
        target: /src
        read_only: true
    networks: [front, back]
    depends_on:
      db:
        condition: service_healthy
        restart: true
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
      interval: 10s
      retries: 3
    environment:
      - NODE_ENV=production
      - EMPTY
    env_file: [.env.web, { path: ./opt.env, required: false }]
    profiles: [debug]
    deploy: { replicas: 2 }
    secrets: [s1, { source: s2, target: /run/s2 }]
    configs: [c1]
  db:
    image: postgres
    depends_on: [cache]
    networks:
      back:
        aliases: [database]
    labels:
      - "x=y"
  cache:
    image: redis
    restart: !reset null
volumes:
  data: {}
networks:
  front:
  back:
    external: true
secrets:
  s1: { file: ./s1.txt }
  s2: { environment: S2 }
configs:
  c1: { content: hello }
`;

describe('parseComposeFile', () => {
  const r = parseComposeFile(TEXT, '/p/compose.yaml');
  const web = r.model.services.find((s) => s.name === 'web')!;
  const lines = new LineIndex(TEXT);

  it('parses without problems', () => {
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.model.services.map((s) => s.name), ['web', 'db', 'cache']);
  });
  it('keeps source ranges of values and keys', () => {
    assert.equal(lines.textOf(web.image!.range), 'nginx:1.27');
    assert.equal(lines.textOf(web.nameRange), 'web');
    assert.equal(lines.textOf(web.ports[0].range), '"8080:80"');
    assert.equal(web.image!.file, '/p/compose.yaml');
  });
  it('applies merge keys from anchors, keeping the anchor range', () => {
    assert.equal(web.restart?.value, 'always');
    assert.equal(lines.textOf(web.restart!.range), 'always');
    assert.equal(web.restart!.range.start.line, 1);
    assert.deepEqual(Object.keys(web.labels), ['a']);
  });
  it('reads build', () => {
    assert.equal(web.build?.context, './web');
    assert.equal(web.build?.dockerfile, 'Dockerfile.prod');
    assert.equal(web.build?.target, 'prod');
    assert.deepEqual(web.build?.args, { A: '1', B: null });
  });
  it('reads command and entrypoint', () => {
    assert.equal(web.command?.value, 'npm start');
    assert.deepEqual(web.entrypoint?.value, ['/bin/sh', '-c']);
  });
  it('reads short and long ports', () => {
    const p = web.ports.map((x) => [x.hostIp, x.published, x.target, x.protocol, x.syntax]);
    assert.deepEqual(p, [
      [undefined, '8080', '80', 'tcp', 'short'],
      ['127.0.0.1', '53', '53', 'udp', 'short'],
      ['::1', '9000', '9000', 'tcp', 'short'],
      [undefined, undefined, '3000', 'tcp', 'short'],
      ['0.0.0.0', '8443', '443', 'tcp', 'long'],
    ]);
    assert.equal(web.ports[4].mode, 'host');
    assert.deepEqual(web.expose.map((e) => e.value), ['5000', '6000']);
  });
  it('reads volumes in both syntaxes', () => {
    const v = web.volumes.map((x) => [x.type, x.source, x.target, x.readOnly]);
    assert.deepEqual(v, [
      ['volume', 'data', '/var/lib/data', false],
      ['bind', './conf', '/etc/conf', true],
      ['volume', undefined, '/cache', false],
      ['tmpfs', undefined, '/tmp', false],
      ['bind', './src', '/src', true],
    ]);
    assert.equal(web.volumes[1].bind?.selinux, 'z');
    assert.equal(web.volumes[3].tmpfs?.size, 1000);
  });
  it('reads networks, depends_on, healthcheck', () => {
    assert.deepEqual(web.networks.map((n) => n.name), ['front', 'back']);
    assert.deepEqual(web.dependsOn.map((d) => [d.service, d.condition, d.restart, d.syntax]), [['db', 'service_healthy', true, 'long']]);
    const db = r.model.services.find((s) => s.name === 'db')!;
    assert.deepEqual(db.dependsOn.map((d) => [d.service, d.condition, d.syntax]), [['cache', 'service_started', 'short']]);
    assert.deepEqual(db.networks[0].aliases, ['database']);
    assert.deepEqual(db.labels.x.value, 'y');
    assert.deepEqual(web.healthcheck?.test, ['CMD', 'curl', '-f', 'http://localhost']);
    assert.equal(web.healthcheck?.retries, 3);
  });
  it('reads environment, env_file, profiles, deploy, secrets, configs', () => {
    assert.equal(web.environment.NODE_ENV.value, 'production');
    assert.equal(web.environment.EMPTY.value, null);
    assert.deepEqual(web.envFile.map((e) => [e.path, e.required]), [['.env.web', true], ['./opt.env', false]]);
    assert.deepEqual(web.profiles.map((p) => p.value), ['debug']);
    assert.equal(web.replicas?.value, 2);
    assert.deepEqual(web.secrets.map((s) => [s.source, s.target, s.syntax]), [['s1', undefined, 'short'], ['s2', '/run/s2', 'long']]);
    assert.deepEqual(web.configs.map((s) => s.source), ['c1']);
  });
  it('reads top-level resources', () => {
    assert.deepEqual(r.model.volumes.map((v) => v.name), ['data']);
    assert.deepEqual(r.model.networks.map((n) => [n.name, n.external]), [['front', false], ['back', true]]);
    assert.equal(r.model.secrets[0].fileSource, './s1.txt');
    assert.equal(r.model.secrets[1].environment, 'S2');
    assert.equal(r.model.configs[0].content, 'hello');
  });
  it('accepts !reset and !override without warnings and keeps the tag', () => {
    const y = parseYaml('a: !reset []\nb: !override {x: 1}\nc: !reset null\n', 'f');
    assert.deepEqual(y.problems, []);
    assert.equal(y.root?.kind, 'map');
    const tags = y.root?.kind === 'map' ? y.root.entries.map((e) => e.value.tag) : [];
    assert.deepEqual(tags, ['!reset', '!override', '!reset']);
  });
  it('resolves scalars like go-yaml v3 (YAML 1.2, Go integers) and remembers plain source', () => {
    const y = parseYaml('a: yes\nb: 0777\nc: 22:22\nd: "on"\ne: true\nf: "0777"\ng: 1_000\nh: 0b11\ni: 08\nj: 0x1F\n', 'f');
    assert.deepEqual(toJS(y.root), { a: 'yes', b: 511, c: '22:22', d: 'on', e: true, f: '0777', g: 1000, h: 3, i: 8, j: 31 });
    const plain = y.root?.kind === 'map' ? y.root.entries.map((e) => (e.value.kind === 'scalar' ? e.value.plain : 'x')) : [];
    assert.deepEqual(plain.slice(0, 5), ['yes', '0777', '22:22', undefined, 'true']);
  });
  it('interpolates when given a lookup, reporting unresolved variables at the variable', () => {
    const text = 'services:\n  a:\n    image: app:${TAG}\n    environment:\n      X: ${X:-dflt}\n';
    const p = parseComposeFile(text, 'f', { lookup: () => undefined });
    const a = p.model.services[0];
    assert.equal(a.image?.value, 'app:');
    assert.equal(a.environment.X.value, 'dflt');
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].code, 'unresolved-variable');
    assert.equal(new LineIndex(text).textOf(p.diagnostics[0].range), '${TAG}');
  });
});

describe('parseComposeFile never throws', () => {
  const broken = [
    '',
    '---',
    'services: [',
    'services:\n  a: [1, 2]\n',
    'services:\n  a:\n    ports: 80\n    volumes: {a: b}\n    depends_on: 3\n',
    '- a\n- b\n',
    'a: *nope\n',
    'a: &x [*x]\n',
    'services:\n  a:\n    <<: 3\n',
    'services:\n  a:\n    image: x\n  a:\n    image: y\n',
    '\t\u0000 :: : {',
    'services:\n  web:\n    build: {args: 3}\n    healthcheck: 1\n    env_file: [1, {path: x}, [y]]\n',
  ];
  for (const t of broken) {
    it(`yields a model for ${JSON.stringify(t).slice(0, 40)}`, () => {
      const r = parseComposeFile(t, 'bad.yaml');
      assert.ok(r.model);
      assert.ok(Array.isArray(r.diagnostics));
    });
  }
  it('reports a partial model plus diagnostics for a half-broken file', () => {
    const r = parseComposeFile('services:\n  ok:\n    image: a\n  bad:\n    ports: "80"\n', 'f');
    assert.deepEqual(r.model.services.map((s) => s.name), ['ok', 'bad']);
    assert.ok(r.diagnostics.some((d) => d.code === 'type'));
  });
  it('flags the legacy v1 format', () => {
    const r = parseComposeFile('web:\n  image: nginx\n', 'f');
    assert.equal(r.diagnostics[0].code, 'legacy-format');
  });
});
