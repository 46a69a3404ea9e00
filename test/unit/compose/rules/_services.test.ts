import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeHealthcheck } from '../../../../src/compose/rules/_services';
import { yamlKey } from '../../../../src/compose/rules/_edit';
import { dockerfileHealthcheck } from '../../../../src/compose/rules/_dockerfile';

describe('_a helpers', () => {
  it('dockerfileHealthcheck: the built stage, its parents, NONE, scratch, escape directive', () => {
    assert.deepEqual(dockerfileHealthcheck('FROM node:22\nHEALTHCHECK CMD true\n'), { kind: 'yes' });
    assert.deepEqual(dockerfileHealthcheck('FROM node:22 AS a\nHEALTHCHECK CMD true\nFROM a\n'), { kind: 'yes' });
    assert.deepEqual(dockerfileHealthcheck('FROM node:22 AS a\nHEALTHCHECK CMD true\nFROM a\nHEALTHCHECK NONE\n').kind, 'none');
    assert.deepEqual(dockerfileHealthcheck('FROM golang AS b\nHEALTHCHECK CMD x\nFROM scratch\n').kind, 'none');
    assert.deepEqual(dockerfileHealthcheck('FROM python:3.12\nRUN echo HEALTHCHECK\n'), { kind: 'base', image: 'python:3.12' });
    assert.deepEqual(dockerfileHealthcheck('FROM a AS one\nHEALTHCHECK CMD x\nFROM b AS two\n', 'ONE'), { kind: 'yes' });
    assert.deepEqual(dockerfileHealthcheck('FROM a AS one\n', 'missing'), { kind: 'unknown' });
    assert.deepEqual(dockerfileHealthcheck('# escape=`\r\nFROM mcr.microsoft.com/windows AS w\r\nRUN a `\r\n  HEALTHCHECK\r\n'), { kind: 'base', image: 'mcr.microsoft.com/windows' });
    assert.deepEqual(dockerfileHealthcheck('FROM --platform=$BUILDPLATFORM $BASE\n'), { kind: 'unknown' });
    assert.deepEqual(dockerfileHealthcheck(''), { kind: 'unknown' });
  });
  it('dockerfileHealthcheck reads the Dockerfile as the linter does: heredocs, ONBUILD, flags, the last one wins', () => {
    // A heredoc body is not an instruction.
    assert.deepEqual(dockerfileHealthcheck('FROM python:3.12\nCOPY <<EOF /etc/x\nHEALTHCHECK CMD true\nEOF\n'), { kind: 'base', image: 'python:3.12' });
    // An ONBUILD trigger runs in images built FROM this one, not in this one.
    assert.deepEqual(dockerfileHealthcheck('FROM python:3.12\nONBUILD HEALTHCHECK CMD true\n'), { kind: 'base', image: 'python:3.12' });
    assert.deepEqual(dockerfileHealthcheck('FROM a\nHEALTHCHECK --interval=5s CMD true\nHEALTHCHECK NONE\n').kind, 'none');
    assert.deepEqual(dockerfileHealthcheck('FROM a\nHEALTHCHECK NONE\nHEALTHCHECK --timeout=3s CMD true\n'), { kind: 'yes' });
    // A numeric target is not a stage name.
    assert.deepEqual(dockerfileHealthcheck('FROM a\nHEALTHCHECK CMD x\n', '0'), { kind: 'unknown' });
  });
  it('composeHealthcheck', () => {
    const h = (x: object) => ({ disable: false, file: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ...x });
    assert.equal(composeHealthcheck(undefined), undefined);
    assert.equal(composeHealthcheck(h({ test: ['CMD', 'true'] })), 'yes');
    assert.equal(composeHealthcheck(h({ test: ['NONE'] })), 'disabled');
    assert.equal(composeHealthcheck(h({ disable: true })), 'disabled');
    assert.equal(composeHealthcheck(h({ interval: '5s' })), 'timing');
  });
  it('yamlKey quotes what would not read back as the same string', () => {
    assert.equal(yamlKey('pg-data'), 'pg-data');
    assert.equal(yamlKey('yes'), '"yes"');
    assert.equal(yamlKey('a b'), '"a b"');
  });
});
