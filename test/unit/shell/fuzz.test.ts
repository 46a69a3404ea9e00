import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShellText } from '../../../src/dockerfile/shell';

const PIECES = [
  'a', 'b', ' ', ' ', '\n', '\t', '\\', '"', "'", '`', '$', '(', ')', '{', '}', '[', ']', '|', '&', ';', '<', '>',
  '#', '=', '!', '*', '~', '-', 'if', 'then', 'fi', 'elif', 'else', 'do', 'done', 'for', 'in', 'case', 'esac',
  'while', 'until', '<<', '<<-', 'EOF', '$(', '${', '$((', '((', '))', ';;', '\r\n', '2>&1', 'function', '[[', ']]',
  'x=(', '@(', 'time', "$'", '$"', '\\\n', '&&', '||', '|&',
];

/** Deterministic pseudo-random generator (LCG). */
function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

describe('parseShell: fuzz', () => {
  it('never throws, keeps raw words consistent and stays fast on random metacharacter soup', () => {
    const rnd = rng(20240601);
    const started = Date.now();
    for (let k = 0; k < 5000; k++) {
      let text = '';
      const len = rnd(80);
      for (let i = 0; i < len; i++) text += PIECES[rnd(PIECES.length)];
      const s = parseShellText(text);
      assert.ok(!s.errors.some((e) => e.message.startsWith('internal')), `internal error on ${JSON.stringify(text)}`);
      for (const c of s.commands) {
        assert.ok(c.start <= c.end && c.end <= text.length);
        if (c.words[0]?.value === '[[') continue;
        for (const w of [...c.assignments, ...c.words]) assert.equal(text.slice(w.start, w.end), w.raw);
      }
      for (let i = 1; i < s.commands.length; i++) assert.ok(s.commands[i - 1].start <= s.commands[i].start);
      // Pipelines are inserted in order as they complete: the same list as a stable sort of them
      // in completion order (what the parser did before), i.e. sorted with ties in completion order.
      const byStartThenLongest = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
        a.start - b.start || b.end - a.end;
      assert.deepEqual([...s.pipelines].sort(byStartThenLongest), s.pipelines);
      for (let i = 1; i < s.pipelines.length; i++) assert.ok(byStartThenLongest(s.pipelines[i - 1], s.pipelines[i]) <= 0);
    }
    assert.ok(Date.now() - started < 10_000, 'fuzzing took too long');
  });

  it('is linear on long inputs', () => {
    const unit = 'apt-get install -y "a $(b `c` d)" | e && { f; } || (g) ; if h; then i; fi\n';
    const t0 = process.hrtime.bigint();
    const small = parseShellText(unit.repeat(200));
    const t1 = process.hrtime.bigint();
    const big = parseShellText(unit.repeat(4000));
    const t2 = process.hrtime.bigint();
    assert.equal(big.commands.length, small.commands.length * 20);
    // 20x the input must not cost 400x the time (generous bound for noisy machines).
    assert.ok(Number(t2 - t1) < Number(t1 - t0) * 400 + 2e9);
  });
});
