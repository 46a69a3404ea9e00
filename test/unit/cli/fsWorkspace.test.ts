import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FileCache, FsWorkspace } from '../../../src/util/fsWorkspace';
import { lintDockerfile } from '../../../src/dockerfile/lint';
import { tree } from './cliHelpers';

describe('FsWorkspace', () => {
  it('reads files by absolute or context-relative path; missing ones are undefined', () => {
    const root = tree({ '.dockerignore': '.git\n', 'src/app.py': 'print(1)\n', 'bom.txt': '\ufeffhi' });
    const ws = new FsWorkspace(root, { cache: new FileCache() });
    assert.equal(ws.contextDir, root);
    assert.equal(ws.readFile(path.join(root, '.dockerignore')), '.git\n');
    assert.equal(ws.readFile('src/app.py'), 'print(1)\n');
    assert.equal(ws.readFile('bom.txt'), 'hi');
    assert.equal(ws.readFile(path.join(root, 'nope')), undefined);
    assert.equal(ws.readFile(path.join(root, 'src')), undefined, 'a directory is not a file');
    assert.equal(ws.exists(path.join(root, 'src')), true);
    assert.equal(ws.exists(path.join(root, 'src', 'app.py')), true);
    assert.equal(ws.exists(path.join(root, 'nope')), false);
  });

  it('never throws on odd input', () => {
    const root = tree({ 'bin.dat': Buffer.from([0, 1, 2, 0]), f: 'x' });
    const ws = new FsWorkspace(root, { cache: new FileCache() });
    for (const p of ['', '\0', 'a\0b', path.join(root, 'f', 'below-a-file'), '/'.repeat(5000), 'x'.repeat(10000)]) {
      assert.doesNotThrow(() => ws.readFile(p));
      assert.doesNotThrow(() => ws.exists(p));
    }
    assert.equal(ws.readFile('bin.dat'), undefined, 'binary files read as undefined');
    assert.equal((ws.readFile as (p: unknown) => unknown)(undefined), undefined);
  });

  it('caches by mtime and size, and sees changes', () => {
    const root = tree({ '.dockerignore': 'a\n' });
    const cache = new FileCache(4);
    const ws = new FsWorkspace(root, { cache });
    const p = path.join(root, '.dockerignore');
    assert.equal(ws.readFile(p), 'a\n');
    assert.equal(cache.size, 1);
    fs.writeFileSync(p, 'a\nbb\n');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(p, later, later);
    assert.equal(ws.readFile(p), 'a\nbb\n');
    fs.unlinkSync(p);
    assert.equal(ws.readFile(p), undefined);
    assert.equal(cache.size, 0);
  });

  it('serves cached content while the file is unchanged', () => {
    const root = tree({ f: 'one' });
    const cache = new FileCache(4);
    const ws = new FsWorkspace(root, { cache });
    const p = path.join(root, 'f');
    const fixed = new Date(2020, 0, 1);
    fs.utimesSync(p, fixed, fixed);
    assert.equal(ws.readFile(p), 'one');
    // Same size, same mtime (and inode): the cache cannot tell; invalidate() is the way out.
    const fd = fs.openSync(p, 'r+');
    fs.writeSync(fd, 'two', 0);
    fs.closeSync(fd);
    fs.utimesSync(p, fixed, fixed);
    assert.equal(ws.readFile(p), 'one');
    ws.invalidate(p);
    assert.equal(ws.readFile(p), 'two');
  });

  it('evicts the least recently used entries', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`f${i}`] = String(i);
    const root = tree(files);
    const cache = new FileCache(3);
    const ws = new FsWorkspace(root, { cache });
    for (let i = 0; i < 10; i++) assert.equal(ws.readFile(`f${i}`), String(i));
    assert.equal(cache.size, 3);
  });

  it('skips files over the size limit', () => {
    const root = tree({ big: 'x'.repeat(2000), small: 'y' });
    const ws = new FsWorkspace(root, { cache: new FileCache(8, 1000) });
    assert.equal(ws.readFile('big'), undefined);
    assert.equal(ws.readFile('small'), 'y');
  });

  it('works as the linter workspace', () => {
    const root = tree({ Dockerfile: 'FROM debian:12\nCOPY . .\n', '.dockerignore': '.git\n' });
    const r = lintDockerfile(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'), {
      filePath: path.join(root, 'Dockerfile'),
      workspace: new FsWorkspace(root),
    });
    assert.deepEqual(r.errors, []);
  });
});
