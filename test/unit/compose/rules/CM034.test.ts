import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dockerfileStages } from '../../../../src/compose/rules/_dockerfile';
import { composeRuleTests, projectFiles } from '../ruleHelpers';

const MULTI = '# syntax=docker/dockerfile:1\nFROM node:22 AS deps\nRUN npm ci\n\nFROM deps as Build\nRUN npm run build\n\nFROM --platform=$BUILDPLATFORM nginx:1.27 AS final\nCOPY --from=Build /app/dist /usr/share/nginx/html\n';
const proj = (compose: string, files: Record<string, string>) => ({ text: compose, opts: projectFiles({ '/proj/compose.yaml': compose, ...files }) });

composeRuleTests('CM034', {
  fires: [
    { ...proj('services:\n  web:\n    build:\n      context: .\n      target: biuld\n', { '/proj/Dockerfile': MULTI }), token: 'biuld', message: 'did you mean "Build"' },
    { ...proj('services:\n  web:\n    build:\n      context: ./web\n      dockerfile: docker/Dockerfile.prod\n      target: "production"\n', { '/proj/web/docker/Dockerfile.prod': MULTI }), token: '"production"', message: 'deps, Build, final' },
    { ...proj('services:\n  api:\n    build:\n      target: dev\n', { '/proj/Dockerfile': 'FROM python:3.13-slim\nCMD ["python"]\n' }), token: 'dev', message: 'no named stages' },
    { ...proj('services:\n  api:\n    build:\n      dockerfile_inline: |\n        FROM alpine AS base\n        FROM base AS runner\n      target: runer\n', {}), token: 'runer', message: 'inline' },
  ],
  silent: [
    proj('services:\n  web:\n    build:\n      context: .\n      target: build\n', { '/proj/Dockerfile': MULTI }),
    proj('services:\n  web:\n    build:\n      target: FINAL\n', { '/proj/Dockerfile': MULTI }),
    // Dockerfile missing (CM033), remote context, target from a variable, no workspace.
    proj('services:\n  web:\n    build:\n      context: ./nope\n      target: x\n', {}),
    proj('services:\n  web:\n    build:\n      context: https://github.com/o/r.git\n      target: x\n', {}),
    proj('services:\n  web:\n    build:\n      target: ${TARGET:-dev}\n', { '/proj/Dockerfile': MULTI }),
    'services:\n  web:\n    build:\n      target: nope\n',
    // A stage after a continued FROM line and the backtick escape directive.
    proj('services:\n  web:\n    build:\n      target: runtime\n', { '/proj/Dockerfile': '# escape=`\nFROM mcr.microsoft.com/dotnet/sdk:8.0 `\n  AS build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0 AS runtime\n' }),
  ],
  fixes: [
    { ...proj('services:\n  web:\n    build:\n      context: .\n      target: biuld\n', { '/proj/Dockerfile': MULTI }), before: 'services:\n  web:\n    build:\n      context: .\n      target: biuld\n', after: 'services:\n  web:\n    build:\n      context: .\n      target: Build\n' },
    { before: "services:\r\n  web:\r\n    build:\r\n      target: 'finall'\r\n", after: "services:\r\n  web:\r\n    build:\r\n      target: 'final'\r\n", opts: projectFiles({ '/proj/Dockerfile': MULTI }) },
  ],
});

describe('dockerfileStages', () => {
  it('reads FROM … AS names with flags, continuations and comments', () => {
    assert.deepEqual(dockerfileStages(MULTI), ['deps', 'Build', 'final']);
    assert.deepEqual(dockerfileStages('FROM a \\\n  # note\n  AS one\nfrom b as two\nRUN echo FROM c AS three\n'), ['one', 'two']);
    assert.deepEqual(dockerfileStages('FROM scratch\n'), []);
    assert.deepEqual(dockerfileStages('FROM a AS one\nRUN <<EOF\nFROM b AS two\nEOF\n'), ['one']);
    assert.deepEqual(dockerfileStages('# escape=`\nFROM a `\n  AS win\n'), ['win']);
  });
});
