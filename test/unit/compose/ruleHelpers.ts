/**
 * Test helpers for compose rules (CM002 and up), the twin of ../helpers.ts:
 * lint a compose text, assert a rule fires with the exact token range or
 * stays silent, apply its fixes to text. Plain Node.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintCompose, type ComposeLintOptions } from '../../../src/compose/lint';
import { COMPOSE_RULES } from '../../../src/compose/catalog';
import type { Finding, Fix, WorkspaceAccess } from '../../../src/dockerfile/types';
import { applyEdits, LineIndex } from '../../../src/util/text';

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

export interface ComposeFiresCase {
  text: string;
  /** Exact number of findings of this code (default: at least one). */
  count?: number;
  /** The text the (first) finding's range must cover exactly. */
  token?: string;
  /** A substring the (first) message must contain. */
  message?: string;
  opts?: ComposeLintOptions;
}

export interface ComposeFixCase {
  before: string;
  after: string;
  /** Title of the fix to apply (default: the preferred one, else the first). */
  title?: string | RegExp;
  opts?: ComposeLintOptions;
  /** Whether the rule may still fire on `after` (default false). */
  stillFires?: boolean;
}

export function pickComposeFix(f: Finding, title?: string | RegExp): Fix {
  const fix =
    title === undefined
      ? (f.fixes.find((x) => x.preferred) ?? f.fixes[0])
      : f.fixes.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  assert.ok(fix, `no fix${title ? ` titled ${String(title)}` : ''} on ${f.code}: ${f.message}; fixes: ${f.fixes.map((x) => x.title).join(', ')}`);
  return fix;
}

export function assertComposeFires(code: string, c: ComposeFiresCase | string): Finding[] {
  const k = typeof c === 'string' ? { text: c } : c;
  const fs = composeFindingsOf(code, k.text, k.opts);
  if (k.count !== undefined) assert.equal(fs.length, k.count, `${code}: expected ${k.count} finding(s), got ${fs.length} on:\n${k.text}\n${fmt(fs)}`);
  else assert.ok(fs.length > 0, `${code} should fire on:\n${k.text}`);
  if (k.token !== undefined) assert.equal(new LineIndex(k.text).textOf(fs[0].range), k.token, `${code}: range covers the wrong text`);
  if (k.message !== undefined) assert.ok(fs[0].message.includes(k.message), `${code}: message "${fs[0].message}" lacks "${k.message}"`);
  return fs;
}

export function assertComposeSilent(code: string, text: string, opts?: ComposeLintOptions): void {
  const fs = composeFindingsOf(code, text, opts);
  assert.equal(fs.length, 0, `${code} should stay silent on:\n${text}\nbut reported:\n${fmt(fs)}`);
}

export function assertComposeFix(code: string, c: ComposeFixCase): void {
  const fs = composeFindingsOf(code, c.before, c.opts);
  assert.ok(fs.length, `${code} did not fire on:\n${c.before}`);
  const out = applyEdits(c.before, pickComposeFix(fs[0], c.title).edits);
  assert.equal(out, c.after);
  // The fixed file must still be valid YAML that the linter reads without errors.
  assert.equal(lintC(out, c.opts).filter((f) => f.code === 'CM000').length, 0, `fix left a YAML syntax error:\n${out}`);
  if (!c.stillFires) assertComposeSilent(code, out, c.opts);
}

/** The standard suite every compose rule has: fires, stays silent on near-misses, fixes apply. */
export function composeRuleTests(
  code: string,
  spec: { fires: (ComposeFiresCase | string)[]; silent: (string | { text: string; opts?: ComposeLintOptions })[]; fixes?: ComposeFixCase[] },
): void {
  describe(code, () => {
    for (const [i, c] of spec.fires.entries()) {
      it(`fires #${i + 1}`, () => {
        assertComposeFires(code, c);
      });
    }
    for (const [i, c] of spec.silent.entries()) {
      it(`silent on near-miss #${i + 1}`, () => {
        if (typeof c === 'string') assertComposeSilent(code, c);
        else assertComposeSilent(code, c.text, c.opts);
      });
    }
    for (const [i, c] of (spec.fixes ?? []).entries()) {
      it(`fix #${i + 1}${c.title ? ` (${String(c.title)})` : ''}`, () => {
        assertComposeFix(code, c);
      });
    }
  });
}

/** An in-memory project for cross-file rules: keys are absolute paths; the compose file is `/proj/compose.yaml` unless given. */
export function projectFiles(files: Record<string, string>, filePath = '/proj/compose.yaml'): ComposeLintOptions {
  const workspace: WorkspaceAccess = {
    contextDir: filePath.slice(0, filePath.lastIndexOf('/')) || '/',
    readFile: (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined),
    exists: (p) => p in files || Object.keys(files).some((k) => k.startsWith(p.endsWith('/') ? p : p + '/')),
  };
  return { filePath, workspace };
}

function fmt(fs: Finding[]): string {
  return fs.map((f) => `  ${f.code} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n');
}
