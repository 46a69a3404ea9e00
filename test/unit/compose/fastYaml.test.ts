/**
 * The fast YAML path (src/compose/fastYaml.ts) must build exactly the
 * Document `yaml` builds, or decline. Checked on every corpus compose file,
 * on the generated 200-service bench file and on thousands of seeded random
 * mutations of corpus files: `toJS()` deep-equal, and a walk of both trees
 * comparing class, range, type, source, anchor, tag, flow and value at every node.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, Pair, parseAllDocuments, Scalar, YAMLMap, YAMLSeq, type Alias, type Document, type Node as YNode } from 'yaml';
import { aliasTargets } from '../../../src/compose/anchors';
import { fastParseYaml, fastPlainValue } from '../../../src/compose/fastYaml';
import { COMPOSE_YAML_OPTIONS, YamlValue } from '../../../src/compose/schema';
import { generateCompose } from '../../bench/compose';
import { rng } from '../random';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'compose');

/** Differences between two node trees, as paths (empty: identical). */
function diffNodes(a: unknown, b: unknown, at: string, out: string[]): void {
  if (out.length > 5) return;
  if (a === null || a === undefined || b === null || b === undefined) {
    if (a !== b) out.push(`${at}: ${String(a)} vs ${String(b)}`);
    return;
  }
  const ca = (a as object).constructor.name;
  const cb = (b as object).constructor.name;
  if (ca !== cb) return void out.push(`${at}: class ${ca} vs ${cb}`);
  if (isPair(a) && isPair(b)) {
    diffNodes(a.key, b.key, `${at}.key`, out);
    diffNodes(a.value, b.value, `${at}.value`, out);
    return;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const f of ['range', 'type', 'source', 'anchor', 'tag', 'flow', 'format']) {
    if (JSON.stringify(x[f]) !== JSON.stringify(y[f])) out.push(`${at}: ${f} ${JSON.stringify(x[f])} vs ${JSON.stringify(y[f])}`);
  }
  if (isScalar(a) && isScalar(b)) {
    const va = a.value;
    const vb = b.value;
    const same = typeof va === 'symbol' ? typeof vb === 'symbol' && va.description === vb.description : Object.is(va, vb);
    if (!same) out.push(`${at}: value ${String(va)} vs ${String(vb)}`);
    return;
  }
  if (isAlias(a)) return;
  if ((isMap(a) || isSeq(a)) && (isMap(b) || isSeq(b))) {
    if (a.items.length !== b.items.length) return void out.push(`${at}: ${a.items.length} vs ${b.items.length} items`);
    a.items.forEach((it, i) => diffNodes(it, b.items[i], `${at}[${i}]`, out));
  }
}

/** Compares the fast path with `yaml` on `text`; returns whether the fast path took it. */
function check(text: string, label: string): boolean {
  const fast = fastParseYaml(text, COMPOSE_YAML_OPTIONS);
  if (!fast) return false;
  const docs = parseAllDocuments(text, COMPOSE_YAML_OPTIONS) as Document[];
  assert.ok(Array.isArray(docs) && docs.length === 1, `${label}: yaml found ${Array.isArray(docs) ? docs.length : 0} documents, the fast path one`);
  const ref = docs[0];
  assert.deepEqual(ref.errors.map((e) => e.code), [], `${label}: yaml reports errors ${ref.errors.map((e) => e.message).join('; ')} but the fast path accepted the text`);
  assert.deepEqual(ref.warnings.map((e) => e.code), [], `${label}: yaml reports warnings but the fast path accepted the text`);
  assert.deepEqual(fast.errors, []);
  assert.deepEqual(fast.warnings, []);
  const out: string[] = [];
  diffNodes(fast.contents, ref.contents, '$', out);
  if (out.length && process.env.FASTYAML_DUMP) fs.writeFileSync(process.env.FASTYAML_DUMP, text);
  assert.deepEqual(out, [], `${label}: trees differ\n${out.join('\n')}\n--- text ---\n${text.length < 3000 ? text : text.slice(0, 3000)}`);
  assert.deepEqual(plain(fast), plain(ref), `${label}: toJS differs`);
  // The alias targets the reader records are those the walk of `aliasTargets` finds.
  const targets = (m: Map<Alias, YNode>): string[] => [...m].map(([a, n]) => `${String(a.range)} -> ${String(n.range)}`).sort();
  assert.deepEqual(targets(aliasTargets(fast)), targets(aliasTargets(ref)), `${label}: alias targets differ`);
  // The plain value read along with the nodes is the one `YamlValue` converts (key order included).
  const value = fastPlainValue(fast);
  if (value) {
    valuesChecked++;
    const expected = new YamlValue(ref, false).root;
    assert.deepStrictEqual(value.value, expected, `${label}: plain value differs`);
    assert.equal(ordered(value.value), ordered(expected), `${label}: plain value's key order differs`);
  }
  return true;
}

/** How many plain values `check` compared. */
let valuesChecked = 0;

/** A value as JSON with keys in their order, numbers written so NaN, ±Infinity and -0 stay apart. */
function ordered(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' ? `n:${Object.is(x, -0) ? '-0' : String(x)}` : x));
}

/** `toJS()`, or the message it throws (an alias without anchor throws in both). */
function plain(doc: Document): unknown {
  try {
    return { value: doc.toJS({ maxAliasCount: -1 }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}


const INSERTS = ['"', "'", ':', ': ', '#', ' #', '&a ', '*a', '- ', '{', '[', ']', '}', ',', '\t', '\r', '!reset ', '!override ', '<<: *a', '|', '>', '? ', '---', '%', '\\', '  ', ' ', '\n', '\n\n', '# c\n', 'x: 1\n', '&a', '0o7', '1e3', '.5', '~', 'null', 'True', '0x1F', '"\\x41\\u00e9\\n"', "''"];

/** One random edit of a text: delete, duplicate, re-indent a line, or insert a token. */
function mutate(text: string, r: () => number): string {
  const lines = text.split('\n');
  const n = 1 + Math.floor(r() * 3);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(r() * lines.length);
    const op = Math.floor(r() * 8);
    const line = lines[i] ?? '';
    if (op === 0) lines.splice(i, 1);
    else if (op === 1) lines.splice(i, 0, line);
    else if (op === 2) lines[i] = '  ' + line;
    else if (op === 3) lines[i] = line.replace(/^ {1,2}/, '');
    else if (op === 4) lines[i] = line + '\r';
    else if (op === 5) lines.splice(i, 0, ' '.repeat(Math.floor(r() * 10)) + '# note');
    else {
      const at = Math.floor(r() * (line.length + 1));
      const ins = INSERTS[Math.floor(r() * INSERTS.length)];
      lines[i] = line.slice(0, at) + ins + line.slice(at);
    }
  }
  return lines.join('\n');
}

const files = fs.existsSync(corpusDir) ? fs.readdirSync(corpusDir).filter((f) => !/^README/i.test(f)).sort() : [];
const texts = files.map((f) => {
  const t = fs.readFileSync(path.join(corpusDir, f), 'utf8');
  return { f, text: t.charCodeAt(0) === 0xfeff ? t.slice(1) : t };
});

describe('fast YAML path', () => {
  it('finds the corpus', () => assert.ok(files.length >= 80, `expected the compose corpus at ${corpusDir}`));

  it('builds the same Document as yaml for every corpus file it takes', () => {
    let taken = 0;
    const before = valuesChecked;
    for (const { f, text } of texts) if (check(text, f)) taken++;
    // Most real files are in the subset (the rest fall back to yaml).
    if (process.env.FASTYAML_STATS) console.log(`corpus: fast path took ${taken} of ${texts.length}`);
    assert.equal(valuesChecked - before, taken, 'a corpus file read without its plain value');
    assert.ok(taken >= texts.length / 2, `fast path took only ${taken} of ${texts.length} corpus files`);
  });

  it('takes the generated 200-service file', () => {
    const before = valuesChecked;
    assert.ok(check(generateCompose(200), 'generated-200'), 'the fast path declined the generated file');
    assert.equal(valuesChecked, before + 1, 'no plain value read with the generated file');
  });

  it('matches yaml on small hand-written cases', () => {
    const cases = [
      'a: 1\nb:  x  # c\n\n# hi\nc:\n  d: e\n\n  f:\n    - g\n    -  h # x\n',
      'a:\n  b: c\n  # x\nd: e\n',
      'a:\n  b: c\n# x\nd: e\n',
      'a:\n  b: c\n    # x\nd: e\n',
      'a:\n  b:\n    - c\n  # x\n\nd: e\n# end\n',
      'a:\n  b:\n    - c\n        # x\n\n\n',
      'a:\n  b:\n  - c\n  - d\n  e: f\n# t\n  # u\n',
      'a:\nb: 1\n',
      'a:   \nb: 1',
      'x:\n  a:\n\n\ny: 1\n',
      'x:\n  a: # c\ny: 1\n',
      'x:\n  a:\n  # c\ny: 1\n',
      'a:\n',
      'a: !reset\nb: !reset []\nc: &x\n  d: 1\ne: &y v\nf: *x\ng:\n  <<: *x\n  h: 2\n',
      'a: [x, "y", 1]  # c\nb: {p: q, r: 1}\n',
      // Nested anchors (recorded inner first), an anchor redefined, an alias before any anchor.
      'z: *x\na: &x\n  b: &y\n    c: 1\n  d: *y\n  e: *x\nf: *x\ng: &y 2\nh: *y\ni: &x [1]\nj: *x\n',
      'k: &x\n  b: *x\n  c: &y 1\n  d: *y\n',
      'a:\n  - b: 1\n    c: 2\n    # c\n  - d\n',
      // Merge keys (sequences of sources, non-mapping sources, flow), `__proto__`, compose tags, odd keys and numbers.
      'base: &b\n  x: 1\n  y: [1, 2]\nother: &o\n  y: 3\n  z: 4\nm:\n  <<:\n    - *b\n    - *o\n    - 5\n  x: 9\n',
      'o: &o\n  y: 3\nn:\n  <<: *o\n  __proto__: 1\no2: !override\np: !override\n  <<: {q: 1}\n  r: 2\n',
      'v:\n  <<: {<<: 1, w: 2}\n1: a\n"1": b\nnull: c\n',
      'a: .nan\nb: -0\nc: -.inf\nd: !override\n',
      'a: "q\\n\\"\\x41"\nb: \'it\'\'s\'\nc: 0o17\nd: 0x1f\ne: 1.50\nf: .inf\ng: -3\nh: ~\ni: TRUE\nj: 1e3\n',
    ];
    for (const c of cases) check(c, JSON.stringify(c));
  });

  it('builds nodes that behave as yaml\'s own (identity, instanceof, clone, stringify)', () => {
    const text = 'a: 1\nb:\n  - x\n  - [p, 1]\ng: {p: q}\nc: &c\n  d: "e"\nf: *c\n';
    const fast = fastParseYaml(text, COMPOSE_YAML_OPTIONS)!;
    const ref = parseAllDocuments(text, COMPOSE_YAML_OPTIONS)[0] as Document;
    assert.ok(fast);
    const map = fast.contents as YAMLMap;
    assert.ok(isMap(map) && map instanceof YAMLMap && isCollection(map) && isNode(map));
    const pair = map.items[1];
    assert.ok(isPair(pair) && pair instanceof Pair && isScalar(pair.key) && pair.key instanceof Scalar);
    assert.ok(isSeq(pair.value) && pair.value instanceof YAMLSeq);
    // `schema` stays out of the enumerable keys, and can be set (as `clone(schema)` does).
    assert.ok(!Object.keys(map).includes('schema') && !JSON.stringify(Object.entries(map)).includes('schema'));
    assert.equal(map.schema, fast.schema);
    const other = fast.schema.clone();
    assert.equal(map.clone(other).schema, other);
    assert.equal(map.schema, fast.schema);
    assert.equal(String(fast), String(ref));
    assert.deepEqual(fast.clone().toJS(), ref.toJS());
    assert.deepEqual(map.clone().toJSON(), (ref.contents as YAMLMap).toJSON());
  });

  it('matches yaml on seeded random mutations of corpus files', () => {
    const r = rng(20261123);
    let taken = 0;
    let total = 0;
    for (let round = 0; round < 40; round++) {
      for (const { f, text } of texts) {
        const m = mutate(text, r);
        total++;
        if (check(m, `${f} mutation ${round}`)) taken++;
      }
    }
    if (process.env.FASTYAML_STATS) console.log(`mutations: fast path took ${taken} of ${total}, plain values compared ${valuesChecked}`);
    assert.ok(total >= 3000);
    assert.ok(taken > 0);
  });
});
