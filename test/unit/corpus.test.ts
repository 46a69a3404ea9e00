/**
 * Robustness on real input: every Dockerfile of the shared corpus (588 public
 * files, including deliberately broken parser tests) lints with every rule
 * turned on, with and without a build context, without an internal error, and
 * every preferred fix leaves text that still lints cleanly of internal errors.
 * The corpus lives beside the clone (`../shared/corpus`, or DOCKYARD_CORPUS);
 * without it this test fails: it never passes by skipping.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { lintDockerfile } from '../../src/dockerfile/lint';
import { ALL_RULES } from '../../src/dockerfile/rules';
import { fixAll } from '../../src/dockerfile/fixAll';
import { fakeWorkspace } from './helpers';

const root = resolve(__dirname, '..', '..', '..');
const corpus = process.env.DOCKYARD_CORPUS ?? resolve(root, '..', 'shared', 'corpus');
const dir = join(corpus, 'dockerfiles');
const everyRule = { severities: Object.fromEntries(ALL_RULES.map((r) => [r.code, 'warning' as const])) };

describe('corpus of real Dockerfiles', () => {
  it('is present', () => {
    assert.ok(existsSync(dir), `corpus not found at ${dir} (set DOCKYARD_CORPUS)`);
  });
  it('lints every file with every rule, without internal errors', () => {
    const files = readdirSync(dir);
    assert.ok(files.length >= 500, `expected the 588 corpus files, found ${files.length}`);
    const problems: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const workspace of [undefined, fakeWorkspace({}, '/ctx')]) {
        const r = lintDockerfile(text, { config: everyRule, filePath: '/ctx/Dockerfile', workspace });
        for (const e of r.errors) problems.push(`${f}: ${e}`);
        for (const x of r.findings) {
          const { start, end } = x.range;
          if (start.line > end.line || (start.line === end.line && start.character > end.character)) problems.push(`${f}: ${x.code} has an inverted range`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
  it('applies every preferred fix without breaking the linter', () => {
    const problems: string[] = [];
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      const lint = (t: string) => {
        const r = lintDockerfile(t);
        for (const e of r.errors) problems.push(`${f} after fixes: ${e}`);
        return r.findings;
      };
      fixAll(text, lint, { maxPasses: 3 });
    }
    assert.deepEqual(problems, []);
  });
});
