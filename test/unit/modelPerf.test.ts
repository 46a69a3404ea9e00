/**
 * `model.reachesImage` (one set of built-on stages per lint) must answer exactly as the
 * per-call walk of the later stages it replaces (`_run.stageReachesImage`), for every stage of
 * every corpus Dockerfile and of generated multi-stage files.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { buildModel } from '../../src/dockerfile/model';
import { stageReachesImage } from '../../src/dockerfile/rules/_run';

const corpus = process.env.DOCKYARD_CORPUS ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

function texts(): string[] {
  const out: string[] = [];
  const dir = join(corpus, 'dockerfiles');
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)) if (!f.endsWith('.md') && !f.endsWith('.tsv')) out.push(readFileSync(join(dir, f), 'utf8'));
  }
  // Chains, fan-outs, numeric references and names reused after their stage.
  let seed = 7;
  const rnd = (k: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % k;
  };
  for (let n = 0; n < 300; n++) {
    const count = 1 + rnd(8);
    let text = '';
    for (let i = 0; i < count; i++) {
      const base = i && rnd(2) ? (rnd(3) ? `s${rnd(i + 1)}` : String(rnd(i + 1))) : 'alpine';
      text += `FROM ${base} AS s${rnd(3) ? i : rnd(count)}\nRUN true\n`;
    }
    out.push(text);
  }
  return out;
}

describe('model.reachesImage', () => {
  it('equals stageReachesImage', () => {
    for (const text of texts()) {
      const model = buildModel(DockerfileParser.parse(text));
      assert.equal(model.reachesImage(undefined), stageReachesImage(model, undefined));
      for (const s of model.stages) assert.equal(model.reachesImage(s), stageReachesImage(model, s), text);
    }
  });
});
