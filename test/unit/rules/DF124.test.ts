import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeWorkspace, findingsOf, pickFix, ruleTests } from '../helpers';
import { applyEdits } from '../../../src/util/text';
import type { FileChange, WorkspaceAccess } from '../../../src/dockerfile/types';

const EXPRESS = 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n';
const FASTAPI =
  'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n';

const nodeCtx = (extra: Record<string, string> = {}): WorkspaceAccess =>
  fakeWorkspace({ '/ctx/package.json': '{}', '/ctx/server.js': '', '/ctx/.git/HEAD': 'ref', '/ctx/Dockerfile': EXPRESS, ...extra });
const pyCtx = (extra: Record<string, string> = {}): WorkspaceAccess =>
  fakeWorkspace({ '/ctx/requirements.txt': 'fastapi\n', '/ctx/main.py': '', '/ctx/.env': 'SECRET=1', '/ctx/Dockerfile': FASTAPI, ...extra });
const ws = (w: WorkspaceAccess) => ({ workspace: w, filePath: '/ctx/Dockerfile' });

ruleTests('DF124', {
  fires: [
    { text: EXPRESS, token: '.', message: 'COPY . copies .git and node_modules into the image: there is no .dockerignore', opts: ws(nodeCtx()) },
    { text: FASTAPI, token: '.', message: '.env, .venv and __pycache__', opts: ws(pyCtx()) },
    { text: FASTAPI, message: 'COPY . copies __pycache__ in subfolders into the image: .dockerignore does not exclude it', opts: ws(pyCtx({ '/ctx/.dockerignore': '.env\n.venv\n__pycache__\n' })) },
    { text: 'FROM golang:1.22\nWORKDIR /src\nADD ./ /src/\nRUN go build ./...\n', token: './', opts: ws(fakeWorkspace({ '/ctx/go.mod': '', '/ctx/.git/config': '' })) },
    {
      text: 'FROM node:22-slim\nCOPY --chown=node . /app\n',
      message: 'app.Dockerfile.dockerignore',
      opts: { filePath: '/ctx/app.Dockerfile', workspace: fakeWorkspace({ '/ctx/package.json': '{}', '/ctx/.dockerignore': 'node_modules\n', '/ctx/app.Dockerfile.dockerignore': '.git\n' }) },
    },
  ],
  silent: [
    { text: EXPRESS, opts: { filePath: '/ctx/Dockerfile' } },
    { text: EXPRESS, opts: ws(nodeCtx({ '/ctx/.dockerignore': '# ignore\n.git\nnode_modules/\nnpm-debug.log\n' })) },
    { text: EXPRESS, opts: ws(nodeCtx({ '/ctx/.dockerignore': '*\n!package*.json\n!server.js\n!src\n' })) },
    { text: 'FROM node:22-slim\nCOPY package.json server.js ./\n', opts: ws(nodeCtx()) },
    { text: 'FROM alpine\nCOPY --from=build . /out\n', opts: ws(nodeCtx()) },
    { text: 'FROM alpine\nCOPY . /srv\n', opts: ws(fakeWorkspace({ '/ctx/index.html': '<html>' })) },
    { text: 'FROM maven:3-eclipse-temurin-21\nCOPY . .\nCOPY target/app.jar /app.jar\n', opts: ws(fakeWorkspace({ '/ctx/pom.xml': '', '/ctx/.dockerignore': '.git\n' })) },
    { text: FASTAPI, opts: ws(pyCtx({ '/ctx/.dockerignore': '**/.env\n.venv\n**/__pycache__\n!.env\n' })) },
  ],
});

function fileChange(text: string, w: WorkspaceAccess, filePath = '/ctx/Dockerfile'): { change: FileChange; title: string; edits: number } {
  const fs = findingsOf('DF124', text, { workspace: w, filePath });
  assert.equal(fs.length, 1);
  const fix = pickFix(fs[0]);
  assert.equal(fix.files?.length, 1);
  return { change: fix.files![0], title: fix.title, edits: fix.edits.length };
}

/** Applies a FileChange to a copy of the workspace's files. */
function applyChange(files: Record<string, string>, c: FileChange): Record<string, string> {
  const out = { ...files };
  if (out[c.path] === undefined) out[c.path] = c.create ?? '';
  else out[c.path] = applyEdits(out[c.path], c.edits ?? []);
  return out;
}

describe('DF124 fixes (.dockerignore)', () => {
  it('creates .dockerignore for an Express app', () => {
    const files = { '/ctx/package.json': '{}', '/ctx/.git/HEAD': '', '/ctx/.env.local': 'X=1' };
    const { change, title, edits } = fileChange(EXPRESS, fakeWorkspace(files));
    assert.equal(edits, 0);
    assert.equal(title, 'Create .dockerignore excluding .git, .env.local and node_modules');
    assert.equal(change.path, '/ctx/.dockerignore');
    assert.equal(change.create, '.git\n.env.local\nnode_modules\n');
    assert.equal(change.edits, undefined);
    const after = applyChange(files, change);
    assert.equal(findingsOf('DF124', EXPRESS, { workspace: fakeWorkspace(after), filePath: '/ctx/Dockerfile' }).length, 0);
  });

  it('extends an existing .dockerignore (no final newline, CRLF kept)', () => {
    const files = { '/ctx/requirements.txt': '', '/ctx/.env': '', '/ctx/.dockerignore': '.git\r\n__pycache__' };
    const { change, title } = fileChange(FASTAPI, fakeWorkspace(files));
    assert.equal(title, 'Add .env, .venv and **/__pycache__ to .dockerignore');
    assert.equal(change.create, undefined);
    const after = applyChange(files, change);
    assert.equal(after['/ctx/.dockerignore'], '.git\r\n__pycache__\r\n.env\r\n.venv\r\n**/__pycache__\r\n');
    assert.equal(findingsOf('DF124', FASTAPI, { workspace: fakeWorkspace(after), filePath: '/ctx/Dockerfile' }).length, 0);
  });

  it('extends the Dockerfile-specific ignore file and a Windows context path', () => {
    const files = { 'C:\\src\\app\\package.json': '{}', 'C:\\src\\app\\.dockerignore': 'node_modules\n' };
    const w: WorkspaceAccess = { contextDir: 'C:\\src\\app', readFile: (p) => files[p as keyof typeof files], exists: (p) => p in files || p === 'C:\\src\\app\\.git' };
    const { change } = fileChange('FROM node:22\nCOPY . .\n', w, 'C:\\src\\app\\Dockerfile');
    assert.equal(change.path, 'C:\\src\\app\\.dockerignore');
    assert.equal(applyChange(files, change)['C:\\src\\app\\.dockerignore'], 'node_modules\n.git\n');

    const files2 = { '/ctx/package.json': '{}', '/ctx/web.Dockerfile.dockerignore': '.git\n' };
    const r = fileChange('FROM node:22\nCOPY . .\n', fakeWorkspace(files2), '/ctx/web.Dockerfile');
    assert.equal(r.change.path, '/ctx/web.Dockerfile.dockerignore');
    assert.equal(applyChange(files2, r.change)['/ctx/web.Dockerfile.dockerignore'], '.git\nnode_modules\n');
  });
});
