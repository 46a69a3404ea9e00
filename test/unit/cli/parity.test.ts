import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hadolintMap, onbuildTransform, parityMarkdown, runParity, type ParityCase } from '../../parity/parityLib';

describe('parity harness', () => {
  it('prefixes RUN instructions with ONBUILD, not continuation lines, comments or heredoc bodies', () => {
    assert.equal(onbuildTransform('FROM x\nRUN a \\\n  RUN b\n# RUN c\nrun d'), 'FROM x\nONBUILD RUN a \\\n  RUN b\n# RUN c\nONBUILD run d');
    assert.equal(onbuildTransform('RUN <<EOF\nRUN inside\nEOF\nRUN after'), 'ONBUILD RUN <<EOF\nRUN inside\nEOF\nONBUILD RUN after');
    assert.equal(onbuildTransform('RUNNER x\nCOPY a b'), 'RUNNER x\nCOPY a b');
  });

  it('maps hadolint ids from anchors and scores cases (count included)', () => {
    const map = hadolintMap();
    assert.deepEqual(map.get('DL4000'), ['DF036']);
    const cases: ParityCase[] = [
      { id: 'DL4000-1', rule: 'DL4000', expect: 'fires', onbuild: false, dockerfile: 'FROM a\nMAINTAINER x' },
      { id: 'DL4000-2', rule: 'DL4000', expect: 'fires', onbuild: false, count: 2, dockerfile: 'FROM a\nMAINTAINER x' },
      { id: 'DL4000-3', rule: 'DL4000', expect: 'silent', onbuild: false, dockerfile: 'FROM a\nMAINTAINER x' },
      { id: 'DL4000-4', rule: 'DL4000', expect: 'silent', onbuild: false, dockerfile: 'FROM a' },
      { id: 'DL9999-1', rule: 'DL9999', expect: 'fires', onbuild: false, dockerfile: 'FROM a' },
    ];
    const r = runParity(cases);
    assert.deepEqual(r.rows, [{ hadolint: 'DL4000', codes: ['DF036'], cases: 4, agree: 2, missed: 0, extra: 1, countMismatch: 1 }]);
    assert.deepEqual(r.unmapped, [{ hadolint: 'DL9999', cases: 1 }]);
    assert.equal(r.total.percent, 50);
    assert.match(parityMarkdown(r, cases.length), /\| DL4000 \| DF036 \| 4 \| 2 \| 50\.0% \| 0 \| 1 \| 1 \|/);
  });
});
