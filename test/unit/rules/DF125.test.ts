import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeWorkspace, findingsOf, pickFix, ruleTests } from '../helpers';
import { applyEdits } from '../../../src/util/text';
import type { WorkspaceAccess } from '../../../src/dockerfile/types';

const ENTRY = '#!/bin/sh\nset -e\npython manage.py migrate --noinput\ngunicorn app.wsgi:application --bind 0.0.0.0:8000\n';
const DJANGO = `FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
COPY docker/entrypoint.sh /usr/local/bin/
RUN chmod +x /usr/local/bin/entrypoint.sh
ENTRYPOINT ["entrypoint.sh"]
`;
const djangoWs = (script = ENTRY): WorkspaceAccess =>
  fakeWorkspace({ '/ctx/requirements.txt': 'django\n', '/ctx/docker/entrypoint.sh': script, '/ctx/manage.py': '' });
const ws = (w: WorkspaceAccess) => ({ workspace: w, filePath: '/ctx/Dockerfile' });

const NODE = 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["./start.sh"]\n';
const nodeWs = (script: string) => fakeWorkspace({ '/ctx/package.json': '{}', '/ctx/start.sh': script });

ruleTests('DF125', {
  fires: [
    { text: DJANGO, token: '"entrypoint.sh"', message: '"entrypoint.sh" runs its last command "gunicorn" without exec', opts: ws(djangoWs()) },
    { text: NODE, token: '"./start.sh"', message: '"node"', opts: ws(nodeWs('#!/usr/bin/env bash\nnpx prisma migrate deploy\nnode dist/server.js\n')) },
    {
      text: 'FROM postgres:16\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["postgres"]\n',
      token: '"/docker-entrypoint.sh"',
      message: '"$@"',
      opts: ws(fakeWorkspace({ '/ctx/docker-entrypoint.sh': '#!/bin/bash\nset -euo pipefail\nif [ "$1" = postgres ]; then\n  init_db\nfi\n"$@"\n' })),
    },
    {
      text: 'FROM alpine:3.20\nWORKDIR /srv\nCOPY scripts/ ./scripts/\nENTRYPOINT ["/sbin/tini", "--", "sh", "scripts/run.sh"]\n',
      token: '"scripts/run.sh"',
      opts: ws(fakeWorkspace({ '/ctx/scripts/run.sh': 'cd /srv\n./server --port 80\n' })),
    },
    {
      text: 'FROM ruby:3.3\nWORKDIR /rails\nCOPY bin/ bin/\nENTRYPOINT /rails/bin/docker-entrypoint\n',
      token: '/rails/bin/docker-entrypoint',
      opts: ws(fakeWorkspace({ '/ctx/bin/docker-entrypoint': '#!/bin/bash -e\nbundle exec rails db:prepare\nbundle exec rails server -b 0.0.0.0\n' })),
    },
  ],
  silent: [
    { text: DJANGO, opts: { filePath: '/ctx/Dockerfile' } },
    { text: DJANGO, opts: ws(djangoWs('#!/bin/sh\nset -e\npython manage.py migrate\nexec gunicorn app.wsgi:application\n')) },
    { text: DJANGO, opts: ws(djangoWs('#!/bin/sh\ncase "$1" in\n  web) exec gunicorn app ;;\n  *) exec "$@" ;;\nesac\n')) },
    { text: DJANGO, opts: ws(djangoWs('#!/bin/sh\nnginx &\ngunicorn app &\nwait -n\n')) },
    { text: DJANGO, opts: ws(djangoWs('#!/usr/bin/env python3\nimport os\nos.execvp("gunicorn", ["gunicorn"])\n')) },
    { text: DJANGO, opts: ws(djangoWs('#!/bin/sh\nmain() {\n  exec gunicorn app\n}\nmain "$@"\n')) },
    { text: 'FROM alpine\nCOPY --from=builder /entrypoint.sh /\nENTRYPOINT ["/entrypoint.sh"]\n', opts: ws(fakeWorkspace({ '/ctx/entrypoint.sh': '#!/bin/sh\nserver\n' })) },
    { text: 'FROM alpine\nCOPY entrypoint.sh /\nENTRYPOINT ["sh", "-c", "/entrypoint.sh"]\n', opts: ws(fakeWorkspace({ '/ctx/entrypoint.sh': '#!/bin/sh\nserver\n' })) },
  ],
});

describe('DF125 fix edits the script', () => {
  const apply = (text: string, w: WorkspaceAccess): { path: string; out: string } => {
    const fs = findingsOf('DF125', text, { workspace: w, filePath: '/ctx/Dockerfile' });
    assert.equal(fs.length, 1);
    const fix = pickFix(fs[0]);
    assert.deepEqual(fix.edits, []);
    assert.equal(fix.files?.length, 1);
    const change = fix.files![0];
    assert.equal(change.create, undefined);
    const before = w.readFile(change.path)!;
    return { path: change.path, out: applyEdits(before, change.edits ?? []) };
  };

  it('prefixes the last command with exec (COPY into a PATH directory)', () => {
    const r = apply(DJANGO, djangoWs());
    assert.equal(r.path, '/ctx/docker/entrypoint.sh');
    assert.equal(r.out, '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec gunicorn app.wsgi:application --bind 0.0.0.0:8000\n');
    // and the rule is then silent on the edited script
    assert.equal(findingsOf('DF125', DJANGO, ws(djangoWs(r.out))).length, 0);
  });

  it('keeps CRLF and indentation, and handles "$@" and `cd && cmd`', () => {
    const r1 = apply(
      'FROM postgres:16\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\n',
      fakeWorkspace({ '/ctx/docker-entrypoint.sh': '#!/bin/bash\r\nset -e\r\n  "$@"\r\n' }),
    );
    assert.equal(r1.out, '#!/bin/bash\r\nset -e\r\n  exec "$@"\r\n');
    const r2 = apply(NODE, nodeWs('#!/bin/sh\ncd /app && node dist/server.js'));
    assert.equal(r2.out, '#!/bin/sh\ncd /app && exec node dist/server.js');
  });

  it('maps a directory COPY back to the context file', () => {
    const r = apply(
      'FROM alpine:3.20\nWORKDIR /srv\nCOPY . .\nENTRYPOINT ["./bin/start.sh"]\n',
      fakeWorkspace({ '/ctx/bin/start.sh': '#!/bin/sh\n./server\n' }),
    );
    assert.equal(r.path, '/ctx/bin/start.sh');
    assert.equal(r.out, '#!/bin/sh\nexec ./server\n');
  });

  it('reports without a fix when the last command has assignments', () => {
    const fs = findingsOf('DF125', NODE, ws(nodeWs('#!/bin/sh\nNODE_ENV=production node server.js\n')));
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0].fixes, []);
  });
});
