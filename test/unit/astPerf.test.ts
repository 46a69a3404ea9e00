/**
 * Our port of dockerfile-ast's `getRawArguments` (src/dockerfile/astPerf.ts)
 * must give exactly the arguments, values and ranges of the original: checked
 * on every instruction of the corpus and on seeded random Dockerfiles made of
 * the characters its state machine cares about (escapes, line breaks,
 * comments inside continuations, `$`, whitespace).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { fastRawArguments, installAstMemoization, originalRawArgumentsOf } from '../../src/dockerfile/astPerf';
import { rng } from './random';

installAstMemoization();

const corpus = process.env.DOCKYARD_CORPUS ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

function shape(args: { getValue(): string; getRange(): unknown }[]): unknown[] {
  return args.map((a) => [a.getValue(), a.getRange()]);
}

function instructionsOf(text: string): Instruction[] {
  const out: Instruction[] = [];
  for (const i of DockerfileParser.parse(text).getInstructions()) {
    out.push(i);
    const trigger = (i as { getTriggerInstruction?: () => Instruction | null }).getTriggerInstruction?.();
    if (trigger) out.push(trigger);
  }
  return out;
}

function compare(text: string, label: string): number {
  let n = 0;
  for (const inst of instructionsOf(text)) {
    const fast = shape(fastRawArguments(inst as never));
    const original = shape(originalRawArgumentsOf(inst));
    assert.deepEqual(fast, original, `${label}: ${inst.getKeyword()} at line ${inst.getRange().start.line + 1}\n${JSON.stringify(text)}`);
    n++;
  }
  return n;
}


describe('fast getRawArguments', () => {
  it('matches dockerfile-ast on every instruction of the corpus', () => {
    const dir = join(corpus, 'dockerfiles');
    assert.ok(existsSync(dir), `corpus not found at ${dir} (set DOCKYARD_CORPUS)`);
    let n = 0;
    for (const f of readdirSync(dir)) {
      if (f.endsWith('.md') || f.endsWith('.tsv')) continue;
      n += compare(readFileSync(join(dir, f), 'utf8'), f);
    }
    assert.ok(n > 5000, `only ${n} instructions compared`);
  });

  it('matches dockerfile-ast on random input (escape directives, continuations, comments, CRLF)', () => {
    const pieces = [' ', ' ', '\t', '\n', '\r\n', '\\', '\\\n', '\\ \n', '\\\r\n', '`', '`\n', '#', '# c\n', '$', 'a', 'bc', '"', "'", 'RUN ', 'ENV ', 'FROM ', 'ONBUILD RUN ', 'LABEL ', '=', '\\$'];
    const next = rng(0x5eed);
    for (let k = 0; k < 3000; k++) {
      const directive = k % 3 === 0 ? '# escape=`\n' : '';
      let body = 'RUN ';
      const len = 1 + Math.floor(next() * 30);
      for (let i = 0; i < len; i++) body += pieces[Math.floor(next() * pieces.length)];
      compare(directive + body, `random #${k}`);
    }
  });

  it('returns a fresh array on each call (callers may change theirs)', () => {
    const [inst] = DockerfileParser.parse('RUN a b c\n').getInstructions();
    const first = inst.getArguments();
    first.shift();
    assert.equal(inst.getArguments().length, 3);
  });
});
