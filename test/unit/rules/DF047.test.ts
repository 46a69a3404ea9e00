import { ruleTests } from '../helpers';

ruleTests('DF047', {
  fires: [
    { text: 'FROM --platform=linux/amd64 node:22\nRUN npm ci\n', token: 'linux/amd64', message: 'constant' },
    { text: 'FROM --platform=linux python:3.12 AS app\n', token: 'linux' },
    { text: 'FROM --platform="linux/arm64" golang:1.23 AS build\n', token: '"linux/arm64"' },
  ],
  silent: [
    'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n',
    'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine\n',
    'FROM --platform=linux/arm64 alpine AS build-arm64\nFROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver AS windows-base\n',
  ],
});
