/**
 * Test helpers for rules: lint a text, assert a rule fires (with the exact
 * token range) or stays silent, apply its fixes to text. Plain Node.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDockerfile, type LintOptions } from '../../src/dockerfile/lint';
import { ALL_RULES } from '../../src/dockerfile/rules';
import type { Finding, Fix, WorkspaceAccess } from '../../src/dockerfile/types';
import { applyEdits, LineIndex } from '../../src/util/text';

export function lint(text: string, opts: LintOptions = {}): Finding[] {
  const r = lintDockerfile(text, opts);
  assert.deepEqual(r.errors, [], 'the linter reported internal errors');
  return r.findings;
}

export function findingsOf(code: string, text: string, opts: LintOptions = {}): Finding[] {
  // Run every rule enabled (even the ones off by default) so `off` rules are testable.
  const severities = { ...(opts.config?.severities ?? {}) };
  if (severities[code] === undefined) severities[code] = defaultOrWarning(code);
  const config = { ...opts.config, severities };
  return lint(text, { ...opts, config }).filter((f) => f.code === code);
}

function defaultOrWarning(code: string): 'error' | 'warning' | 'info' | 'style' {
  const r = ALL_RULES.find((x) => x.code === code);
  assert.ok(r, `no rule ${code}`);
  return r.defaultSeverity === 'off' ? 'warning' : r.defaultSeverity;
}

/** The text a finding's range covers. */
export function coveredText(text: string, f: Finding): string {
  return new LineIndex(text).textOf(f.range);
}

export interface FiresCase {
  text: string;
  /** Exact number of findings of this code (default: at least one). */
  count?: number;
  /** The text the (first) finding's range must cover exactly. */
  token?: string;
  /** A substring the message must contain. */
  message?: string;
  opts?: LintOptions;
}

export interface FixCase {
  before: string;
  after: string;
  /** Title of the fix to apply (default: the preferred one, else the first). */
  title?: string | RegExp;
  opts?: LintOptions;
  /** Whether the rule may still fire on `after` (default false). */
  stillFires?: boolean;
}

export function pickFix(f: Finding, title?: string | RegExp): Fix {
  const fix =
    title === undefined
      ? (f.fixes.find((x) => x.preferred) ?? f.fixes[0])
      : f.fixes.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(fix, `no fix${title ? ` titled ${String(title)}` : ''} on ${f.code}: ${f.message}; fixes: ${f.fixes.map((x) => x.title).join(', ')}`);
  return fix;
}

/** Applies one fix of the first finding of `code`. */
export function applyFirstFix(code: string, text: string, title?: string | RegExp, opts: LintOptions = {}): string {
  const fs = findingsOf(code, text, opts);
  assert.ok(fs.length, `${code} did not fire on:\n${text}`);
  return applyEdits(text, pickFix(fs[0], title).edits);
}

export function assertFires(code: string, c: FiresCase | string): Finding[] {
  const k = typeof c === 'string' ? { text: c } : c;
  const fs = findingsOf(code, k.text, k.opts);
  if (k.count !== undefined) assert.equal(fs.length, k.count, `${code}: expected ${k.count} finding(s), got ${fs.length} on:\n${k.text}\n${fmt(fs)}`);
  else assert.ok(fs.length > 0, `${code} should fire on:\n${k.text}`);
  if (k.token !== undefined) assert.equal(coveredText(k.text, fs[0]), k.token, `${code}: range covers the wrong text`);
  if (k.message !== undefined) assert.ok(fs[0].message.includes(k.message), `${code}: message "${fs[0].message}" lacks "${k.message}"`);
  for (const f of fs) {
    assert.ok(f.message.length > 0);
    assert.ok(
      f.range.start.line < f.range.end.line || f.range.start.character <= f.range.end.character,
      `${code}: inverted range`,
    );
  }
  return fs;
}

export function assertSilent(code: string, text: string, opts?: LintOptions): void {
  const fs = findingsOf(code, text, opts);
  assert.equal(fs.length, 0, `${code} should stay silent on:\n${text}\nbut reported:\n${fmt(fs)}`);
}

export function assertFix(code: string, c: FixCase): void {
  const out = applyFirstFix(code, c.before, c.title, c.opts);
  assert.equal(out, c.after);
  if (!c.stillFires) assertSilent(code, out, c.opts);
}

/** The standard suite every rule has: fires, stays silent on near-misses, fixes apply. */
export function ruleTests(
  code: string,
  spec: { fires: (FiresCase | string)[]; silent: (string | { text: string; opts?: LintOptions })[]; fixes?: FixCase[] },
): void {
  describe(code, () => {
    for (const [i, c] of spec.fires.entries()) {
      it(`fires #${i + 1}`, () => {
        assertFires(code, c);
      });
    }
    for (const [i, c] of spec.silent.entries()) {
      it(`silent on near-miss #${i + 1}`, () => {
        if (typeof c === 'string') assertSilent(code, c);
        else assertSilent(code, c.text, c.opts);
      });
    }
    for (const [i, c] of (spec.fixes ?? []).entries()) {
      it(`fix #${i + 1}${c.title ? ` (${String(c.title)})` : ''}`, () => {
        assertFix(code, c);
      });
    }
  });
}

/** An in-memory build context for workspace-aware rules. Keys are absolute paths. */
export function fakeWorkspace(files: Record<string, string>, contextDir = '/ctx'): WorkspaceAccess {
  return {
    contextDir,
    readFile: (p) => files[p],
    exists: (p) => p in files || Object.keys(files).some((k) => k.startsWith(p.endsWith('/') ? p : p + '/')),
  };
}

function fmt(fs: Finding[]): string {
  return fs.map((f) => `  ${f.code} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n');
}
