/**
 * Every compose rule on real input: each file of the shared compose corpus
 * lints with every rule turned on (with and without project file access)
 * without an internal error or an inverted range, and applying every preferred
 * fix leaves a file that is still valid YAML and still lints without internal
 * errors. Without the corpus this test fails: it never passes by skipping.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { COMPOSE_RULES } from '../../../src/compose/catalog';
import { lintCompose } from '../../../src/compose/lint';
import { fixAll } from '../../../src/dockerfile/fixAll';
import { FsWorkspace } from '../../../src/util/fsWorkspace';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const corpusDir = process.env.DOCKYARD_CORPUS ? path.join(process.env.DOCKYARD_CORPUS, 'compose') : path.resolve(repoRoot, '..', 'shared', 'corpus', 'compose');
const everyRule = { severities: Object.fromEntries(COMPOSE_RULES.map((r) => [r.code, 'warning' as const])) };

describe('compose rules on the corpus', () => {
  it('is present', () => {
    assert.ok(fs.existsSync(corpusDir), `compose corpus missing: expected it at ${corpusDir}`);
  });
  const files = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => /\.ya?ml$/i.test(f)).sort() : [];
  it('lints every file with every rule, without internal errors', () => {
    assert.ok(files.length >= 70, `expected the corpus compose files, found ${files.length}`);
    const problems: string[] = [];
    for (const f of files) {
      const filePath = path.join(corpusDir, f);
      const text = fs.readFileSync(filePath, 'utf8');
      for (const workspace of [undefined, new FsWorkspace(corpusDir)]) {
        const r = lintCompose(text, { filePath, workspace, config: everyRule });
        for (const e of r.errors) problems.push(`${f}: ${e}`);
        for (const x of r.findings) {
          const { start, end } = x.range;
          if (start.line > end.line || (start.line === end.line && start.character > end.character)) problems.push(`${f}: ${x.code} has an inverted range`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
  it('applies every preferred fix and leaves valid YAML', () => {
    const problems: string[] = [];
    for (const f of files) {
      const filePath = path.join(corpusDir, f);
      const text = fs.readFileSync(filePath, 'utf8');
      const hadSyntaxError = lintCompose(text).findings.some((x) => x.code === 'CM000' && x.severity === 'error');
      const lint = (t: string) => {
        const r = lintCompose(t, { filePath, config: everyRule });
        for (const e of r.errors) problems.push(`${f} after fixes: ${e}`);
        return r.findings;
      };
      const out = fixAll(text, lint, { maxPasses: 3 });
      if (!hadSyntaxError && lintCompose(out.text).findings.some((x) => x.code === 'CM000' && x.severity === 'error')) {
        problems.push(`${f}: the fixes left a YAML syntax error (${out.codes.join(', ')})`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
