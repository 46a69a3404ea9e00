import assert from 'node:assert/strict';
import { it } from 'node:test';
import { imageTagKind } from '../../../../src/compose/rules/CM018';
import { composeRuleTests, projectFiles } from '../ruleHelpers';

const withEnv = (compose: string, env: string) => projectFiles({ '/proj/compose.yaml': compose, '/proj/.env': env });
const dflt = 'services:\n  app:\n    image: acme/app:${TAG:-latest}\n';
const v = 'services:\n  api:\n    image: ghcr.io/acme/api:${API_TAG}\n';

composeRuleTests('CM018', {
  fires: [
    { text: 'services:\n  cache:\n    image: redis\n', token: 'redis', message: 'service "cache": image redis has no tag' },
    { text: 'services:\n  web:\n    image: "nginx:latest"\n', token: 'nginx:latest', message: 'latest tag' },
    { text: 'services:\n  app:\n    image: localhost:5000/team/app\n', token: 'localhost:5000/team/app', message: 'no tag' },
    { text: dflt, opts: withEnv(dflt, 'OTHER=1\n'), token: 'acme/app:${TAG:-latest}', message: '(acme/app:latest)' },
    { text: v, opts: withEnv(v, 'API_TAG=latest\n'), token: 'ghcr.io/acme/api:${API_TAG}' },
  ],
  silent: [
    'services:\n  web:\n    image: nginx:1.27-alpine\n  db:\n    image: postgres@sha256:4ec37d2a07a0067f176fdcc9d4bb633a5724d2cc4f892c7a2046d054bb6939e5\n',
    'services:\n  app:\n    image: localhost:5000/team/app:2.3.1\n  web:\n    image: nginx:latest@sha256:4ec37d2a07a0067f176fdcc9d4bb633a5724d2cc4f892c7a2046d054bb6939e5\n',
    'services:\n  app:\n    build: .\n    image: acme/app\n',
    v,
    // without file access .env may set TAG
    dflt,
    'services:\n  app:\n    image: ${IMAGE}\n  web:\n    image: acme/web:${TAG:-1.2}\n',
    {
      text: 'services:\n  app:\n    image: acme/app\n',
      opts: projectFiles({ '/proj/compose.yaml': 'services:\n  app:\n    image: acme/app\n', '/proj/compose.override.yaml': 'services:\n  app:\n    build: .\n' }),
    },
  ],
});

it('CM018 reads image references', () => {
  assert.equal(imageTagKind('nginx'), 'none');
  assert.equal(imageTagKind('nginx:latest'), 'latest');
  assert.equal(imageTagKind('docker.io/library/nginx:1.27'), 'ok');
  assert.equal(imageTagKind('localhost:5000/app'), 'none');
  assert.equal(imageTagKind('localhost:5000/app:1'), 'ok');
  assert.equal(imageTagKind('app@sha256:abc'), 'ok');
  assert.equal(imageTagKind('app:'), 'invalid');
  assert.equal(imageTagKind(''), 'invalid');
});
