import { ruleTests } from '../helpers';

ruleTests('DF004', {
  fires: [
    { text: 'LABEL maintainer="ops@example.com"\nFROM alpine:3.20\n', token: 'LABEL', message: 'before the first FROM' },
    { text: 'RUN echo hi\nCMD ["sh"]\n', token: 'RUN', message: 'No FROM', count: 1 },
    { text: 'ARG VERSION=3.20\nENV A=1\nFROM alpine:$VERSION\n', token: 'ENV', count: 1 },
    { text: '# build image\nONBUILD RUN make\nFROM alpine:3.20\n', token: 'ONBUILD' },
    { text: 'ARG BASE=alpine:3.20\n', token: 'ARG', message: 'No FROM' },
    { text: 'WORKDIR /app\nCOPY . .\nFROM node:22\n', count: 2 },
  ],
  silent: [
    'ARG BASE=alpine:3.20\nFROM $BASE\nRUN true\n',
    '# syntax=docker/dockerfile:1\n\n# comment\nFROM alpine:3.20\nLABEL a=b\n',
    '',
    '# only a comment\n',
    'FROM alpine:3.20\nARG A=B\nRUN echo $A\n',
  ],
});
