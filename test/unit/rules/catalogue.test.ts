/** The rule catalogue is complete and consistent: codes, names, docs, tests. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../../src/dockerfile/rules';
import { COMPOSE_RULES } from '../../../src/compose/catalog';

const root = join(__dirname, '..', '..', '..', '..');

/** Every Dockerfile code of the design catalogue (sections 6a–6e and 6g); DF102 (ShellCheck) is optional. */
const EXPECTED = [
  'DF001', 'DF002', 'DF003', 'DF004', 'DF005', 'DF006', 'DF007', 'DF008', 'DF009', 'DF010', 'DF011', 'DF012',
  'DF014', 'DF015', 'DF016', 'DF017', 'DF018', 'DF019', 'DF020', 'DF021', 'DF022', 'DF023', 'DF024',
  'DF030', 'DF031', 'DF032', 'DF033', 'DF035', 'DF036', 'DF037', 'DF038', 'DF039', 'DF040', 'DF041', 'DF042',
  'DF043', 'DF044', 'DF045', 'DF046', 'DF047', 'DF048', 'DF049', 'DF050', 'DF051', 'DF052',
  'DF060', 'DF061', 'DF062', 'DF063', 'DF064', 'DF065', 'DF066', 'DF067', 'DF068', 'DF069', 'DF070', 'DF071',
  'DF072', 'DF073', 'DF074', 'DF075', 'DF076', 'DF077', 'DF078',
  'DF080', 'DF081', 'DF082', 'DF083', 'DF084', 'DF085', 'DF086', 'DF087', 'DF088', 'DF089', 'DF090', 'DF091',
  'DF092', 'DF093', 'DF094', 'DF095', 'DF096', 'DF098', 'DF099', 'DF100', 'DF101',
  'DF110', 'DF111', 'DF112', 'DF113',
  'DF120', 'DF121', 'DF122', 'DF123', 'DF124', 'DF125', 'DF126',
];

describe('rule catalogue', () => {
  it('implements every Dockerfile code of the design catalogue', () => {
    const have = new Set(ALL_RULES.map((r) => r.code));
    assert.deepEqual(EXPECTED.filter((c) => !have.has(c)), []);
  });
  it('has unique codes and kebab-case names', () => {
    const codes = ALL_RULES.map((r) => r.code);
    const names = ALL_RULES.map((r) => r.name);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(new Set(names).size, names.length);
    for (const n of names) assert.match(n, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
  for (const r of COMPOSE_RULES) {
    it(`${r.code} has docs`, () => {
      const doc = join(root, 'docs', 'rules', `${r.code}.md`);
      assert.ok(existsSync(doc), `missing docs/rules/${r.code}.md`);
      assert.match(readFileSync(doc, 'utf8'), new RegExp(`^# ${r.code}: `));
    });
  }
  for (const r of ALL_RULES) {
    it(`${r.code} has docs and tests`, () => {
      const doc = join(root, 'docs', 'rules', `${r.code}.md`);
      assert.ok(existsSync(doc), `missing docs/rules/${r.code}.md`);
      const text = readFileSync(doc, 'utf8');
      assert.match(text, new RegExp(`^# ${r.code}: `), `docs/rules/${r.code}.md must start with "# ${r.code}: <title>"`);
      for (const h of ['## Bad', '## Good']) assert.ok(text.includes(h), `docs/rules/${r.code}.md lacks "${h}"`);
      assert.ok(existsSync(join(root, 'test', 'unit', 'rules', `${r.code}.test.ts`)), `missing test/unit/rules/${r.code}.test.ts`);
      assert.ok(r.title.length > 0);
    });
  }
  it('the rule index in docs/rules/README.md lists every rule', () => {
    const index = readFileSync(join(root, 'docs', 'rules', 'README.md'), 'utf8');
    for (const r of [...ALL_RULES, ...COMPOSE_RULES]) assert.ok(index.includes(`[${r.code}](${r.code}.md)`), `docs/rules/README.md lacks ${r.code} (run npm run docs)`);
  });
});
