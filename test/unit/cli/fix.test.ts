import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyFileChange, fixLoop, selectFixes, writeFileAtomic } from '../../../src/cli/fix';
import type { Finding, Fix } from '../../../src/dockerfile/types';
import { LineIndex } from '../../../src/util/text';
import { onlyRulesConfig, parseJson, runCli, tree } from './cliHelpers';

const ISOLATE = onlyRulesConfig(['DF001', 'DF036']);

function finding(code: string, text: string, from: number, to: number, fix?: Omit<Fix, 'preferred'> & { preferred?: boolean }): Finding {
  const idx = new LineIndex(text);
  return { code, severity: 'warning', message: code, range: idx.rangeOf(from, to), fixes: fix ? [{ preferred: true, ...fix }] : [] };
}

describe('--fix on files', () => {
  it('fixes, reports what it fixed, and the remaining findings decide the exit code', () => {
    const root = tree({
      '.dockyard.yaml': ISOLATE,
      Dockerfile: 'FROM debian:12\nMAINTAINER Jane <jane@example.com>\nRUNN echo hi\nFROBNICATE now\n',
    });
    const r = runCli(['lint', '--fix'], root);
    const after = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    assert.equal(after, 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane <jane@example.com>"\nRUN echo hi\nFROBNICATE now\n');
    assert.match(r.stdout, /fixed {2}.*DF036/);
    assert.match(r.stdout, /fixed {2}Replace "RUNN" with RUN {2}DF001/);
    assert.match(r.stdout, /Fixed 2 problems in 1 file/);
    // FROBNICATE has no fix: still reported, still an error.
    assert.match(r.stdout, /4:1 {2}error/);
    assert.equal(r.code, 1);
    // Nothing left to fix: a second run changes nothing.
    const again = runCli(['lint', '--fix', '-f', 'json'], root);
    assert.deepEqual(parseJson<{ fixed: unknown[] }[]>(again.stdout)[0].fixed, []);
    assert.equal(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'), after);
    // No temp files left behind.
    assert.deepEqual(fs.readdirSync(root).filter((f) => f.includes('dockyard-tmp')), []);
  });

  it('keeps CRLF line endings and a BOM', () => {
    const root = tree({
      '.dockyard.yaml': ISOLATE,
      Dockerfile: '\ufeffFROM debian:12\r\nMAINTAINER ops\r\nRUNN true\r\n',
    });
    const r = runCli(['lint', '--fix', '--format', 'json'], root);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const out = parseJson<{ file: string; findings: unknown[]; fixed: { code: string }[] }[]>(r.stdout);
    assert.deepEqual(out[0].fixed.map((f) => f.code).sort(), ['DF001', 'DF036']);
    assert.deepEqual(out[0].findings, []);
    assert.equal(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'), '\ufeffFROM debian:12\r\nLABEL org.opencontainers.image.authors="ops"\r\nRUN true\r\n');
  });

  it('keeps the file mode and writes through a symlink', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE, 'real/Dockerfile': 'FROM debian:12\nMAINTAINER x\n' });
    const real = path.join(root, 'real', 'Dockerfile');
    fs.chmodSync(real, 0o640);
    const link = path.join(root, 'link.Dockerfile');
    try {
      fs.symlinkSync(real, link);
    } catch {
      return;
    }
    runCli(['lint', '--fix', 'link.Dockerfile'], root);
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.match(fs.readFileSync(real, 'utf8'), /LABEL org\.opencontainers\.image\.authors="x"/);
    if (process.platform !== 'win32') assert.equal(fs.statSync(real).mode & 0o777, 0o640);
  });

  it('does not rewrite a file that is not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('FROM debian:12\nMAINTAINER \xff\n', 'latin1')]);
    const root = tree({ '.dockyard.yaml': ISOLATE, Dockerfile: bytes });
    const r = runCli(['lint', '--fix'], root);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /not valid UTF-8/);
    assert.deepEqual(fs.readFileSync(path.join(root, 'Dockerfile')), bytes);
  });

  it('reports a read-only folder as an error, not a crash', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE, 'ro/Dockerfile': 'FROM debian:12\nMAINTAINER x\n' });
    fs.chmodSync(path.join(root, 'ro'), 0o555);
    try {
      let r: { code: number | null; stdout: string };
      if (process.getuid?.() === 0) {
        // root ignores permissions: run the built CLI as the unprivileged user `nobody`.
        fs.chmodSync(root, 0o755);
        const cli = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
        const p = spawnSync(process.execPath, [cli, 'lint', '--fix', 'ro'], { cwd: root, uid: 65534, gid: 65534, encoding: 'utf8' });
        r = { code: p.status, stdout: p.stdout };
      } else {
        r = runCli(['lint', '--fix', 'ro'], root);
      }
      assert.equal(r.code, 2);
      assert.match(r.stdout, /cannot write/);
    } finally {
      fs.chmodSync(path.join(root, 'ro'), 0o755);
    }
  });
});

describe('fixLoop', () => {
  it('applies non-overlapping fixes together and defers overlapping ones to the next pass', () => {
    // A fake rule: every "a" must become "b", but a fix covers "aa" pairs so neighbours overlap.
    const lint = (text: string): Finding[] => {
      const out: Finding[] = [];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === 'a') {
          const end = Math.min(text.length, i + 2);
          out.push(finding('X1', text, i, end, { title: 'a->b', edits: [{ range: new LineIndex(text).rangeOf(i, i + 1), newText: 'b' }, { range: new LineIndex(text).rangeOf(i + 1, end), newText: text.slice(i + 1, end) }] }));
        }
      }
      return out;
    };
    const r = fixLoop('aaaa', { lint });
    assert.equal(r.text, 'bbbb');
    assert.equal(r.applied.length, 4);
    assert.ok(r.passes >= 2 && r.passes <= 4, String(r.passes));
  });

  it('stops after 10 passes when fixes never converge', () => {
    let n = 0;
    const lint = (text: string): Finding[] => [finding('X2', text, 0, 0, { title: 'grow', edits: [{ range: new LineIndex(text).rangeOf(0, 0), newText: String(n++ % 10) }] })];
    const r = fixLoop('', { lint });
    assert.equal(r.passes, 10);
    assert.equal(r.text.length, 10);
  });

  it('ignores findings without a preferred fix, and fixes whose own edits overlap', () => {
    const text = 'hello world';
    const notPreferred: Finding = { ...finding('X3', text, 0, 5), fixes: [{ title: 'meh', edits: [{ range: new LineIndex(text).rangeOf(0, 5), newText: 'HELLO' }] }] };
    const broken = finding('X4', text, 6, 11, {
      title: 'broken',
      edits: [
        { range: new LineIndex(text).rangeOf(6, 9), newText: 'x' },
        { range: new LineIndex(text).rangeOf(8, 11), newText: 'y' },
      ],
    });
    assert.deepEqual(selectFixes(text, [notPreferred, broken]), []);
    assert.equal(fixLoop(text, { lint: () => [notPreferred, broken] }).text, text);
  });

  it('stops when a fix changes nothing', () => {
    const text = 'same';
    const noop = finding('X5', text, 0, 4, { title: 'noop', edits: [{ range: new LineIndex(text).rangeOf(0, 4), newText: 'same' }] });
    const r = fixLoop(text, { lint: () => [noop] });
    assert.equal(r.passes, 1);
    assert.deepEqual(r.applied, []);
  });

  it('applies Fix.files: creates missing files and edits existing ones', () => {
    const root = tree({ 'existing.txt': 'one\r\ntwo\r\n' });
    const created = path.join(root, 'sub', '.dockerignore');
    const existing = path.join(root, 'existing.txt');
    let done = false;
    const lint = (text: string): Finding[] =>
      done
        ? []
        : [
            finding('X6', text, 0, 0, {
              title: 'write files',
              edits: [],
              files: [
                { path: created, create: '.git\nnode_modules\n', edits: [] },
                { path: existing, create: 'ignored', edits: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'three\r\n' }] },
              ],
            }),
          ];
    const r = fixLoop('FROM x\n', {
      lint: (t) => {
        const f = lint(t);
        done = true;
        return f;
      },
    });
    assert.equal(fs.readFileSync(created, 'utf8'), '.git\nnode_modules\n');
    assert.equal(fs.readFileSync(existing, 'utf8'), 'one\r\ntwo\r\nthree\r\n');
    assert.deepEqual(r.fileChanges.map((c) => [path.basename(c.path), c.action]).sort(), [
      ['.dockerignore', 'created'],
      ['existing.txt', 'edited'],
    ]);
    assert.equal(r.applied.length, 1);
  });

  it('applyFileChange reports errors instead of throwing', () => {
    const root = tree({ 'dir/x': '' });
    assert.match(applyFileChange({ path: path.join(root, 'dir'), edits: [] }).error ?? '', /not a regular file/);
    const r = applyFileChange({ path: path.join(root, 'dir', 'x', 'below-a-file'), create: 'x' });
    assert.ok(r.error, JSON.stringify(r));
    assert.equal(applyFileChange({ path: path.join(root, 'none'), edits: [] }).action, 'unchanged');
  });

  it('writeFileAtomic replaces content and leaves no temp file', () => {
    const root = tree({ f: 'old' });
    writeFileAtomic(path.join(root, 'f'), 'new');
    assert.equal(fs.readFileSync(path.join(root, 'f'), 'utf8'), 'new');
    assert.deepEqual(fs.readdirSync(root), ['f']);
  });
});
