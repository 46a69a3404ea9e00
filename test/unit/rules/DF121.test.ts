import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, ruleTests } from '../helpers';

const FASTAPI = `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
USER 1000
HEALTHCHECK --interval=30s --timeout=5s CMD curl -f http://localhost:8000/health || exit 1
CMD ["uvicorn", "main:app", "--host", "0.0.0.0"]
`;

ruleTests('DF121', {
  fires: [
    { text: FASTAPI, token: 'curl', message: 'HEALTHCHECK runs "curl", which is not in python:3.12-slim' },
    { text: 'FROM node:22-alpine\nWORKDIR /app\nHEALTHCHECK CMD curl --fail --silent "http://localhost:${PORT}/healthz"\n', token: 'curl' },
    { text: 'FROM node:22-slim AS base\nFROM base\nHEALTHCHECK CMD wget -qO- http://localhost:3000/ || exit 1\n', token: 'wget', message: 'node:22-slim' },
    { text: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/healthz"]\n', token: '"curl"' },
    { text: 'FROM gcr.io/distroless/python3-debian12\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n', token: 'curl' },
    {
      text: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps curl gcc musl-dev \\\n && pip install uwsgi \\\n && apk del .build-deps\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
      message: 'a RUN removes again',
    },
    { text: 'ARG PY=3.12\nFROM python:${PY}-slim\nHEALTHCHECK CMD curl -f localhost:8000\n', token: 'curl' },
  ],
  silent: [
    'FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n',
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n',
    'FROM node:22-alpine\nHEALTHCHECK CMD wget -q --spider http://localhost:3000/ || exit 1\n',
    'FROM python:3.12-slim AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nHEALTHCHECK CMD curl -f http://localhost/\n',
    'FROM nginx:1.27-alpine\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    'FROM alpine:3.20\nRUN apk add --no-cache $PACKAGES\nHEALTHCHECK CMD curl -f http://localhost/\n',
    'FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\nHEALTHCHECK CMD curl -f http://localhost/\n',
    'FROM python:3.12-slim\nCOPY --from=curlimages/curl:8.8.0 /usr/bin/curl /usr/local/bin/curl\nHEALTHCHECK CMD curl -f http://localhost/\n',
    'FROM python:3.12-slim\nHEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen(\'http://localhost:8000\')"\n',
  ],
  fixes: [
    {
      before: FASTAPI,
      after: FASTAPI.replace(
        'CMD curl -f http://localhost:8000/health || exit 1',
        'CMD python3 -c "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')" || exit 1',
      ),
    },
    {
      title: 'Install curl (apt-get install)',
      before: FASTAPI,
      after: FASTAPI.replace('USER 1000\n', 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nUSER 1000\n'),
    },
    {
      before: 'FROM node:22-alpine\nHEALTHCHECK CMD curl --fail --silent --max-time 3 "http://localhost:${PORT}/healthz"\n',
      after: 'FROM node:22-alpine\nHEALTHCHECK CMD wget -q -T 3 -O /dev/null "http://localhost:${PORT}/healthz" || exit 1\n',
    },
    {
      title: 'Install curl (apk add)',
      before: 'FROM node:22-alpine\r\nHEALTHCHECK CMD curl -f http://localhost:3000/\r\n',
      after: 'FROM node:22-alpine\r\nRUN apk add --no-cache curl\r\nHEALTHCHECK CMD curl -f http://localhost:3000/\r\n',
    },
    {
      before: 'FROM node:22-slim\nHEALTHCHECK --interval=10s \\\n  CMD wget -qO- https://localhost:3000/health || exit 1\n',
      after:
        'FROM node:22-slim\nHEALTHCHECK --interval=10s \\\n  CMD node -e "require(\'https\').get(\'https://localhost:3000/health\', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on(\'error\', () => process.exit(1))" || exit 1\n',
    },
    {
      // the continuation line and `|| exit 1` stay as they are
      before: 'FROM python:3.12-alpine\nHEALTHCHECK --interval=30s CMD curl -fs http://localhost:8000/ \\\n    || exit 1\n',
      after: 'FROM python:3.12-alpine\nHEALTHCHECK --interval=30s CMD wget -q -O /dev/null http://localhost:8000/ \\\n    || exit 1\n',
    },
    {
      before: 'FROM gcr.io/distroless/python3-debian12\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\n',
      after: 'FROM gcr.io/distroless/python3-debian12\nHEALTHCHECK CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/\')"]\n',
    },
    {
      before: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/healthz"]\n',
      after: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD ["curl", "-f", "http://localhost:8080/healthz"]\n',
    },
  ],
});

describe('DF121 fix limits', () => {
  it('offers no tool switch when curl does more than a GET (headers), only the install', () => {
    const fs = findingsOf('DF121', 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -f -H "Host: api" http://localhost/ || exit 1\n');
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0].fixes.map((f) => f.title), ['Install curl (apt-get install)']);
  });
  it('offers nothing on scratch, and no install after a non-root USER of a parent stage', () => {
    assert.deepEqual(findingsOf('DF121', 'FROM gcr.io/distroless/static\nHEALTHCHECK CMD ["wget", "-H", "x", "http://x/"]\n')[0].fixes, []);
    const fs = findingsOf('DF121', 'FROM debian:12 AS base\nUSER app\nFROM base\nHEALTHCHECK CMD curl -f http://localhost/\n');
    assert.deepEqual(fs[0].fixes, []);
  });
});
