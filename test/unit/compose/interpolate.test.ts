import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpolateString } from '../../../src/compose/interpolate';
import { parseDotenv } from '../../../src/compose/dotenv';

const env: Record<string, string> = { A: 'a', EMPTY: '', N: '3' };
const look = (n: string) => env[n];
const I = (s: string) => interpolateString(s, look);

describe('interpolateString', () => {
  it('substitutes $VAR and ${VAR}', () => {
    assert.equal(I('x$A-${A}y').value, 'xa-ay');
    assert.equal(I('$A_B').value, '');
  });
  it('handles $$ as a literal dollar', () => {
    assert.equal(I('echo $$HOME $${A}').value, 'echo $HOME ${A}');
    assert.deepEqual(I('$$HOME').issues, []);
  });
  it(':- and - defaults', () => {
    assert.equal(I('${MISSING:-d}').value, 'd');
    assert.equal(I('${EMPTY:-d}').value, 'd');
    assert.equal(I('${MISSING-d}').value, 'd');
    assert.equal(I('${EMPTY-d}').value, '');
    assert.equal(I('${A:-d}').value, 'a');
    assert.deepEqual(I('${MISSING:-d}').issues, []);
  });
  it('nested defaults are interpolated', () => {
    assert.equal(I('${MISSING:-${A}/x}').value, 'a/x');
    assert.equal(I('${MISSING:-${ALSO:-z}}').value, 'z');
  });
  it(':? and ? report errors', () => {
    const r = I('${MISSING:?set it}');
    assert.equal(r.value, '');
    assert.equal(r.issues[0].kind, 'required');
    assert.match(r.issues[0].message, /set it/);
    assert.equal(I('${EMPTY:?x}').issues[0].kind, 'required');
    assert.deepEqual(I('${EMPTY?x}').issues, []);
    assert.equal(I('${MISSING?x}').issues[0].kind, 'required');
  });
  it(':+ and + alternatives', () => {
    assert.equal(I('${A:+yes}').value, 'yes');
    assert.equal(I('${EMPTY:+yes}').value, '');
    assert.equal(I('${EMPTY+yes}').value, 'yes');
    assert.equal(I('${MISSING+yes}').value, '');
  });
  it('reports unresolved variables with offsets, substituting "" as compose does', () => {
    const r = I('img:${TAG} $OTHER');
    assert.equal(r.value, 'img: ');
    assert.deepEqual(r.issues.map((i) => [i.kind, i.variable, i.start, i.end]), [
      ['unresolved', 'TAG', 4, 10],
      ['unresolved', 'OTHER', 11, 17],
    ]);
  });
  it('reports syntax errors without throwing', () => {
    assert.equal(I('${A').issues[0].kind, 'syntax');
    assert.equal(I('${1A}').issues[0].kind, 'syntax');
    assert.equal(I('${A:x}').issues[0].kind, 'syntax');
    assert.equal(I('cost $5').value, 'cost $5');
  });
});

describe('parseDotenv', () => {
  it('parses compose .env syntax', () => {
    const r = parseDotenv(
      [
        '# comment',
        'A=1',
        'export B = two ',
        "C='lit $A # not a comment'",
        'D="x\\ny ${A}"',
        'E=val # comment',
        'F=',
        'G=${A}-${MISSING:-d}',
        'H="multi',
        'line"',
        'FROMENV',
        'UNSETENV',
      ].join('\n'),
      (n) => (n === 'FROMENV' ? 'fe' : undefined),
    );
    assert.deepEqual(r.values, { A: '1', B: 'two', C: 'lit $A # not a comment', D: 'x\ny 1', E: 'val', F: '', G: '1-d', H: 'multi\nline', FROMENV: 'fe' });
    assert.deepEqual(r.errors, []);
  });
  it('reports bad lines', () => {
    assert.equal(parseDotenv('A B C').errors.length, 1);
  });
});
