import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml, toJS } from '../../../../src/compose/node';
import { compareServiceKeys, portSortKey } from '../../../../src/compose/rules/CM031';
import { applyEdits } from '../../../../src/util/text';
import { parseDocument } from 'yaml';
import { composeFindingsOf, composeRuleTests, pickComposeFix, type ComposeFixCase } from '../ruleHelpers';

const fixes: ComposeFixCase[] = [
  // services, with the comment above each one and the blank lines between them kept in place
  {
    before: 'services:\n  # the web app\n  web:\n    image: nginx:1.27\n\n  # database\n  db:\n    image: postgres:17\n\n  cache:\n    image: redis:7\n\nvolumes:\n  data: {}\n',
    after: 'services:\n  cache:\n    image: redis:7\n\n  # database\n  db:\n    image: postgres:17\n\n  # the web app\n  web:\n    image: nginx:1.27\n\nvolumes:\n  data: {}\n',
  },
  // CRLF, and a last entry at the end of the file without a line break
  {
    before: 'services:\r\n  web:\r\n    image: nginx:1.27 # pinned\r\n  api:\r\n    image: node:22\r\n    command: ["node", "server.js"]',
    after: 'services:\r\n  api:\r\n    image: node:22\r\n    command: ["node", "server.js"]\r\n  web:\r\n    image: nginx:1.27 # pinned',
  },
  // service keys in dclint's group order, a deeper comment stays with its entry
  {
    before: 'services:\n  web:\n    ports:\n      - "8080:80"\n      # TLS later\n    environment:\n      - MODE=prod\n    # the image\n    image: nginx:1.27\n    restart: always\n    x-team: web\n    build: .\n',
    after: 'services:\n  web:\n    # the image\n    image: nginx:1.27\n    build: .\n    environment:\n      - MODE=prod\n    ports:\n      - "8080:80"\n      # TLS later\n    restart: always\n    x-team: web\n',
  },
  // CRLF service keys with a block scalar
  {
    before: 'services:\r\n  job:\r\n    command: |\r\n      echo hi\r\n      echo bye\r\n    image: alpine:3.20\r\n',
    after: 'services:\r\n  job:\r\n    image: alpine:3.20\r\n    command: |\r\n      echo hi\r\n      echo bye\r\n',
  },
  // a leading merge key stays first; the alias points outside the block
  {
    before: 'x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    ports:\n      - "80:80"\n    image: nginx:1.27\n',
    after: 'x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n    ports:\n      - "80:80"\n',
  },
  // ports by published port, numerically
  {
    before: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8443:443"\n      - "127.0.0.1:8080:80"\n      - 9000\n',
    after: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "127.0.0.1:8080:80"\n      - "8443:443"\n      - 9000\n',
  },
  // long-syntax ports (multi-line items), CRLF
  {
    before: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    ports:\r\n      - target: 443\r\n        published: "8443"\r\n      # plain http\r\n      - target: 80\r\n        published: "8080"\r\n',
    after: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    ports:\r\n      # plain http\r\n      - target: 80\r\n        published: "8080"\r\n      - target: 443\r\n        published: "8443"\r\n',
  },
  // depends_on, short syntax
  {
    before: 'services:\n  app:\n    image: app:1.0\n    depends_on:\n      - redis\n      - db\n  db:\n    image: postgres:17\n  redis:\n    image: redis:7\n',
    after: 'services:\n  app:\n    image: app:1.0\n    depends_on:\n      - db\n      - redis\n  db:\n    image: postgres:17\n  redis:\n    image: redis:7\n',
  },
  // depends_on, long syntax
  {
    before: 'services:\n  app:\n    image: app:1.0\n    depends_on:\n      redis:\n        condition: service_started\n      db:\n        condition: service_healthy\n        restart: true\n  db:\n    image: postgres:17\n  redis:\n    image: redis:7\n',
    after: 'services:\n  app:\n    image: app:1.0\n    depends_on:\n      db:\n        condition: service_healthy\n        restart: true\n      redis:\n        condition: service_started\n  db:\n    image: postgres:17\n  redis:\n    image: redis:7\n',
  },
];

composeRuleTests('CM031', {
  fires: [
    { text: 'services:\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:17\n', token: 'db', message: 'service "db" should come before "web" (dclint services-alphabetical-order)', count: 1 },
    {
      text: 'services:\n  web:\n    container_name: web\n    ports:\n      - "8080:80"\n    image: nginx:1.27\n',
      token: 'image',
      message: 'service "web": "image" should come before "container_name" (dclint service-keys-order)',
      count: 1,
    },
    {
      text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8443:443"\n      - "8080:80"\n',
      token: '"8080:80"',
      message: 'service "web": port "8080:80" should come before "8443:443" (dclint service-ports-alphabetical-order)',
    },
    {
      text: 'services:\n  a:\n    image: app:1.0\n    depends_on:\n      - redis\n      - db\n  db:\n    image: postgres:17\n  redis:\n    image: redis:7\n',
      token: 'db',
      message: 'service "a": depends_on "db" should come before "redis" (dclint service-dependencies-alphabetical-order)',
    },
    // unknown keys go after the grouped ones, alphabetically
    { text: 'services:\n  web:\n    image: nginx:1.27\n    x-b: 1\n    x-a: 2\n', token: 'x-a', message: '"x-a" should come before "x-b"' },
    { text: 'services:\n  web:\n    image: nginx:1.27\n    user: "1000"\n    labels:\n      a: b\n', token: 'labels', message: '"labels" should come before "user"' },
    // flow style: reported, no fix
    { text: 'services:\n  web: { ports: ["80:80"], image: nginx }\n', token: 'image', count: 1 },
    // numeric port order: 9000 after 8080
    { text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "9000:9000"\n      - "8080:80"\n', token: '"8080:80"' },
  ],
  silent: [
    'services:\n  db:\n    image: postgres:17\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n',
    // 80 < 443 < 8080 numerically (not as text), and the container port counts only when nothing is published
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n      - "127.0.0.1:443:443"\n      - "8080:8080"\n      - 9000\n',
    // an interpolated port is only known at run time
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${WEB_PORT:-8080}:80"\n      - "443:443"\n',
    // keys in dclint's order, with keys it does not know at the end
    'services:\n  db:\n    image: postgres:17\n  web:\n    image: nginx:1.27\n    build: .\n    container_name: web\n    depends_on:\n      - db\n    volumes:\n      - data:/data\n    environment:\n      A: b\n    ports:\n      - "80:80"\n    command: ["nginx"]\n    restart: always\n    healthcheck:\n      test: ["CMD", "true"]\n    labels:\n      a: b\n    user: "1000"\n    cap_drop: [ALL]\n    x-team: web\n',
    // a mapping that is not services is left alone
    'x-vars:\n  z: 1\n  a: 2\nservices:\n  app:\n    image: app:1.0\n    environment:\n      Z: 1\n      A: 2\n',
    // same published port, different protocols
    'services:\n  dns:\n    image: coredns/coredns:1.11.1\n    ports:\n      - "53:53/udp"\n      - "53:53/tcp"\n',
  ],
  fixes,
});

/** The data a compose file holds; mappings compare without order, and so do ports and depends_on lists. */
function data(text: string): unknown {
  const parsed = parseYaml(text, '/x.yaml');
  assert.deepEqual(parsed.problems.filter((p) => p.severity === 'error'), []);
  const js = toJS(parsed.root) as { services?: Record<string, Record<string, unknown>> };
  for (const svc of Object.values(js.services ?? {})) {
    if (!svc || typeof svc !== 'object') continue;
    for (const k of ['ports', 'depends_on']) {
      const v = svc[k];
      if (Array.isArray(v)) svc[k] = [...v].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
  }
  return js;
}

describe('CM031 fixes keep the data', () => {
  for (const [i, c] of fixes.entries()) {
    it(`fix #${i + 1} parses to the same data`, () => {
      const fs = composeFindingsOf('CM031', c.before);
      const out = applyEdits(c.before, pickComposeFix(fs[0], c.title).edits);
      assert.deepStrictEqual(data(out), data(c.before));
    });
  }
});

describe('CM031 fixes apply until nothing is left', () => {
  const messy =
    'services:\n  web:\n    ports:\n      - "8443:443"\n      - "8080:80"\n    depends_on:\n      - redis\n      - db\n    image: nginx:1.27\n  redis:\n    restart: always\n    image: redis:7\n  db:\n    image: postgres:17\n';
  it('sorts everything in a few passes', () => {
    let text = messy;
    for (let pass = 0; pass < 10; pass++) {
      const fs = composeFindingsOf('CM031', text);
      if (!fs.length) break;
      text = applyEdits(
        text,
        fs.flatMap((f) => pickComposeFix(f).edits),
      );
    }
    assert.equal(composeFindingsOf('CM031', text).length, 0);
    assert.deepStrictEqual(data(text), data(messy));
    assert.equal(
      text,
      'services:\n  db:\n    image: postgres:17\n  redis:\n    image: redis:7\n    restart: always\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n      - redis\n    ports:\n      - "8080:80"\n      - "8443:443"\n',
    );
  });
});

describe('CM031 gives no fix when it cannot move lines safely', () => {
  const noFix = [
    // flow mapping
    'services:\n  web: { ports: ["80:80"], image: nginx }\n',
    // flow sequence
    'services:\n  web:\n    image: nginx:1.27\n    ports: ["443:443", "80:80"]\n',
    // an anchor inside the block: an alias after it could end up above it
    'services:\n  web:\n    image: nginx:1.27\n    environment: &env\n      A: b\n  api:\n    image: node:22\n    environment: *env\n',
    // a merge key that is not first
    'services:\n  web:\n    ports:\n      - "80:80"\n    <<: *base\n    image: nginx:1.27\n'.replace('services:', 'x-base: &base\n  restart: always\nservices:'),
    // a comment that belongs to no entry
    'services:\n  web:\n    image: nginx:1.27\n  # ---- data ----\n\n  db:\n    image: postgres:17\n',
    // a keep-chomping block scalar
    'services:\n  web:\n    command: |+\n      run\n\n    image: nginx:1.27\n',
  ];
  for (const [i, text] of noFix.entries()) {
    it(`case #${i + 1}`, () => {
      const fs = composeFindingsOf('CM031', text);
      assert.ok(fs.length > 0, `should fire on:\n${text}`);
      assert.deepEqual(
        fs.map((f) => f.fixes.length),
        fs.map(() => 0),
      );
    });
  }
});

describe('CM031 orders', () => {
  it('follows dclint service-keys-order groups', () => {
    const keys = ['labels', 'image', 'x-z', 'depends_on', 'user', 'ports', 'build', 'cap_add', 'env_file', 'environment', 'volumes'];
    assert.deepEqual([...keys].sort(compareServiceKeys), [
      'image',
      'build',
      'depends_on',
      'volumes',
      'environment',
      'env_file',
      'ports',
      'labels',
      'user',
      'cap_add',
      'x-z',
    ]);
  });
  it('sorts ports by their published port', () => {
    const items = (parseDocument('- "127.0.0.1:8080:80"\n- "[::1]:53:53/udp"\n- 9000\n- "3000-3005:3000-3005"\n- {target: 80, published: "81"}\n').contents as { items: unknown[] }).items;
    assert.deepEqual(items.map(portSortKey), ['8080', '53', '9000', '3000-3005', '81']);
  });
});
