import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFirstFix, fakeWorkspace, findingsOf, ruleTests } from '../helpers';

const FASTAPI = `FROM python:3.12-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1
COPY . .
# install the dependencies
RUN pip install --no-cache-dir --upgrade pip \\
    && pip install --no-cache-dir -r requirements.txt
EXPOSE 8000
CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]
`;
const FASTAPI_FIXED = `FROM python:3.12-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1
COPY requirements.txt ./
# install the dependencies
RUN pip install --no-cache-dir --upgrade pip \\
    && pip install --no-cache-dir -r requirements.txt
COPY . .
EXPOSE 8000
CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]
`;

const EXPRESS = `FROM node:20-alpine
WORKDIR /usr/src/app
COPY --chown=node:node . .
RUN npm ci --omit=dev
USER node
EXPOSE 3000
CMD ["node", "server.js"]
`;

const GO = `FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN go mod download && \\
    CGO_ENABLED=0 go build -o /out/app ./cmd/server

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`;

const NEXT = `FROM node:20-alpine
WORKDIR /app
COPY . .
RUN if [ -f yarn.lock ]; then yarn --frozen-lockfile; \\
    elif [ -f package-lock.json ]; then npm ci; \\
    else echo "no lockfile" && exit 1; fi
RUN npm run build
`;

ruleTests('DF122', {
  fires: [
    { text: FASTAPI, token: 'pip install', message: '"pip install" runs after COPY . ., so every code change reinstalls all dependencies: install from requirements.txt' },
    { text: EXPRESS, token: 'npm ci', count: 1 },
    { text: GO, token: 'go mod download', message: 'go.mod and go.sum' },
    { text: NEXT, token: 'yarn', count: 1 },
    { text: 'FROM ruby:3.3\nWORKDIR /app\nADD . /app\nRUN bundle install --jobs 4\nCMD ["rails", "server"]\n', token: 'bundle install' },
    { text: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --locked\n', token: 'uv sync' },
    { text: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN python -m pip install -r requirements/prod.txt\n', token: 'python -m pip install' },
    { text: 'FROM composer:2\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev --optimize-autoloader\n', token: 'composer install' },
  ],
  silent: [
    'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements/ requirements/\nCOPY . .\nRUN pip install -r requirements/prod.txt\n',
    'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm install -g serve && npm install express\n',
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\n',
    'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build ./...\n',
    'FROM node:20-alpine\nWORKDIR /app\nCOPY src ./src\nRUN npm ci\n',
    'FROM python:3.12-slim\nWORKDIR /app\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/r.txt pip install -r /tmp/r.txt\nCOPY . .\n',
  ],
  fixes: [
    { before: FASTAPI, after: FASTAPI_FIXED },
    {
      before: EXPRESS,
      after: `FROM node:20-alpine
WORKDIR /usr/src/app
COPY --chown=node:node package*.json ./
RUN npm ci --omit=dev
COPY --chown=node:node . .
USER node
EXPOSE 3000
CMD ["node", "server.js"]
`,
    },
    {
      before: GO,
      after: `FROM golang:1.22 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app ./cmd/server

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
ENTRYPOINT ["/app"]
`,
    },
    {
      // poetry installs the project too: install only the dependencies early, keep the full install after the copy
      before: 'FROM python:3.12-slim\r\nWORKDIR /app\r\nRUN pip install poetry==1.8.3\r\nCOPY . .\r\nRUN poetry config virtualenvs.create false && poetry install --only main\r\n',
      after:
        'FROM python:3.12-slim\r\nWORKDIR /app\r\nRUN pip install poetry==1.8.3\r\nCOPY pyproject.toml poetry.lock ./\r\nRUN poetry config virtualenvs.create false && poetry install --no-root --only main\r\nCOPY . .\r\nRUN poetry config virtualenvs.create false && poetry install --only main\r\n',
    },
    {
      before: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/\nWORKDIR /app\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n',
      after:
        'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --no-install-project --locked\nCOPY . .\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n',
    },
    {
      before: 'FROM ruby:3.3\nWORKDIR /app\nADD . /app\nRUN bundle install --jobs 4\nCMD ["rails", "server"]\n',
      after: 'FROM ruby:3.3\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install --jobs 4\nADD . /app\nCMD ["rails", "server"]\n',
    },
    {
      before: 'FROM composer:2\nWORKDIR /app\nCOPY . .\nRUN composer install --no-dev --optimize-autoloader\n',
      after:
        'FROM composer:2\nWORKDIR /app\nCOPY composer.json composer.lock ./\nRUN composer install --no-scripts --no-autoloader --no-dev --optimize-autoloader\nCOPY . .\nRUN composer install --no-dev --optimize-autoloader\n',
    },
  ],
});

describe('DF122 with the build context', () => {
  const ws = (files: Record<string, string>) => ({ workspace: fakeWorkspace(files), filePath: '/ctx/Dockerfile' });

  it('copies exactly the manifest files that exist (and .npmrc)', () => {
    const out = applyFirstFix('DF122', EXPRESS, undefined, ws({ '/ctx/package.json': '{}', '/ctx/package-lock.json': '{}', '/ctx/.npmrc': 'x' }));
    assert.ok(out.includes('COPY --chown=node:node package.json package-lock.json .npmrc ./\nRUN npm ci --omit=dev\nCOPY --chown=node:node . .\n'), out);
  });

  it('moves a `cd dir && install` RUN whole, copying the manifests of that directory', () => {
    const text = 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN cd web && npm ci\nRUN cd web && npm run build\n';
    assert.equal(
      applyFirstFix('DF122', text),
      'FROM node:20\nWORKDIR /app\nCOPY web/package*.json web/\nRUN cd web && npm ci\nCOPY . .\nRUN cd web && npm run build\n',
    );
  });

  it('leaves out a go.sum that does not exist', () => {
    const out = applyFirstFix('DF122', GO, undefined, ws({ '/ctx/go.mod': 'module x' }));
    assert.ok(out.includes('WORKDIR /src\nCOPY go.mod ./\nRUN go mod download\nCOPY . .\n'), out);
  });

  it('follows -r includes of requirements files, and gives up on -e .', () => {
    const text = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements/prod.txt\n';
    const out = applyFirstFix('DF122', text, undefined, ws({ '/ctx/requirements/prod.txt': '-r base.txt\ngunicorn\n', '/ctx/requirements/base.txt': 'django\n' }));
    assert.equal(out, 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements/prod.txt requirements/base.txt requirements/\nRUN pip install -r requirements/prod.txt\nCOPY . .\n');
    const fs = findingsOf('DF122', text, ws({ '/ctx/requirements/prod.txt': '-e .\n' }));
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0].fixes, []);
  });

  it('gives no fix for npm workspaces, or when the install depends on an ENV set after the copy', () => {
    const f1 = findingsOf('DF122', EXPRESS, ws({ '/ctx/package.json': '{"workspaces": ["packages/*"]}' }));
    assert.deepEqual(f1[0].fixes, []);
    const f2 = findingsOf('DF122', 'FROM node:20\nWORKDIR /app\nCOPY . .\nENV NODE_ENV=production\nRUN npm ci\n');
    assert.deepEqual(f2[0].fixes, []);
    const f3 = findingsOf('DF122', NEXT);
    assert.ok(f3.every((f) => f.fixes.length === 0));
  });
});
