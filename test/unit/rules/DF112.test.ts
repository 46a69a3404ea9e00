import { ruleTests } from '../helpers';

const required = { config: { options: { requiredLabels: ['org.opencontainers.image.source', 'maintainer'] } } };
const one = { config: { options: { requiredLabels: ['org.opencontainers.image.source'] } } };

ruleTests('DF112', {
  fires: [
    {
      text: 'FROM golang:1.22 AS build\nLABEL maintainer=ops\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /app\n',
      token: 'FROM',
      count: 2,
      message: '"org.opencontainers.image.source"',
      opts: required,
    },
    { text: 'FROM python:3.12-slim\nLABEL maintainer="Jane"\nCMD ["python"]\n', count: 1, message: 'image.source', opts: required },
    { text: 'FROM node:22-slim\nONBUILD LABEL org.opencontainers.image.source=x\n', count: 1, opts: one },
    {
      text: 'FROM alpine:3.20\nLABEL maintainer=x extra=1\n',
      token: 'extra',
      count: 1,
      opts: { config: { options: { requiredLabels: ['maintainer'], strictLabels: true } } },
    },
    {
      text: 'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n',
      token: '# hadolint ignore=DL3018',
      opts: { config: { options: { forbidInlineIgnores: true } } },
    },
  ],
  silent: [
    'FROM alpine:3.20\nRUN true\n',
    { text: 'FROM alpine:3.20 AS base\nLABEL org.opencontainers.image.source=https://x maintainer=a\nFROM base\nRUN true\n', opts: required },
    { text: 'FROM alpine:3.20\nLABEL "maintainer"="a" \\\n  org.opencontainers.image.source=""\n', opts: required },
    { text: 'FROM alpine:3.20\nLABEL maintainer=x\n# hadolint ignore=DL3018\nRUN true\n', opts: { config: { options: { requiredLabels: ['maintainer'], strictLabels: true } } } },
  ],
  fixes: [
    {
      before: 'FROM python:3.12-slim\nWORKDIR /app\n',
      after: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source=""\nWORKDIR /app\n',
      opts: one,
    },
    {
      before: 'FROM alpine AS a\nRUN x\nFROM alpine\nLABEL a=b \\\n  c=d\nCMD ["x"]',
      after: 'FROM alpine AS a\nRUN x\nFROM alpine\nLABEL a=b \\\n  c=d\nLABEL org.opencontainers.image.source=""\nCMD ["x"]',
      opts: one,
    },
    { before: 'FROM alpine\r\nLABEL a=b', after: 'FROM alpine\r\nLABEL a=b\r\nLABEL org.opencontainers.image.source=""', opts: one },
  ],
});
