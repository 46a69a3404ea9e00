import { ruleTests } from '../helpers';

ruleTests('DF062', {
  fires: [
    { text: 'FROM python:3.12-slim\nRUN true\n', token: 'python:3.12-slim', message: 'digest' },
    { text: 'FROM golang:1.22@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb AS b\nFROM gcr.io/distroless/static:nonroot\n', token: 'gcr.io/distroless/static:nonroot', count: 1 },
    { text: 'ARG BASE=node:22\nFROM ${BASE}\n', token: '${BASE}' },
    { text: 'FROM alpine@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/\n', token: 'ghcr.io/astral-sh/uv:0.5' },
  ],
  silent: [
    'FROM python:3.12-slim@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n',
    'FROM scratch\n',
    'FROM alpine@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb AS a\nFROM a\nCOPY --from=a /x /y\n',
    'ARG BASE\nFROM $BASE\n',
  ],
});

import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lintDockerfile } from '../../../src/dockerfile/lint';

it('DF062 covers the whole image when another rule has read the image name first (the shared argument memo)', () => {
  // A relative WORKDIR makes a rule resolve the path against the stage's image (Workdir.getAbsolutePath),
  // which reads the image name: that once shrank the image range DF062 reports, in place.
  const res = lintDockerfile('FROM ubuntu:16.04\nWORKDIR app\n', { config: { severities: { DF062: 'warning', DF039: 'warning', DF077: 'warning' } } });
  const f = res.findings.find((x) => x.code === 'DF062');
  assert.deepEqual(f && [f.range.start.character, f.range.end.character], [5, 17]);
  assert.ok(res.findings.some((x) => x.code === 'DF039'));
});
