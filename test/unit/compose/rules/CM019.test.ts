import { composeRuleTests, projectFiles } from '../ruleHelpers';

const waits = (target: string): string => `  web:\n    image: nginx:1.27\n    depends_on:\n      ${target}:\n        condition: service_healthy\n`;

composeRuleTests('CM019', {
  fires: [
    { text: `services:\n${waits('db')}  db:\n    image: postgres:17\n`, token: 'db', message: 'its image postgres:17 is a Docker Official Image, which defines none' },
    { text: `services:\n${waits('db')}  db:\n    image: docker.io/library/mariadb:11\n`, token: 'db' },
    { text: `services:\n${waits('cache')}  cache:\n    image: redis:7\n    healthcheck:\n      disable: true\n`, token: 'cache', message: 'disabled' },
    { text: `services:\n${waits('cache')}  cache:\n    image: redis:7\n    healthcheck:\n      test: ["NONE"]\n`, token: 'cache' },
    {
      // built locally: the Dockerfile has no HEALTHCHECK.
      text: `services:\n${waits('api')}  api:\n    build: ./api\n`,
      token: 'api',
      message: 'its base image python:3.12-slim is a Docker Official Image',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/api/Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' }),
    },
    {
      // the healthcheck is in a stage other than the target.
      text: `services:\n${waits('api')}  api:\n    build:\n      context: .\n      target: runtime\n`,
      token: 'api',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/Dockerfile': 'FROM golang:1.23 AS build\nHEALTHCHECK CMD true\nRUN go build\nFROM scratch AS runtime\nCOPY --from=build /app /app\n' }),
    },
  ],
  silent: [
    `services:\n${waits('db')}  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n`,
    // the healthcheck is in the base file of the project.
    {
      text: `services:\n${waits('db')}`,
      opts: projectFiles({ '/proj/compose.yaml': 'services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: pg_isready\n' }, '/proj/compose.dev.yaml'),
    },
    // from the service it extends.
    `services:\n${waits('db')}  base-db:\n    image: postgres:17\n    healthcheck:\n      test: pg_isready\n  db:\n    extends: base-db\n`,
    // the Dockerfile it is built from has a HEALTHCHECK (through the stage it builds on, with a continuation).
    {
      text: `services:\n${waits('api')}  api:\n    build: ./api\n`,
      opts: projectFiles({
        '/proj/compose.yaml': '',
        '/proj/api/Dockerfile': 'FROM node:22 AS base\nHEALTHCHECK --interval=5s \\\n  CMD curl -f http://localhost/ || exit 1\nFROM base\nCMD ["node", "s.js"]\n',
      }),
    },
    // a Dockerfile that cannot be read: unknown.
    `services:\n${waits('api')}  api:\n    build: ./api\n`,
    // only the timing is set: the image's own test is kept.
    `services:\n${waits('db')}  db:\n    image: postgres:17\n    healthcheck:\n      interval: 5s\n`,
    // an image that is not an official image may define its own HEALTHCHECK.
    `services:\n${waits('dns')}  dns:\n    image: ghcr.io/mailcow/unbound:1.23\n`,
    `services:\n${waits('db')}  db:\n    image: bitnami/postgresql:17\n`,
    // built on a base image that is not an official image.
    {
      text: `services:\n${waits('api')}  api:\n    build: ./api\n`,
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/api/Dockerfile': 'FROM ghcr.io/acme/base:1\nCOPY . /app\n' }),
    },
    // service_started on a service with no healthcheck.
    'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_started\n  db:\n    image: postgres:17\n',
  ],
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isOfficialImage } from '../../../../src/compose/rules/CM019';

describe('CM019 isOfficialImage', () => {
  it('knows Docker Official Images by their reference', () => {
    for (const i of ['postgres', 'postgres:17', 'library/redis:7', 'docker.io/nginx:1.27', 'docker.io/library/mariadb@sha256:abc', 'index.docker.io/python:3.12-slim']) assert.ok(isOfficialImage(i), i);
    for (const i of ['bitnami/postgresql:17', 'ghcr.io/mailcow/unbound', 'localhost:5000/app', 'quay.io/keycloak/keycloak', 'registry:5000/x', 'docker.io/grafana/grafana', '${IMAGE}']) assert.ok(!isOfficialImage(i), i);
  });
});
