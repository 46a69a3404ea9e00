import { ruleTests } from '../helpers';

ruleTests('DF048', {
  fires: [
    { text: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n', token: '--platform=$TARGETPLATFORM', message: 'redundant' },
    { text: 'FROM --platform=${TARGETPLATFORM} node:22 AS app\n', token: '--platform=${TARGETPLATFORM}' },
    { text: 'FROM --platform="$TARGETPLATFORM" python:3.12\n', token: '--platform="$TARGETPLATFORM"' },
  ],
  silent: [
    'FROM --platform=$BUILDPLATFORM golang:1.23\n',
    'FROM --platform=$TARGETOS/$TARGETARCH alpine\nFROM --platform=foobar/arm64 alpine\n',
    'ARG TARGETPLATFORM=linux/arm64\nFROM --platform=$TARGETPLATFORM alpine\n',
  ],
  fixes: [
    { before: 'FROM --platform=$TARGETPLATFORM alpine:3.20\n', after: 'FROM alpine:3.20\n' },
    { before: 'FROM  --platform=${TARGETPLATFORM}   node:22 AS app\r\n', after: 'FROM  node:22 AS app\r\n' },
  ],
});
