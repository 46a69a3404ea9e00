/** Compose go to definition, document links and the service hover, on in-memory projects. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  composeSymbols,
  describeService,
  documentLinks,
  findDefinitions,
  projectFilesOf,
  relativePath,
  serviceHover,
  symbolAt,
  type NavigationInput,
  type NavigationWorkspace,
} from '../../../src/compose/navigation';
import { composeFeaturePlan, plannedDefinitions, plannedLinks } from '../../../src/compose/overlap';
import { parseComposeFile } from '../../../src/compose/parse';
import { LineIndex } from '../../../src/util/text';

const MAIN = `include:
  - ./inc/compose.yaml
services:
  api:
    build: ./api
    depends_on:
      - db
      - cache
      - search
      - ghost
    links:
      - "db:database"
    network_mode: "service:db"
    volumes_from:
      - service:db:ro
      - worker
    networks:
      - front
    volumes:
      - data:/var/lib/data
      - ./src:/app/src
      - ./missing:/x
      - type: volume
        source: logs
        target: /logs
    secrets:
      - db_pass
      - source: api_key
        target: key
    configs:
      - app_conf
    env_file: .env.api
    environment:
      API_TOKEN: \${TOKEN}
      MODE: prod
    ports:
      - "127.0.0.1:8000:8000"
      - "9000"
    profiles: [debug]
  worker:
    extends:
      service: api
    depends_on:
      db:
        condition: service_healthy
    networks:
      back:
        aliases: [w]
  db:
    image: postgres:18
  edge:
    extends:
      file: ./common.yaml
      service: base
  web:
    build:
      context: ./web
      dockerfile: Dockerfile.prod
      target: runtime
  remote:
    build: https://github.com/example/repo.git
networks:
  front: {}
  back: {}
volumes:
  data: {}
  logs: {}
secrets:
  db_pass:
    file: ./secrets/db_pass.txt
  api_key:
    environment: API_KEY
configs:
  app_conf:
    file: ./app.conf
`;

const OVERRIDE = `services:
  api:
    environment:
      EXTRA: "1"
  cache:
    image: redis:7
`;

const FILES: Record<string, string> = {
  '/proj/compose.yaml': MAIN,
  '/proj/compose.override.yaml': OVERRIDE,
  '/proj/inc/compose.yaml': 'services:\n  search:\n    image: opensearch:2\nnetworks:\n  shared: {}\n',
  '/proj/common.yaml': 'services:\n  base:\n    image: alpine:3.20\n',
  '/proj/.env': 'TOKEN=abc123\nTAG=1.0\n',
  '/proj/.env.api': 'SECRET_KEY=xyz\nLOG=debug\n',
  '/proj/api/Dockerfile': 'FROM node:22\n',
  '/proj/web/Dockerfile.prod': 'FROM nginx\n',
  '/proj/src/index.js': '',
  '/proj/secrets/db_pass.txt': 'pw',
  '/proj/app.conf': 'x=1',
};

function memoryWorkspace(files: Record<string, string>, dir = '/proj'): NavigationWorkspace {
  const isDirectory = (p: string): boolean => Object.keys(files).some((k) => k.startsWith(p.endsWith('/') ? p : p + '/'));
  return {
    contextDir: dir,
    readFile: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined),
    exists: (p) => p in files || isDirectory(p),
    isDirectory,
  };
}

function input(filePath = '/proj/compose.yaml', files = FILES, withWorkspace = true): NavigationInput {
  return { text: files[filePath], filePath, workspace: withWorkspace ? memoryWorkspace(files) : undefined };
}

/** Offset of the `nth` occurrence of `needle`, plus `delta` (default: its second character). */
function at(text: string, needle: string, nth = 0, delta = 1): number {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `no ${JSON.stringify(needle)} #${nth} in the text`);
  }
  return i + delta;
}

/** The text a location's range covers, in its file. */
function textAt(file: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, files = FILES): string {
  return new LineIndex(files[file]).textOf(range);
}

/** Definitions at `needle` (by default on its last character), as file + covered text. */
function defs(needle: string, o: { delta?: number; nth?: number; inp?: NavigationInput } = {}): { file: string; text: string }[] {
  const inp = o.inp ?? input();
  const r = findDefinitions(inp, at(inp.text, needle, o.nth ?? 0, o.delta ?? needle.length - 1));
  assert.ok(r, `no symbol at ${needle}`);
  return r.locations.map((l) => ({ file: l.file, text: textAt(l.file, l.range) }));
}

describe('compose navigation: symbols', () => {
  it('finds the name under the cursor, only the name for links, service: and named volumes', () => {
    const inp = input();
    const sym = (needle: string, nth = 0, delta = 1) => {
      const s = symbolAt(inp, at(inp.text, needle, nth, delta));
      assert.ok(s, `no symbol at ${needle}`);
      return { kind: s.kind, name: s.name, role: s.role, via: s.via, text: new LineIndex(inp.text).textOf(s.range) };
    };
    assert.deepEqual(sym('db:database'), { kind: 'service', name: 'db', role: 'reference', via: 'links', text: 'db' });
    assert.deepEqual(sym('service:db"', 0, 9), { kind: 'service', name: 'db', role: 'reference', via: 'network_mode', text: 'db' });
    assert.deepEqual(sym('service:db:ro', 0, 9), { kind: 'service', name: 'db', role: 'reference', via: 'volumes_from', text: 'db' });
    assert.deepEqual(sym('data:/var'), { kind: 'volume', name: 'data', role: 'reference', via: 'volumes', text: 'data' });
    assert.deepEqual(sym('source: logs', 0, 9), { kind: 'volume', name: 'logs', role: 'reference', via: 'volumes', text: 'logs' });
    assert.deepEqual(sym('source: api_key', 0, 9), { kind: 'secret', name: 'api_key', role: 'reference', via: 'secrets', text: 'api_key' });
    assert.deepEqual(sym('  api:', 0, 2), { kind: 'service', name: 'api', role: 'definition', via: undefined, text: 'api' });
    // Not a name: the mount target, a bind mount, the link alias.
    assert.equal(symbolAt(inp, at(inp.text, '/var/lib/data')), undefined);
    assert.equal(symbolAt(inp, at(inp.text, './src:')), undefined);
    assert.equal(symbolAt(inp, at(inp.text, 'database')), undefined);
  });

  it('lists every definition and reference of a file', () => {
    const syms = composeSymbols('services:\n  a:\n    depends_on: [b]\n  b: {}\nvolumes:\n  v: {}\n');
    assert.deepEqual(
      syms.map((s) => `${s.role} ${s.kind} ${s.name}`),
      ['definition service a', 'reference service b', 'definition service b', 'definition volume v'],
    );
  });
});

describe('compose navigation: go to definition', () => {
  it('depends_on (short and long syntax) lands on the service key', () => {
    assert.deepEqual(defs('- db'), [{ file: '/proj/compose.yaml', text: 'db' }]);
    assert.deepEqual(defs('db:\n        condition', { delta: 0 }), [{ file: '/proj/compose.yaml', text: 'db' }]);
  });

  it('links, network_mode service:, volumes_from', () => {
    assert.deepEqual(defs('"db:database"', { delta: 1 }), [{ file: '/proj/compose.yaml', text: 'db' }]);
    assert.deepEqual(defs('service:db"', { delta: 9 }), [{ file: '/proj/compose.yaml', text: 'db' }]);
    assert.deepEqual(defs('service:db:ro', { delta: 9 }), [{ file: '/proj/compose.yaml', text: 'db' }]);
    assert.deepEqual(defs('- worker'), [{ file: '/proj/compose.yaml', text: 'worker' }]);
  });

  it('a service defined only in compose.override.yaml or in an included file', () => {
    assert.deepEqual(defs('- cache'), [{ file: '/proj/compose.override.yaml', text: 'cache' }]);
    assert.deepEqual(defs('- search'), [{ file: '/proj/inc/compose.yaml', text: 'search' }]);
  });

  it('extends.service looks in the same file; with extends.file in that file', () => {
    // `api` is also in the override file, but extends without file means this file.
    assert.deepEqual(defs('service: api', { delta: 9 }), [{ file: '/proj/compose.yaml', text: 'api' }]);
    assert.deepEqual(defs('service: base', { delta: 9 }), [{ file: '/proj/common.yaml', text: 'base' }]);
  });

  it('networks (list and mapping), named volumes (short and long), secrets and configs', () => {
    assert.deepEqual(defs('- front'), [{ file: '/proj/compose.yaml', text: 'front' }]);
    assert.deepEqual(defs('back:\n        aliases', { delta: 0 }), [{ file: '/proj/compose.yaml', text: 'back' }]);
    assert.deepEqual(defs('data:/var', { delta: 0 }), [{ file: '/proj/compose.yaml', text: 'data' }]);
    assert.deepEqual(defs('source: logs', { delta: 9 }), [{ file: '/proj/compose.yaml', text: 'logs' }]);
    assert.deepEqual(defs('- db_pass'), [{ file: '/proj/compose.yaml', text: 'db_pass' }]);
    assert.deepEqual(defs('source: api_key', { delta: 9 }), [{ file: '/proj/compose.yaml', text: 'api_key' }]);
    assert.deepEqual(defs('- app_conf'), [{ file: '/proj/compose.yaml', text: 'app_conf' }]);
  });

  it('a network of an included file', () => {
    const files = { ...FILES, '/proj/compose.yaml': MAIN.replace('      - front\n', '      - front\n      - shared\n') };
    assert.deepEqual(defs('- shared', { inp: input('/proj/compose.yaml', files) }), [{ file: '/proj/inc/compose.yaml', text: 'shared' }]);
  });

  it('on a service key: the same service in the other files of the project', () => {
    assert.deepEqual(defs('  api:'), [{ file: '/proj/compose.override.yaml', text: 'api' }]);
    assert.deepEqual(defs('  api:', { inp: input('/proj/compose.override.yaml') }), [{ file: '/proj/compose.yaml', text: 'api' }]);
  });

  it('an undefined name has a symbol and no location', () => {
    const r = findDefinitions(input(), at(MAIN, '- ghost', 0, 2));
    assert.equal(r?.symbol.name, 'ghost');
    assert.deepEqual(r?.locations, []);
  });

  it('without file access (untrusted workspace) only this file is used', () => {
    const inp = input('/proj/compose.yaml', FILES, false);
    assert.deepEqual(defs('- db', { inp }), [{ file: '/proj/compose.yaml', text: 'db' }]);
    assert.deepEqual(defs('- cache', { inp }), []);
    assert.deepEqual(defs('service: base', { delta: 9, inp }), []);
  });

  it('follows COMPOSE_FILE from .env', () => {
    const files = {
      '/p/a.yaml': 'services:\n  x:\n    depends_on: [y]\n',
      '/p/b.yaml': 'services:\n  y:\n    image: busybox\n',
      '/p/.env': 'COMPOSE_FILE=a.yaml:b.yaml\n',
    };
    const inp: NavigationInput = { text: files['/p/a.yaml'], filePath: '/p/a.yaml', workspace: memoryWorkspace(files, '/p') };
    const r = findDefinitions(inp, at(inp.text, '[y]'));
    assert.deepEqual(r?.locations.map((l) => [l.file, textAt(l.file, l.range, files)]), [['/p/b.yaml', 'y']]);
  });
});

describe('compose navigation: document links', () => {
  const links = () =>
    documentLinks(input()).map((l) => ({ kind: l.kind, text: new LineIndex(MAIN).textOf(l.range), target: l.target, directory: l.directory }));

  it('links the files and folders that exist', () => {
    assert.deepEqual(links(), [
      { kind: 'include', text: './inc/compose.yaml', target: '/proj/inc/compose.yaml', directory: false },
      { kind: 'build-context', text: './api', target: '/proj/api/Dockerfile', directory: false },
      { kind: 'env-file', text: '.env.api', target: '/proj/.env.api', directory: false },
      { kind: 'bind-mount', text: './src', target: '/proj/src', directory: true },
      { kind: 'extends-file', text: './common.yaml', target: '/proj/common.yaml', directory: false },
      { kind: 'build-context', text: './web', target: '/proj/web', directory: true },
      { kind: 'dockerfile', text: 'Dockerfile.prod', target: '/proj/web/Dockerfile.prod', directory: false },
      { kind: 'secret-file', text: './secrets/db_pass.txt', target: '/proj/secrets/db_pass.txt', directory: false },
      { kind: 'config-file', text: './app.conf', target: '/proj/app.conf', directory: false },
    ]);
  });

  it('says what a link opens', () => {
    const l = documentLinks(input());
    assert.equal(l.find((x) => x.kind === 'build-context' && !x.directory)?.tooltip, 'Open api/Dockerfile (the Dockerfile built from ./api)');
    assert.equal(l.find((x) => x.kind === 'bind-mount')?.tooltip, 'Reveal src in the Explorer');
  });

  it('long-syntax bind mounts, include mappings, env_file lists and quoted paths', () => {
    const text = `include:
  - path: [./inc/compose.yaml]
    env_file: ".env"
services:
  a:
    env_file:
      - path: ./.env.api
        required: false
      - ./nope.env
    volumes:
      - type: bind
        source: ./app.conf
        target: /etc/app.conf
`;
    const files = { ...FILES, '/proj/compose.yaml': text };
    const got = documentLinks(input('/proj/compose.yaml', files)).map((l) => [l.kind, new LineIndex(text).textOf(l.range)]);
    assert.deepEqual(got, [
      ['include', './inc/compose.yaml'],
      ['env-file', '.env'],
      ['env-file', './.env.api'],
      ['bind-mount', './app.conf'],
    ]);
  });

  it('no links without file access', () => {
    assert.deepEqual(documentLinks(input('/proj/compose.yaml', FILES, false)), []);
  });
});

describe('compose navigation: service hover', () => {
  it('shows the resolved service: build, ports, environment (masked secrets), depends_on, profiles', async () => {
    const h = await serviceHover(input(), at(MAIN, '  api:', 0, 3));
    assert.ok(h);
    assert.equal(h.service, 'api');
    assert.equal(textAt('/proj/compose.yaml', h.range), 'api');
    const md = h.markdown;
    assert.ok(md.includes('**Service `api`**'), md);
    assert.ok(md.includes('Built from `api/Dockerfile` as `proj-api`'), md);
    assert.ok(md.includes('Ports `127.0.0.1:8000 → 8000/tcp`, `random port → 9000/tcp`'), md);
    assert.ok(md.includes('Depends on `db`, `cache`, `search`, `ghost`'), md);
    assert.ok(md.includes('Profiles `debug`'), md);
    // .env interpolation, env_file, the override's environment; secret-like names masked.
    assert.ok(md.includes('API_TOKEN=••••••'), md);
    assert.ok(!md.includes('abc123'), md);
    assert.ok(md.includes('SECRET_KEY=••••••'), md);
    assert.ok(md.includes('LOG=debug'), md);
    assert.ok(md.includes('MODE=prod'), md);
    assert.ok(md.includes('EXTRA=1'), md);
    assert.ok(md.includes('_Defined in compose.yaml, compose.override.yaml_'), md);
  });

  it('on a reference: the referenced service (its image, depends_on condition)', async () => {
    const db = await serviceHover(input(), at(MAIN, '- db', 0, 2));
    assert.ok(db?.markdown.includes('Image `postgres:18`'), db?.markdown);
    const worker = await serviceHover(input(), at(MAIN, '- worker', 0, 2));
    // extends applied: worker inherits api's build and ports.
    assert.ok(worker?.markdown.includes('Built from `api/Dockerfile` as `proj-worker`'), worker?.markdown);
    assert.ok(worker?.markdown.includes('Depends on `db` (healthy)'), worker?.markdown);
  });

  it('build target and dockerfile; a service of an extends.file', async () => {
    const web = await serviceHover(input(), at(MAIN, '  web:', 0, 3));
    assert.ok(web?.markdown.includes('Built from `web/Dockerfile.prod`, target `runtime` as `proj-web`'), web?.markdown);
    const base = await serviceHover(input(), at(MAIN, 'service: base', 0, 10));
    assert.ok(base?.markdown.includes('Image `alpine:3.20`'), base?.markdown);
    assert.ok(base?.markdown.includes('_Defined in common.yaml_'), base?.markdown);
  });

  it('nothing on other names or unknown services', async () => {
    assert.equal(await serviceHover(input(), at(MAIN, '- front', 0, 2)), undefined);
    assert.equal(await serviceHover(input(), at(MAIN, 'postgres')), undefined);
    assert.equal(await serviceHover(input(), at(MAIN, '- ghost', 0, 2)), undefined);
  });

  it('works on the file alone without file access', async () => {
    const h = await serviceHover(input('/proj/compose.yaml', FILES, false), at(MAIN, '  api:', 0, 3));
    // No .env: ${TOKEN} interpolates to an empty value, as compose does (with a warning).
    assert.ok(h?.markdown.includes('API_TOKEN=\n'), h?.markdown);
    assert.ok(!h?.markdown.includes('EXTRA'), h?.markdown);
  });

  it('escapes backticks and keeps values on one line', () => {
    const m = parseComposeFile('services:\n  s:\n    image: "a`b"\n    environment:\n      X: "1\\n2"\n      NPM_TOKEN: ""\n', '/p/compose.yaml').model;
    const md = describeService(m.services[0], { dir: '/p' });
    assert.ok(md.includes('Image ``a`b``'), md);
    assert.ok(md.includes('X=1\\n2'), md);
    assert.ok(md.includes('NPM_TOKEN=\n') || md.endsWith('NPM_TOKEN=\n```'), md);
  });
});

describe('compose navigation: helpers', () => {
  it('relativePath', () => {
    assert.equal(relativePath('/a/b', '/a/b/c/d'), 'c/d');
    assert.equal(relativePath('/a/b', '/a/x'), '../x');
    assert.equal(relativePath('/a/b', '/a/b'), '.');
    assert.equal(relativePath('C:/a', 'D:/b'), 'D:/b');
  });

  it('projectFilesOf: the base and override files, COMPOSE_FILE, or the file alone', () => {
    const exists = (p: string) => ['/p/compose.yaml', '/p/compose.override.yaml', '/p/other.yaml'].includes(p);
    assert.deepEqual(projectFilesOf('/p/compose.yaml', {}, exists), ['/p/compose.yaml', '/p/compose.override.yaml']);
    assert.deepEqual(projectFilesOf('/p/compose.override.yaml', {}, exists), ['/p/compose.yaml', '/p/compose.override.yaml']);
    assert.deepEqual(projectFilesOf('/p/other.yaml', {}, exists), ['/p/other.yaml']);
    assert.deepEqual(projectFilesOf('/p/other.yaml', { COMPOSE_FILE: 'compose.yaml:other.yaml' }, exists), ['/p/compose.yaml', '/p/other.yaml']);
  });
});

describe('compose features next to Docker DX and Container Tools', () => {
  const installed = (...ids: string[]) => (id: string) => ids.includes(id);
  const locs = [
    { file: '/p/compose.yaml', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } } },
    { file: '/p/compose.override.yaml', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 4 } } },
  ];
  const kinds = ['build-context', 'dockerfile', 'env-file', 'include', 'extends-file', 'secret-file', 'config-file', 'bind-mount'] as const;

  it('alone (or with Container Tools / Red Hat YAML): everything', () => {
    for (const ids of [[], ['ms-azuretools.vscode-containers'], ['ms-azuretools.vscode-docker', 'redhat.vscode-yaml']]) {
      const plan = composeFeaturePlan('auto', installed(...ids));
      assert.equal(plannedDefinitions(plan, '/p/compose.yaml', locs).length, 2);
      assert.equal(plannedLinks(plan, kinds.map((kind) => ({ kind }))).length, kinds.length);
      assert.equal(plan.serviceHover, true);
    }
  });

  it('with Docker DX: only other-file definitions, only the links DX does not make; the hover stays', () => {
    const plan = composeFeaturePlan('auto', installed('docker.docker'));
    assert.deepEqual(plannedDefinitions(plan, '/p/compose.yaml', locs), [locs[1]]);
    assert.deepEqual(
      plannedLinks(plan, kinds.map((kind) => ({ kind }))).map((l) => l.kind),
      ['build-context', 'extends-file', 'secret-file', 'config-file'],
    );
    assert.equal(plan.serviceHover, true);
    assert.deepEqual(plan.deferTo, ['docker.docker']);
  });

  it('the setting "dockyard" keeps everything even with Docker DX', () => {
    const plan = composeFeaturePlan('dockyard', installed('docker.docker'));
    assert.equal(plannedDefinitions(plan, '/p/compose.yaml', locs).length, 2);
    assert.equal(plannedLinks(plan, kinds.map((kind) => ({ kind }))).length, kinds.length);
  });
});
