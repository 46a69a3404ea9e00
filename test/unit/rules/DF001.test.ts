import { ruleTests } from '../helpers';

ruleTests('DF001', {
  fires: [
    { text: 'FROM alpine:3.20\nRUNN echo hi\n', token: 'RUNN', message: 'did you mean RUN' },
    { text: 'FROM node:22-slim\nWORKDIR /app\nCOPPY package.json ./\n', token: 'COPPY' },
    { text: 'FROM python:3.12-slim\nXYZZY foo\n', token: 'XYZZY', count: 1 },
    { text: 'FROM alpine:3.20\nonbuild runn make\n', count: 1 },
  ],
  silent: [
    'FROM alpine:3.20\nRUN echo hi\n',
    'from alpine:3.20\nrun echo hi\nhealthcheck NONE\n',
    'FROM alpine:3.20\n# RUNN is only a comment\nRUN echo \\\n  RUNN\n',
  ],
  fixes: [
    { before: 'FROM alpine:3.20\nRUNN echo hi\n', after: 'FROM alpine:3.20\nRUN echo hi\n' },
    { before: 'from alpine:3.20\ncopyy a b\n', after: 'from alpine:3.20\ncopy a b\n' },
    { before: 'FROM alpine:3.20\nENTRYPONT ["sh"]\n', after: 'FROM alpine:3.20\nENTRYPOINT ["sh"]\n' },
  ],
});
