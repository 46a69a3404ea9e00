/**
 * Test helpers for rules: lint a text, assert a rule fires (with the exact
 * token range) or stays silent, apply its fixes to text. Plain Node.
 */
import assert from 'node:assert/strict';
import { lintDockerfile, type LintOptions } from '../../src/dockerfile/lint';
import { ALL_RULES } from '../../src/dockerfile/rules';
import type { Finding, WorkspaceAccess } from '../../src/dockerfile/types';
import { LineIndex } from '../../src/util/text';
import { pickFix, ruleSuite, type FiresCase as SuiteFiresCase, type FixCase as SuiteFixCase } from './ruleSuite';

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

export type FiresCase = SuiteFiresCase<LintOptions>;
export type FixCase = SuiteFixCase<LintOptions>;
export { pickFix };

export const { assertFires, assertSilent, applyFirstFix, assertFix, ruleTests } = ruleSuite<LintOptions>((code, text, opts) => findingsOf(code, text, opts));

/** An in-memory build context for workspace-aware rules. Keys are absolute paths. */
export function fakeWorkspace(files: Record<string, string>, contextDir = '/ctx'): WorkspaceAccess {
  return {
    contextDir,
    readFile: (p) => files[p],
    exists: (p) => p in files || Object.keys(files).some((k) => k.startsWith(p.endsWith('/') ? p : p + '/')),
  };
}
