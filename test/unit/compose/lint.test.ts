/**
 * The Compose linter: CM000 (YAML syntax) and CM001 (schema) findings with
 * ranges and fixes, suppression comments, per-rule severities, the size limit,
 * and the rule catalogue.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMPOSE_RULES, lintCompose as lintWithRules, MAX_COMPOSE_LINT_BYTES, parseComposeSuppressions, type ComposeLintOptions } from '../../../src/compose/lint';
import { applyEdits, LineIndex } from '../../../src/util/text';

/** These tests are about the engine, CM000 and CM001; the CM rules have their own tests (rules/). */
const lintCompose = (text: string, opts: ComposeLintOptions = {}) => lintWithRules(text, { rules: [], ...opts });

const UNKNOWN_KEY = 'services:\n  web:\n    imgae: nginx\n';

function applyPreferred(text: string, findings: ReturnType<typeof lintCompose>['findings']): string {
  const edits = findings.flatMap((f) => f.fixes.filter((x) => x.preferred).flatMap((x) => [...x.edits]));
  return applyEdits(text, edits);
}

describe('lintCompose', () => {
  it('runs the CM rules by default, each document on its own', () => {
    const r = lintWithRules('version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n---\nversion: "3"\nservices: {}\n');
    assert.deepEqual(
      r.findings.filter((f) => f.code === 'CM002').map((f) => f.range.start.line),
      [0, 5],
    );
    assert.deepEqual(r.errors, []);
  });
  it('a valid file has no findings', () => {
    const r = lintCompose('services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n');
    assert.deepEqual(r, { findings: [], errors: [] });
    assert.deepEqual(lintCompose(''), { findings: [], errors: [] });
    assert.deepEqual(lintCompose('# only a comment\n'), { findings: [], errors: [] });
  });

  it('reports a YAML syntax error as CM000 with its range, and no schema findings', () => {
    const text = 'services:\n  web:\n    imgae: nginx\n   ports: [80\n';
    const r = lintCompose(text);
    assert.deepEqual(r.errors, []);
    assert.ok(r.findings.length >= 1);
    assert.ok(r.findings.every((f) => f.code === 'CM000'), JSON.stringify(r.findings));
    const first = r.findings[0];
    assert.equal(first.severity, 'error');
    assert.deepEqual(first.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } });
    assert.match(first.message, /same column/);
  });

  it('reports a duplicate key as CM000 on the duplicate key', () => {
    const text = 'services:\n  web:\n    image: a\n    image: b\n';
    const [f, ...rest] = lintCompose(text).findings;
    assert.equal(rest.length, 0);
    assert.equal(f.code, 'CM000');
    assert.equal(new LineIndex(text).textOf(f.range), 'image');
    assert.equal(f.range.start.line, 3);
  });

  it('reports an unknown key as CM001 with a preferred rename fix', () => {
    const r = lintCompose(UNKNOWN_KEY, { filePath: '/repo/compose.yaml' });
    assert.equal(r.findings.length, 1);
    const f = r.findings[0];
    assert.equal(f.code, 'CM001');
    assert.equal(f.severity, 'error');
    assert.match(f.message, /Unknown key 'imgae' in services\.web \(did you mean 'image'\?\)/);
    assert.deepEqual(f.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
    const fixed = applyPreferred(UNKNOWN_KEY, r.findings);
    assert.equal(fixed, 'services:\n  web:\n    image: nginx\n');
    assert.deepEqual(lintCompose(fixed).findings, []);
  });

  it('validates every document of a multi-document file', () => {
    const text = 'services:\n  web:\n    image: nginx\n---\nservices:\n  db:\n    imgae: postgres\n';
    const r = lintCompose(text);
    assert.deepEqual(
      r.findings.map((f) => [f.code, f.range.start.line]),
      [['CM001', 6]],
    );
  });

  it('strips a BOM', () => {
    const r = lintCompose('\ufeff' + UNKNOWN_KEY);
    assert.deepEqual(r.findings[0].range.start, { line: 2, character: 4 });
  });

  describe('suppression comments', () => {
    it('# dockyard-ignore=CM001 on the line above the key', () => {
      const text = 'services:\n  web:\n    # dockyard-ignore=CM001\n    imgae: nginx\n    contianer_name: x\n';
      const r = lintCompose(text);
      assert.deepEqual(
        r.findings.map((f) => [f.code, f.range.start.line]),
        [['CM001', 4]],
        'only the next key is suppressed',
      );
    });

    it('skips blank and comment lines between the comment and the key', () => {
      const text = 'services:\n  web:\n    # dockyard-ignore=CM001\n\n    # the image\n    imgae: nginx\n';
      assert.deepEqual(lintCompose(text).findings, []);
    });

    it('does not suppress other codes', () => {
      const text = 'services:\n  web:\n    # dockyard-ignore=CM000\n    imgae: nginx\n';
      assert.equal(lintCompose(text).findings.length, 1);
    });

    it('# dockyard-ignore-file anywhere, by code or rule name', () => {
      const end = UNKNOWN_KEY + '# dockyard-ignore-file=CM001\n';
      assert.deepEqual(lintCompose(end).findings, []);
      const byName = '# dockyard-ignore-file=compose-schema\n' + UNKNOWN_KEY;
      assert.deepEqual(lintCompose(byName).findings, []);
      const syntax = '# dockyard-ignore-file=cm000\nservices:\n  web:\n    image: a\n    image: b\n';
      assert.deepEqual(lintCompose(syntax).findings, []);
    });

    it('can be turned off', () => {
      const text = '# dockyard-ignore-file=CM001\n' + UNKNOWN_KEY;
      assert.equal(lintCompose(text, { honourSuppressions: false }).findings.length, 1);
    });

    it('parses several codes per comment', () => {
      const sup = parseComposeSuppressions(new LineIndex('# dockyard-ignore=CM000, cm001\n\nservices: {}\n# dockyard-ignore-file=CM001 CM000\n'));
      assert.deepEqual([...sup.file].sort(), ['CM000', 'CM001']);
      assert.deepEqual([...(sup.lines.get(2) ?? [])].sort(), ['CM000', 'CM001']);
    });
  });

  describe('severities', () => {
    it('off disables a rule, by code or name', () => {
      assert.deepEqual(lintCompose(UNKNOWN_KEY, { config: { severities: { CM001: 'off' } } }).findings, []);
      assert.deepEqual(lintCompose(UNKNOWN_KEY, { config: { severities: { 'compose-schema': 'off' } } }).findings, []);
      const bad = 'services:\n  web:\n    image: a\n    image: b\n';
      assert.deepEqual(lintCompose(bad, { config: { severities: { CM000: 'off' } } }).findings, []);
    });

    it('other severities replace the default', () => {
      const r = lintCompose(UNKNOWN_KEY, { config: { severities: { CM001: 'warning' } } });
      assert.equal(r.findings[0].severity, 'warning');
      const bad = 'services:\n  web:\n    image: a\n  web2: [\n';
      const s = lintCompose(bad, { config: { severities: { CM000: 'info' } } });
      assert.ok(s.findings.length > 0);
      assert.ok(s.findings.every((f) => f.code === 'CM000' && f.severity === 'info'));
    });

    it('CM000 off still keeps the schema quiet on a broken file', () => {
      const text = 'services:\n  web:\n    imgae: nginx\n   ports: [80\n';
      assert.deepEqual(lintCompose(text, { config: { severities: { CM000: 'off' } } }).findings, []);
    });
  });

  it('does not lint huge input, and says why', () => {
    const huge = 'services:\n' + '  # padding\n'.repeat(Math.ceil(MAX_COMPOSE_LINT_BYTES / 12) + 1);
    assert.ok(huge.length > MAX_COMPOSE_LINT_BYTES);
    const t0 = Date.now();
    const r = lintCompose(huge);
    assert.ok(Date.now() - t0 < 1000);
    assert.deepEqual(r.findings, []);
    assert.equal(r.notLinted, 'file is larger than 1 MB: not linted');
    assert.deepEqual(r.errors, [r.notLinted]);
  });

  it('never throws on odd input', () => {
    for (const t of ['\u0000', '{{{', ']]', '? ? ?', '&a [*a]', '!!binary x', 'a: *nope\n', '- - -\n', '%YAML 9\n---\n', 'x: !reset\n']) {
      const r = lintCompose(t);
      assert.ok(Array.isArray(r.findings) && Array.isArray(r.errors), t);
      assert.deepEqual(r.errors, [], t);
    }
  });

  it('COMPOSE_RULES starts with CM000 and CM001', () => {
    assert.deepEqual(
      COMPOSE_RULES.slice(0, 2).map((r) => [r.code, r.name, r.defaultSeverity, r.fix]),
      [
        ['CM000', 'yaml-syntax', 'error', 'no'],
        ['CM001', 'compose-schema', 'error', 'partial'],
      ],
    );
    assert.equal(COMPOSE_RULES[0].title, 'YAML syntax error');
  });
});
