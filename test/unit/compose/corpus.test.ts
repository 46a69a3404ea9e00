import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseComposeFile } from '../../../src/compose/parse';
import { loadProject } from '../../../src/compose/project';
import { toCanonical } from '../../../src/compose/canonical';
import { nodeReadFile } from '../../../src/compose/load';

/** The repository root: out/test/unit/compose → four levels up. */
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'compose');

describe('compose corpus', () => {
  it('is present', () => {
    assert.ok(fs.existsSync(corpusDir), `compose corpus missing: expected it at ${corpusDir}`);
    assert.ok(fs.readdirSync(corpusDir).filter((f) => !/^README/i.test(f)).length >= 80, 'expected at least 80 corpus files');
  });
  const files = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => !/^README/i.test(f)).sort() : [];
  for (const f of files) {
    it(`parses and loads ${f} without an exception`, async () => {
      const full = path.join(corpusDir, f).split(path.sep).join('/');
      const text = fs.readFileSync(full, 'utf8');
      const r = parseComposeFile(text, full, { lookup: () => undefined });
      assert.ok(r.model);
      const p = await loadProject({ files: [full], workingDir: path.dirname(full), env: {}, readFile: nodeReadFile, profiles: ['*'] });
      assert.ok(p.model);
      assert.ok(!p.diagnostics.some((d) => d.code === 'internal'), JSON.stringify(p.diagnostics.filter((d) => d.code === 'internal')));
      const c = toCanonical(p);
      assert.ok(c.services);
      JSON.stringify(c);
    });
  }
});

describe('compose corpus, mangled', () => {
  // Deterministic: truncations and byte swaps of every corpus file must never throw.
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const files = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => !/^README/i.test(f)).sort() : [];
  it('parses and loads truncated and corrupted variants without an exception', async () => {
    assert.ok(files.length > 0, `compose corpus missing at ${corpusDir}`);
    const junk = [':', '-', '[', '{', '*', '&', '!', '"', "'", '\n', ' ', '$', '${', '<<: *', '\t', '#', '|'];
    let n = 0;
    for (const f of files) {
      const text = fs.readFileSync(path.join(corpusDir, f), 'utf8');
      const variants = [text.slice(0, rand(text.length + 1)), text.slice(rand(text.length + 1))];
      for (let i = 0; i < 4; i++) {
        const at = rand(text.length + 1);
        variants.push(text.slice(0, at) + junk[rand(junk.length)] + text.slice(at + rand(3)));
      }
      for (const v of variants) {
        const r = parseComposeFile(v, '/m/compose.yaml', { lookup: () => undefined });
        assert.ok(r.model);
        const p = await loadProject({ workingDir: '/m', env: {}, readFile: (x) => (x === '/m/compose.yaml' ? v : undefined) });
        assert.ok(!p.diagnostics.some((d) => d.code === 'internal'), `${f}: ${JSON.stringify(p.diagnostics.filter((d) => d.code === 'internal'))}`);
        toCanonical(p);
        n++;
      }
    }
    assert.ok(n >= files.length * 6);
  });
});
