/**
 * Robustness of CM001 on real input: every compose file of the shared corpus
 * (80 public files, `../shared/corpus/compose` beside the clone, or
 * DOCKYARD_CORPUS) is parsed and validated without an internal error, and the
 * findings stay the known true positives. Without the corpus this test fails:
 * it never passes by skipping.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { COMPOSE_SCHEMA_INFO, parseComposeDocument, validateComposeSchema, yamlSyntaxFindings } from '../../../src/compose/schema';
import { isMap, isScalar, type Pair, type Scalar } from 'yaml';
import { applyEdits, LineIndex } from '../../../src/util/text';

// out/test/unit/compose -> repository root
const root = resolve(__dirname, '..', '..', '..', '..');
const corpus = process.env.DOCKYARD_CORPUS ?? resolve(root, '..', 'shared', 'corpus');
const dir = join(corpus, 'compose');

/** Findings checked by hand (see docs/compose-schema.md): file -> expected messages. */
const KNOWN: Record<string, RegExp[]> = {
  // Compose file format v1 (no `services:`): not valid under the Compose Specification.
  'jessfraz__dockerfiles__openvpn__docker-compose.yml': [/Unknown top-level key 'vpn'/],
  // compose-go fixture with an empty service (`nil:`), only ever used as an extends base.
  'compose-spec__compose-go__loader__testdata__extends__base.yaml': [/services\.nil must be a mapping, not empty/],
};

describe('corpus of real compose files (schema)', () => {
  it('is present', () => {
    assert.ok(existsSync(dir), `compose corpus not found at ${dir} (set DOCKYARD_CORPUS)`);
  });

  it('validates every file without an internal error; only the known findings', () => {
    const files = readdirSync(dir).sort();
    assert.ok(files.length >= 80, `expected the 80 corpus files, found ${files.length}`);
    const unexpected: string[] = [];
    let count = 0;
    for (const name of files) {
      const text = readFileSync(join(dir, name), 'utf8');
      const doc = parseComposeDocument(text);
      const lines = new LineIndex(text);
      const syntax = yamlSyntaxFindings(doc, lines);
      const findings = validateComposeSchema(doc, lines, { rethrow: true });
      count += findings.length;
      for (const f of [...syntax, ...findings]) {
        assert.ok(f.range.start.line >= 0 && f.range.end.line < lines.lineCount, `${name}: range outside the file`);
        const known = KNOWN[name] ?? [];
        if (!known.some((re) => re.test(f.message))) unexpected.push(`${name}:${f.range.start.line + 1}: ${f.code} ${f.message}`);
      }
      for (const re of KNOWN[name] ?? []) {
        assert.ok(findings.some((f) => re.test(f.message)), `${name}: expected a finding matching ${re}`);
      }
    }
    assert.deepEqual(unexpected, [], 'unexpected findings on the corpus');
    assert.equal(count, Object.values(KNOWN).reduce((n, l) => n + l.length, 0));
  });

  it('finds a typo planted in each real file at the exact key, and its fix restores the file', () => {
    let planted = 0;
    for (const name of readdirSync(dir).sort()) {
      const text = readFileSync(join(dir, name), 'utf8');
      const doc = parseComposeDocument(text);
      if (doc.errors.length || !isMap(doc.contents)) continue;
      const services = doc.contents.get('services', true);
      if (!isMap(services)) continue;
      // The first service with a plain `image:` key written in place (not merged in).
      let key: Scalar | undefined;
      for (const svc of services.items as Pair[]) {
        if (!isMap(svc.value)) continue;
        const pair = (svc.value.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === 'image' && p.key.type === 'PLAIN');
        if (pair) {
          key = pair.key as Scalar;
          break;
        }
      }
      if (!key?.range) continue;
      const [start, end] = key.range;
      const broken = text.slice(0, start) + 'imgae' + text.slice(end);
      const lines = new LineIndex(broken);
      const findings = validateComposeSchema(parseComposeDocument(broken), lines, { rethrow: true });
      const hit = findings.find((f) => f.message.startsWith("Unknown key 'imgae'"));
      assert.ok(hit, `${name}: the planted typo was not found`);
      assert.equal(lines.offsetAt(hit.range.start), start, `${name}: range start`);
      assert.equal(lines.offsetAt(hit.range.end), start + 5, `${name}: range end`);
      const fix = hit.fixes.find((f) => f.preferred);
      assert.ok(fix, `${name}: no preferred fix`);
      assert.equal(applyEdits(broken, fix.edits), text, `${name}: the fix does not restore the file`);
      planted++;
    }
    assert.ok(planted >= 50, `only ${planted} corpus files had a plain image key`);
  });

  it('ships the schema file the docs describe (sha256)', () => {
    const file = join(root, 'src', 'compose', 'schema', 'compose-spec.json');
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    assert.equal(sha, COMPOSE_SCHEMA_INFO.sha256, 'update COMPOSE_SCHEMA_INFO and docs/compose-schema.md with the schema');
  });
});
