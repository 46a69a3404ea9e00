import assert from 'node:assert/strict';
import { it } from 'node:test';
import { dotenvLine, isSecretKey } from '../../../../src/compose/rules/CM022';
import { applyEdits } from '../../../../src/util/text';
import { composeFindingsOf, composeRuleTests, pickComposeFix, projectFiles } from '../ruleHelpers';

const pg = 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: example\n';
const list = 'services:\n  api:\n    image: acme/api:1.0\n    environment:\n      - NODE_ENV=production\n      - "JWT_SECRET=9f8e7d6c5b4a"\n';

composeRuleTests('CM022', {
  fires: [
    { text: pg, token: 'example', message: 'service "db": POSTGRES_PASSWORD is set to a literal value' },
    { text: list, token: '9f8e7d6c5b4a', message: 'JWT_SECRET' },
    { text: 'services:\n  app:\n    image: acme/app:1\n    environment:\n      AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG"\n      DB_PASS: hunter2\n', token: 'wJalrXUtnFEMI/K7MDENG', count: 2 },
    { text: 'services:\n  app:\n    image: acme/app:1\n    environment: { GITHUB_TOKEN: ghp_abc123 }\n', token: 'ghp_abc123' },
    { text: 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      - MYSQL_ROOT_PASSWORD=pa$$word\n', token: 'pa$$word' },
  ],
  silent: [
    'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n',
    'services:\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      MYSQL_RANDOM_ROOT_PASSWORD: 1\n      MYSQL_PASSWORD: ""\n      REDIS_PASSWORD:\n',
    'services:\n  app:\n    image: acme/app:1\n    environment:\n      - SECRET_KEY_PATH=/etc/app/key\n      - PASSWORD_MIN_LENGTH=12\n      - DB_USER=app\n      - API_TOKEN\n',
    'services:\n  app:\n    image: acme/app:1\n    environment:\n      GPG_KEY: 0x4B7D3C1A\n      TOKEN_URL: https://auth.example.com/token\n      API_KEY: ${API_KEY:-}\n',
    'services:\n  registry:\n    image: registry:2.8\n    environment:\n      - REGISTRY_AUTH=htpasswd\n  grafana:\n    image: grafana/grafana:11.2.0\n    environment:\n      GF_AUTH_ANONYMOUS_ORG_ROLE: Admin\n',
    'services:\n  app:\n    image: acme/app:1\n    labels:\n      db.password: example\n    build:\n      args:\n        NPM_TOKEN: abc\n',
  ],
  fixes: [
    // no file access: the value becomes a variable the user sets
    { before: pg, after: pg.replace('POSTGRES_PASSWORD: example', 'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}') },
    { before: list.replace(/\n/g, '\r\n'), after: list.replace('9f8e7d6c5b4a', '${JWT_SECRET}').replace(/\n/g, '\r\n') },
    {
      before: 'services:\n  app:\n    image: acme/app:1\n    environment: { GITHUB_TOKEN: ghp_abc123 }\n',
      after: 'services:\n  app:\n    image: acme/app:1\n    environment: { GITHUB_TOKEN: "${GITHUB_TOKEN}" }\n',
    },
    // .env already holds the same value
    {
      before: pg,
      opts: projectFiles({ '/proj/compose.yaml': pg, '/proj/.env': 'POSTGRES_PASSWORD=example\n' }),
      after: pg.replace('POSTGRES_PASSWORD: example', 'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}'),
    },
  ],
});

it('CM022 moves the value to a new .env', () => {
  const opts = projectFiles({ '/proj/compose.yaml': pg });
  const [f] = composeFindingsOf('CM022', pg, opts);
  const fix = pickComposeFix(f);
  assert.equal(fix.preferred, true);
  assert.equal(applyEdits(pg, fix.edits), pg.replace('POSTGRES_PASSWORD: example', 'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}'));
  assert.deepEqual(fix.files, [{ path: '/proj/.env', create: 'POSTGRES_PASSWORD=example\n' }]);
});

it('CM022 appends to an existing .env, keeping its line endings', () => {
  const env = 'COMPOSE_PROJECT_NAME=shop\r\nTZ=UTC';
  const opts = projectFiles({ '/proj/compose.yaml': list, '/proj/.env': env });
  const [f] = composeFindingsOf('CM022', list, opts);
  const change = pickComposeFix(f).files![0];
  assert.equal(change.path, '/proj/.env');
  assert.equal(applyEdits(env, change.edits!), 'COMPOSE_PROJECT_NAME=shop\r\nTZ=UTC\r\nJWT_SECRET=9f8e7d6c5b4a\r\n');
});

it('CM022 offers no fix when .env sets the key to another value', () => {
  const opts = projectFiles({ '/proj/compose.yaml': pg, '/proj/.env': 'POSTGRES_PASSWORD=other\n' });
  const [f] = composeFindingsOf('CM022', pg, opts);
  assert.deepEqual(f.fixes, []);
});

it('CM022 writes .env values compose reads back unchanged', () => {
  assert.equal(dotenvLine('A', 'hunter2'), 'A=hunter2');
  assert.equal(dotenvLine('A', 'pa$word #1'), "A='pa$word #1'");
  assert.equal(dotenvLine('A', "it's"), undefined);
});

it('CM022 knows secret-like keys', () => {
  for (const k of ['POSTGRES_PASSWORD', 'DB_PASS', 'AWS_SECRET_ACCESS_KEY', 'MINIO_ACCESS_KEY', 'GITHUB_TOKEN', 'apiKey', 'JWT_SECRET', 'PRIVATE_KEY', 'GOOGLE_CREDENTIALS']) {
    assert.ok(isSecretKey(k), k);
  }
  for (const k of ['POSTGRES_PASSWORD_FILE', 'SECRET_KEY_PATH', 'PASSWORD_MIN_LENGTH', 'REGISTRY_AUTH', 'GF_AUTH_ANONYMOUS_ORG_ROLE', 'GPG_KEY', 'DB_USER', 'TOKEN_URL']) {
    assert.ok(!isSecretKey(k), k);
  }
});
