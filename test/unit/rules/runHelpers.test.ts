/**
 * `model.reachesImage` answers from a set computed once per model; it must
 * agree with the definition it replaced (a scan of every later stage's chain of
 * parents, per call) on every stage of the corpus and of seeded random
 * multi-stage Dockerfiles (stages built on earlier, later, unknown and
 * repeated names).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { buildModel, type DockerfileModel, type Stage } from '../../../src/dockerfile/model';
import { rng } from '../random';

const corpus = process.env.DOCKYARD_CORPUS ?? resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus');

/** The definition before the per-model set. */
function reference(model: DockerfileModel, stage: Stage | undefined): boolean {
  if (!stage) return true;
  if (stage === model.finalStage) return true;
  for (const s of model.stages) {
    if (s.index <= stage.index) continue;
    const seen = new Set<Stage>();
    for (let t: Stage | undefined = s; t && !seen.has(t); t = t.parent) {
      if (t === stage) return true;
      seen.add(t);
    }
  }
  return false;
}

function compare(text: string, label: string): number {
  const model = buildModel(DockerfileParser.parse(text));
  let n = 0;
  for (const stage of [undefined, ...model.stages]) {
    assert.equal(model.reachesImage(stage), reference(model, stage), `${label}: stage ${stage?.index}\n${text}`);
    n++;
  }
  for (const info of model.instructions) assert.equal(model.reachesImage(info.stage), reference(model, info.stage), label);
  return n;
}


describe('model.reachesImage', () => {
  it('agrees with the per-call scan on every stage of the corpus', () => {
    const dir = join(corpus, 'dockerfiles');
    assert.ok(existsSync(dir), `corpus not found at ${dir} (set DOCKYARD_CORPUS)`);
    let n = 0;
    for (const f of readdirSync(dir)) {
      if (f.endsWith('.md') || f.endsWith('.tsv')) continue;
      const text = readFileSync(join(dir, f), 'utf8');
      if (text.length > 1e6) continue;
      n += compare(text, f);
    }
    assert.ok(n > 500);
  });

  it('agrees on random multi-stage files', () => {
    const next = rng(20261123);
    const pick = <X>(xs: readonly X[]): X => xs[Math.floor(next() * xs.length)];
    for (let k = 0; k < 2000; k++) {
      const count = 1 + Math.floor(next() * 8);
      const names = Array.from({ length: count }, (_, i) => `s${i}`);
      const lines: string[] = [];
      for (let i = 0; i < count; i++) {
        // Earlier, later, unknown, differently cased and numeric references (`FROM 0`).
        const base = next() < 0.6 ? pick([...names, 'alpine', 'S1', 'unknown', String(Math.floor(next() * count))]) : 'debian';
        lines.push(next() < 0.8 ? `FROM ${base} AS ${pick(names)}` : `FROM ${base}`, 'RUN true');
      }
      compare(lines.join('\n') + '\n', `random ${k}`);
    }
  });
});
