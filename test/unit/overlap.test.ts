/** Who reports a problem when Container Tools or Docker DX is installed too. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codesReportedByOthers } from '../../src/dockerfile/overlap';
import { ALL_RULES } from '../../src/dockerfile/rules';

const installed = (...ids: string[]) => (id: string) => ids.includes(id);

describe('overlapping rules', () => {
  it('leaves nothing to others when neither is installed', () => {
    assert.deepEqual(codesReportedByOthers(installed(), ALL_RULES), []);
    assert.deepEqual(codesReportedByOthers(installed('redhat.vscode-yaml'), ALL_RULES), []);
  });
  it('leaves the dockerfile-utils checks to Container Tools (and the old Docker extension)', () => {
    for (const ext of ['ms-azuretools.vscode-containers', 'ms-azuretools.vscode-docker']) {
      const codes = codesReportedByOthers(installed(ext), ALL_RULES);
      assert.ok(codes.includes('DF001'), 'unknown instruction is dockerfile-utils UNKNOWN_INSTRUCTION');
      assert.ok(codes.includes('DF036'), 'MAINTAINER is dockerfile-utils DEPRECATED_MAINTAINER');
      assert.ok(!codes.includes('DF089'), 'apt-get -y is ours alone');
      assert.ok(!codes.includes('DF038'), 'JSONArgsRecommended is BuildKit, not dockerfile-utils');
    }
  });
  it('leaves the BuildKit checks to Docker DX as well as the validator it starts', () => {
    const codes = codesReportedByOthers(installed('docker.docker'), ALL_RULES);
    assert.ok(codes.includes('DF038'), 'JSONArgsRecommended');
    assert.ok(codes.includes('DF031'), 'StageNameCasing');
    assert.ok(codes.includes('DF001'));
    assert.ok(!codes.includes('DF122'), 'our own cross-file rules stay');
    assert.ok(!codes.includes('DF090'));
  });
});
