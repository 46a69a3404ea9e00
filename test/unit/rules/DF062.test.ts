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
