/**
 * `parseDockerfile` (src/dockerfile/parse.ts) must build what dockerfile-ast's
 * own `DockerfileParser.parse` builds, answering every method the same way.
 * The comparison calls every method without parameters (`get*`, `is*`,
 * `toString`) of every object of the tree, recursively (instructions,
 * arguments, flags and their options, properties, JSON strings, heredocs,
 * variables, comments, directives, build stages), on the original with
 * dockerfile-ast's unpatched `getRawArguments` and on ours, on the whole
 * corpus and on random and mutated input.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { withoutAstMemoization } from '../../src/dockerfile/astPerf';
import { parseDockerfile } from '../../src/dockerfile/parse';
import { rng } from './random';

const corpus = process.env.DOCKYARD_CORPUS ?? resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

const SKIP = new Set(['constructor']);

function methodsOf(obj: object): string[] {
  const names = new Set<string>();
  for (let p = Object.getPrototypeOf(obj); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const name of Object.getOwnPropertyNames(p)) {
      if (SKIP.has(name)) continue;
      const d = Object.getOwnPropertyDescriptor(p, name);
      if (!d || typeof d.value !== 'function' || d.value.length !== 0) continue;
      if (/^(get|is|to)/.test(name)) names.add(name);
    }
  }
  return [...names].sort();
}

function attempt(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).message}`;
  }
}

/** Everything the object answers, as plain data (classes by name). */
function describeValue(v: unknown, depth: number, lines: number): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => describeValue(x, depth, lines));
  const proto = Object.getPrototypeOf(v);
  if (proto === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object)) out[k] = describeValue((v as Record<string, unknown>)[k], depth, lines);
    return out;
  }
  const name = (proto?.constructor?.name as string | undefined) ?? '?';
  if (depth <= 0) return `<${name}>`;
  const out: Record<string, unknown> = { class: name };
  const obj = v as Record<string, (...a: unknown[]) => unknown>;
  for (const m of methodsOf(v as object)) {
    out[m] = attempt(() => describeValue(obj[m](), depth - 1, lines));
  }
  // The methods with a line or position parameter, on every line.
  if (typeof obj['getContainingImage'] === 'function' && depth >= 3) {
    const per: unknown[] = [];
    for (let line = 0; line <= lines; line++) {
      const position = { line, character: 0 };
      per.push([
        attempt(() => describeValue(obj['getContainingImage'](position), 1, lines)),
        attempt(() => describeValue(obj['getInstructionAt']?.(line), 1, lines)),
        attempt(() => obj['contains']?.(position)),
      ]);
    }
    out['perLine'] = per;
  }
  return out;
}

function describeTree(parse: (t: string) => unknown, text: string): unknown {
  const lines = text.split('\n').length;
  return describeValue(parse(text), 6, lines);
}

function compare(text: string, label: string): void {
  const expected = withoutAstMemoization(() => describeTree((t) => DockerfileParser.parse(t), text));
  const actual = describeTree(parseDockerfile, text);
  assert.deepEqual(actual, expected, `${label}\n${JSON.stringify(text)}`);
}


function corpusFiles(): [string, string][] {
  const dir = join(corpus, 'dockerfiles');
  assert.ok(existsSync(dir), `corpus not found at ${dir} (set DOCKYARD_CORPUS)`);
  return readdirSync(dir)
    .filter((f) => !f.endsWith('.md') && !f.endsWith('.tsv'))
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

const PIECES = [
  ' ', ' ', '\t', '\n', '\n', '\r\n', '\r', '\\', '\\\n', '\\ \n', '\\\r\n', '`', '`\n', '#', '# c\n', '$', '${A:-b}', '$B', 'a', 'bc', '"', "'",
  '[', ']', ',', '["a", "b"]', '[]', '[ ]', '"x\\"y"', '=', 'k=v', '\\$', '--from=s', '--mount=type=cache,target=/x', '--', '-', '<<EOF', '<<-EOF', '<<"EOF"',
  '<<', '<', 'EOF', '\tEOF', 'AS', ' as ', ':tag', '@sha256:abc', '\uFEFF', '\u00e9',
  'FROM ', 'RUN ', 'CMD ', 'ENTRYPOINT ', 'SHELL ', 'COPY ', 'ADD ', 'ARG ', 'ENV ', 'LABEL ', 'ONBUILD ', 'ONBUILD RUN ', 'ONBUILD COPY ', 'HEALTHCHECK ',
  'HEALTHCHECK CMD ', 'HEALTHCHECK NONE', 'VOLUME ', 'WORKDIR ', 'USER ', 'EXPOSE ', 'STOPSIGNAL ', 'MAINTAINER ', 'run ', 'From ', 'JUNK ',
];
const HEADS = ['', '', '# escape=`\n', '# escape=\\\n', '#escape = `\r\n', '# syntax=docker/dockerfile:1\n# escape=`\n', '\uFEFF', '\uFEFF# escape=`\n', '# directive=\n', '#\n', ' # a=b\n\n'];

function randomText(next: () => number): string {
  let text = HEADS[Math.floor(next() * HEADS.length)];
  const len = 1 + Math.floor(next() * 40);
  for (let i = 0; i < len; i++) {
    if (next() < 0.25) text += '\n' + PIECES[Math.floor(next() * 12) + 48];
    text += PIECES[Math.floor(next() * PIECES.length)];
  }
  return text;
}

function mutate(text: string, next: () => number): string {
  const n = 1 + Math.floor(next() * 6);
  for (let k = 0; k < n; k++) {
    const at = Math.floor(next() * (text.length + 1));
    const r = next();
    const piece = PIECES[Math.floor(next() * PIECES.length)];
    if (r < 0.4) text = text.slice(0, at) + piece + text.slice(at);
    else if (r < 0.7) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
    else text = text.slice(0, at) + piece + text.slice(at + piece.length);
  }
  return text;
}

describe('parseDockerfile', () => {
  it('answers like dockerfile-ast on every corpus file', () => {
    const files = corpusFiles();
    assert.ok(files.length > 500, `only ${files.length} corpus files`);
    for (const [f, text] of files) compare(text, f);
  });

  it('answers like dockerfile-ast on CRLF and escape-directive versions of corpus files', () => {
    const files = corpusFiles();
    for (let k = 0; k < files.length; k += 7) {
      const [f, text] = files[k];
      compare(text.replace(/\r?\n/g, '\r\n'), `${f} (CRLF)`);
      compare('# escape=`\n' + text.replace(/\\(\r?\n)/g, '`$1'), `${f} (escape=\`)`);
    }
  });

  it('answers like dockerfile-ast on random input', () => {
    const next = rng(0xd0c4);
    for (let k = 0; k < 4000; k++) compare(randomText(next), `random #${k}`);
  });

  it('answers like dockerfile-ast on mutated corpus files', () => {
    const files = corpusFiles();
    const next = rng(0xfa57);
    for (let k = 0; k < 600; k++) {
      const [f, text] = files[Math.floor(next() * files.length)];
      compare(mutate(text, next), `${f} mutated #${k}`);
    }
  });

  it('answers like dockerfile-ast on edge cases', () => {
    for (const text of ['', '\n', '\uFEFF', '#', '# escape=`', 'FROM', 'RUN \\', 'RUN \\ ', 'RUN <<EOF', 'RUN <<EOF\n', 'RUN <<EOF\nEOF', 'ONBUILD', 'ONBUILD RUN <<EOF\na\nEOF\n', 'RUN <\\\n<EOF\nx\nEOF\n', 'COPY <<A <<B /x\na\nA\nb\nB\n', 'RUN <<-EOF\n\ta\n\tEOF\nRUN b', 'CMD ["a",\\\n "b"]', '\r\r\n\r', 'FROM a\r\nRUN b\\\r\n# c\r\n  d\r\n']) {
      compare(text, JSON.stringify(text));
    }
  });

  it('answers the same whatever the order of calls, and callers cannot disturb each other', () => {
    // The memos of astPerf.ts (arguments, flags, lazy JSON) depend on which getter runs first:
    // call the getters in several orders, mutate the argument arrays handed out, then compare the whole tree.
    const ORDERS = [
      ['getFlags', 'getArguments', 'getJSONStrings'],
      ['getJSONStrings', 'getArguments', 'getFlags'],
      ['getOpeningBracket', 'getFlags', 'getRawArguments'],
      ['getRawArguments', 'getClosingBracket', 'getArguments'],
    ];
    const files = corpusFiles();
    const next = rng(0x0dde);
    for (let k = 0; k < files.length; k += 3) {
      const [f, text0] = files[k];
      const text = k % 2 ? text0 : mutate(text0, next);
      const expected = withoutAstMemoization(() => describeTree((t) => DockerfileParser.parse(t), text));
      const ours = parseDockerfile(text);
      const order = ORDERS[k % ORDERS.length];
      for (const inst of ours.getInstructions()) {
        const obj = inst as unknown as Record<string, (() => unknown) | undefined>;
        for (const m of order) {
          const got = obj[m]?.call(inst);
          // dockerfile-ast itself hands out its own flags and JSON strings arrays: only the fresh ones may be mutated.
          if (Array.isArray(got) && (m === 'getArguments' || m === 'getRawArguments')) {
            got.shift();
            got.push('junk');
            got.reverse();
          }
        }
      }
      assert.deepEqual(describeTree(() => ours, text), expected, `${f} (${order.join(', ')})`);
    }
  });

  it('never throws nor hangs on junk', () => {
    const next = rng(7);
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const len = Math.floor(next() * 60);
      for (let i = 0; i < len; i++) text += String.fromCharCode(Math.floor(next() * 128));
      parseDockerfile(text);
    }
  });
});
