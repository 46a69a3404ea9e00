/**
 * Test helpers for compose rules (CM002 and up), the twin of ../helpers.ts:
 * lint a compose text, assert a rule fires with the exact token range or
 * stays silent, apply its fixes to text. Plain Node.
 */
import assert from 'node:assert/strict';
import { lintCompose, type ComposeLintOptions } from '../../../src/compose/lint';
import { COMPOSE_RULES } from '../../../src/compose/catalog';
import type { Finding, WorkspaceAccess } from '../../../src/dockerfile/types';
import { pickFix, ruleSuite, type FiresCase, type FixCase } from '../ruleSuite';

export function lintC(text: string, opts: ComposeLintOptions = {}): Finding[] {
  const r = lintCompose(text, opts);
  assert.deepEqual(r.errors, [], 'the linter reported internal errors');
  return r.findings;
}

/** Findings of one code, with that rule enabled even when it is `off` by default. */
export function composeFindingsOf(code: string, text: string, opts: ComposeLintOptions = {}): Finding[] {
  const rule = COMPOSE_RULES.find((r) => r.code === code);
  assert.ok(rule, `no rule ${code}`);
  const severities = { ...(opts.config?.severities ?? {}) };
  if (severities[code] === undefined) severities[code] = rule.defaultSeverity === 'off' ? 'warning' : rule.defaultSeverity;
  return lintC(text, { ...opts, config: { ...opts.config, severities } }).filter((f) => f.code === code);
}

export type ComposeFiresCase = FiresCase<ComposeLintOptions>;
export type ComposeFixCase = FixCase<ComposeLintOptions>;
export const pickComposeFix = pickFix;

const suite = ruleSuite<ComposeLintOptions>(
  (code, text, opts) => composeFindingsOf(code, text, opts),
  // The fixed file must still be valid YAML that the linter reads without errors.
  (out, opts) => assert.equal(lintC(out, opts).filter((f) => f.code === 'CM000').length, 0, `fix left a YAML syntax error:\n${out}`),
);
export const assertComposeFires = suite.assertFires;
export const assertComposeSilent = suite.assertSilent;
export const assertComposeFix = suite.assertFix;
/** The standard suite every compose rule has: fires, stays silent on near-misses, fixes apply. */
export const composeRuleTests = suite.ruleTests;

/** An in-memory project for cross-file rules: keys are absolute paths; the compose file is `/proj/compose.yaml` unless given. */
export function projectFiles(files: Record<string, string>, filePath = '/proj/compose.yaml'): ComposeLintOptions {
  const workspace: WorkspaceAccess = {
    contextDir: filePath.slice(0, filePath.lastIndexOf('/')) || '/',
    readFile: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined),
    exists: (p) => p in files || Object.keys(files).some((k) => k.startsWith(p.endsWith('/') ? p : p + '/')),
  };
  return { filePath, workspace };
}
