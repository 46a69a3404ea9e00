/** The lint engine: suppressions, configuration, bad input, fix-all and ignore edits. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintDockerfile } from '../../src/dockerfile/lint';
import { fixAll, ignoreAboveLineEdit, ignoreForFileEdit, ignoreForInstructionEdit, minimalEdit, instructionStartLine } from '../../src/dockerfile/fixAll';
import { lintCompose } from '../../src/compose/lint';
import { applyEdits } from '../../src/util/text';

const codes = (text: string, opts = {}): string[] => lintDockerfile(text, opts).findings.map((f) => f.code);

describe('suppressions', () => {
  const bad = 'FROM debian:12\nMAINTAINER a\nRUNN x\n';
  it('reports without comments', () => {
    assert.ok(codes(bad).includes('DF036'));
    assert.ok(codes(bad).includes('DF001'));
  });
  it('# dockyard-ignore= applies to the next instruction only', () => {
    const t = 'FROM debian:12\n# dockyard-ignore=DF036\nMAINTAINER a\nMAINTAINER b\n';
    assert.equal(codes(t).filter((c) => c === 'DF036').length, 1);
  });
  it('accepts several codes, comments and blank lines in between', () => {
    const t = 'FROM debian:12\n# dockyard-ignore=DF036, DF001\n# why: legacy\n\nMAINTAINER a\nRUNN x\n';
    assert.equal(codes(t).filter((c) => c === 'DF036').length, 0);
    assert.equal(codes(t).filter((c) => c === 'DF001').length, 1);
  });
  it('# dockyard-ignore-file= applies to the whole file', () => {
    assert.ok(!codes('FROM debian:12\nMAINTAINER a\n# dockyard-ignore-file=DF036\nMAINTAINER b\n').includes('DF036'));
  });
  it('maps # hadolint ignore= and # hadolint global ignore= to our codes', () => {
    assert.ok(!codes('FROM debian:12\n# hadolint ignore=DL4000\nMAINTAINER a\n').includes('DF036'));
    assert.ok(!codes('# hadolint global ignore=DL4000\nFROM debian:12\nMAINTAINER a\nMAINTAINER b\n').includes('DF036'));
  });
  it('maps BuildKit # check=skip= (and skip=all) in the header', () => {
    assert.ok(!codes('# check=skip=MaintainerDeprecated\nFROM debian:12\nMAINTAINER a\n').includes('DF036'));
    assert.deepEqual(codes('# syntax=docker/dockerfile:1\n# check=skip=all\nFROM debian:12\nMAINTAINER a\n'), []);
    // not a directive once an instruction was seen
    assert.ok(codes('FROM debian:12\n# check=skip=MaintainerDeprecated\nMAINTAINER a\n').includes('DF036'));
  });
  it('suppresses findings anywhere inside a multi-line instruction', () => {
    const t = 'FROM debian:12\n# dockyard-ignore=DF001\nRUNN a \\\n  b\n';
    assert.ok(!codes(t).includes('DF001'));
  });
});

describe('configuration', () => {
  it('turns rules off and changes severities by code or name', () => {
    const t = 'FROM debian:12\nMAINTAINER a\n';
    assert.ok(!codes(t, { config: { severities: { DF036: 'off' } } }).includes('DF036'));
    const f = lintDockerfile(t, { config: { severities: { 'maintainer-deprecated': 'error' } } }).findings.find((x) => x.code === 'DF036');
    assert.equal(f?.severity, 'error');
  });
});

describe('bad input never throws', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['binary junk', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
    ['unterminated heredoc', 'FROM alpine\nRUN <<EOF\napk add curl\n'],
    ['CRLF', 'FROM alpine\r\nMAINTAINER a\r\nRUN echo hi \\\r\n  && echo there\r\n'],
    ['BOM', '\uFEFFFROM alpine\nMAINTAINER a\n'],
    ['only comments', '# nothing\n# here\n'],
    ['lone continuation', 'FROM alpine\nRUN \\'],
    ['NUL bytes', 'FROM alpine\0\nRUN \0echo\n'],
  ];
  for (const [name, text] of inputs) {
    it(name, () => {
      const r = lintDockerfile(text);
      assert.deepEqual(r.errors, []);
      assert.ok(Array.isArray(r.findings));
    });
  }
  it('BOM does not shift ranges', () => {
    const f = lintDockerfile('\uFEFFFROM alpine\nMAINTAINER a\n').findings.find((x) => x.code === 'DF036');
    assert.deepEqual(f?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
  });
  it('a 5 MB file is refused at once with a clear message', () => {
    const line = 'RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n';
    const big = 'FROM debian:12\n' + line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    const r = lintDockerfile(big);
    assert.deepEqual(r.findings, []);
    assert.match(r.errors[0], /larger than 1 MB/);
  });
});

describe('fix-all and ignore edits', () => {
  const lint = (t: string) => lintDockerfile(t).findings;
  it('applies every preferred fix, re-linting between passes', () => {
    const r = fixAll('FROM debian:12\nMAINTAINER a\nRUNN x\n', lint, { codes: new Set(['DF001', 'DF036']) });
    assert.equal(r.text, 'FROM debian:12\nLABEL org.opencontainers.image.authors="a"\nRUN x\n');
    assert.equal(r.applied, 2);
  });
  it('limits to the given codes', () => {
    const r = fixAll('FROM debian:12\nMAINTAINER a\nRUNN x\n', lint, { codes: new Set(['DF001']) });
    assert.equal(r.text, 'FROM debian:12\nMAINTAINER a\nRUN x\n');
  });
  it('minimalEdit keeps the common prefix and suffix', () => {
    const e = minimalEdit('FROM a\nRUNN x\nCMD y\n', 'FROM a\nRUN x\nCMD y\n')!;
    assert.equal(applyEdits('FROM a\nRUNN x\nCMD y\n', [e]), 'FROM a\nRUN x\nCMD y\n');
    assert.equal(e.range.start.line, 1);
    assert.equal(minimalEdit('x', 'x'), undefined);
  });
  it('ignore for this instruction inserts or extends the comment above', () => {
    const t = 'FROM debian:12\n  RUN a \\\n    b\n';
    assert.equal(instructionStartLine(t, 2), 1);
    const once = applyEdits(t, [ignoreForInstructionEdit(t, 2, 'DF089')]);
    assert.equal(once, 'FROM debian:12\n  # dockyard-ignore=DF089\n  RUN a \\\n    b\n');
    const twice = applyEdits(once, [ignoreForInstructionEdit(once, 3, 'DF090')]);
    assert.equal(twice, 'FROM debian:12\n  # dockyard-ignore=DF089,DF090\n  RUN a \\\n    b\n');
    assert.equal(applyEdits(twice, [ignoreForInstructionEdit(twice, 3, 'DF090')]), twice);
  });
  it('ignore in this file goes after the parser directives, keeps CRLF', () => {
    const t = '# syntax=docker/dockerfile:1\r\n# escape=\\\r\nFROM debian:12\r\n';
    assert.equal(applyEdits(t, [ignoreForFileEdit(t, 'DF061')]), '# syntax=docker/dockerfile:1\r\n# escape=\\\r\n# dockyard-ignore-file=DF061\r\nFROM debian:12\r\n');
    const u = 'FROM a\n# dockyard-ignore-file=DF001\n';
    assert.equal(applyEdits(u, [ignoreForFileEdit(u, 'DF036')]), 'FROM a\n# dockyard-ignore-file=DF001,DF036\n');
  });
  it('YAML: ignore on this line keeps the key\'s indentation, and the compose linter honours it', () => {
    const t = 'services:\n  api:\n    imgae: x\n';
    const once = applyEdits(t, [ignoreAboveLineEdit(t, 2, 'CM001')]);
    assert.equal(once, 'services:\n  api:\n    # dockyard-ignore=CM001\n    imgae: x\n');
    assert.deepEqual(lintCompose(once).findings.filter((f) => f.code === 'CM001'), []);
    const file = applyEdits(t, [ignoreForFileEdit(t, 'CM001', { afterDirectives: false })]);
    assert.equal(file, '# dockyard-ignore-file=CM001\nservices:\n  api:\n    imgae: x\n');
    assert.deepEqual(lintCompose(file).findings.filter((f) => f.code === 'CM001'), []);
  });
});
