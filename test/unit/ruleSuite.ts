/**
 * The rule test suite shared by Dockerfile rules (helpers.ts) and Compose
 * rules (compose/ruleHelpers.ts): a rule fires with the exact token range,
 * stays silent on near-misses, and each fix applied to text gives the
 * expected result on which the rule no longer fires. Generic over the
 * linter's options type; the linter-specific part is `findingsOf`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding, Fix } from '../../src/dockerfile/types';
import { applyEdits, LineIndex } from '../../src/util/text';

export interface FiresCase<O> {
  text: string;
  /** Exact number of findings of this code (default: at least one). */
  count?: number;
  /** The text the (first) finding's range must cover exactly. */
  token?: string;
  /** A substring the (first) message must contain. */
  message?: string;
  opts?: O;
}

export interface FixCase<O> {
  before: string;
  after: string;
  /** Title of the fix to apply (default: the preferred one, else the first). */
  title?: string | RegExp;
  opts?: O;
  /** Whether the rule may still fire on `after` (default false). */
  stillFires?: boolean;
}

export interface RuleSpec<O> {
  fires: (FiresCase<O> | string)[];
  silent: (string | { text: string; opts?: O })[];
  fixes?: FixCase<O>[];
}

export function pickFix(f: Finding, title?: string | RegExp): Fix {
  const fix =
    title === undefined
      ? (f.fixes.find((x) => x.preferred) ?? f.fixes[0])
      : f.fixes.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(fix, `no fix${title ? ` titled ${String(title)}` : ''} on ${f.code}: ${f.message}; fixes: ${f.fixes.map((x) => x.title).join(', ')}`);
  return fix;
}

export function formatFindings(fs: readonly Finding[]): string {
  return fs.map((f) => `  ${f.code} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n');
}

/**
 * The assertions for one linter. `findingsOf` lints with the rule enabled and
 * returns its findings; `checkFixed` (optional) asserts more on fixed text
 * (e.g. that a compose file is still valid YAML).
 */
export function ruleSuite<O>(findingsOf: (code: string, text: string, opts?: O) => Finding[], checkFixed?: (text: string, opts?: O) => void) {
  function assertFires(code: string, c: FiresCase<O> | string): Finding[] {
    const k = typeof c === 'string' ? { text: c } : c;
    const fs = findingsOf(code, k.text, k.opts);
    if (k.count !== undefined) assert.equal(fs.length, k.count, `${code}: expected ${k.count} finding(s), got ${fs.length} on:\n${k.text}\n${formatFindings(fs)}`);
    else assert.ok(fs.length > 0, `${code} should fire on:\n${k.text}`);
    if (k.token !== undefined) assert.equal(new LineIndex(k.text).textOf(fs[0].range), k.token, `${code}: range covers the wrong text`);
    if (k.message !== undefined) assert.ok(fs[0].message.includes(k.message), `${code}: message "${fs[0].message}" lacks "${k.message}"`);
    for (const f of fs) {
      assert.ok(f.message.length > 0);
      assert.ok(f.range.start.line < f.range.end.line || f.range.start.character <= f.range.end.character, `${code}: inverted range`);
    }
    return fs;
  }
  function assertSilent(code: string, text: string, opts?: O): void {
    const fs = findingsOf(code, text, opts);
    assert.equal(fs.length, 0, `${code} should stay silent on:\n${text}\nbut reported:\n${formatFindings(fs)}`);
  }
  /** Applies one fix of the first finding of `code`. */
  function applyFirstFix(code: string, text: string, title?: string | RegExp, opts?: O): string {
    const fs = findingsOf(code, text, opts);
    assert.ok(fs.length, `${code} did not fire on:\n${text}`);
    return applyEdits(text, pickFix(fs[0], title).edits);
  }
  function assertFix(code: string, c: FixCase<O>): void {
    const out = applyFirstFix(code, c.before, c.title, c.opts);
    assert.equal(out, c.after);
    checkFixed?.(out, c.opts);
    if (!c.stillFires) assertSilent(code, out, c.opts);
  }
  /** The standard suite every rule has: fires, stays silent on near-misses, fixes apply. */
  function ruleTests(code: string, spec: RuleSpec<O>): void {
    describe(code, () => {
      for (const [i, c] of spec.fires.entries()) it(`fires #${i + 1}`, () => void assertFires(code, c));
      for (const [i, c] of spec.silent.entries()) {
        it(`silent on near-miss #${i + 1}`, () => (typeof c === 'string' ? assertSilent(code, c) : assertSilent(code, c.text, c.opts)));
      }
      for (const [i, c] of (spec.fixes ?? []).entries()) it(`fix #${i + 1}${c.title ? ` (${String(c.title)})` : ''}`, () => assertFix(code, c));
    });
  }
  return { assertFires, assertSilent, applyFirstFix, assertFix, ruleTests };
}
