import { ruleTests } from '../helpers';

ruleTests('DF033', {
  fires: [
    { text: 'FROM alpine:3.20\ncopy app /app\nRUN true\n', token: 'copy', message: 'uppercase' },
    { text: 'from alpine:3.20\nrun apk add curl\nCOPY . /app\ncmd ["sh"]\n', token: 'COPY', message: 'lowercase' },
    { text: 'From alpine:3.20\nRUN true\n', token: 'From', message: 'mixes' },
    { text: '# Syntax=docker/dockerfile:1\nFROM alpine\n', token: 'Syntax' },
    { text: 'FROM alpine\nONBUILD run make\n', token: 'run' },
  ],
  silent: [
    'FROM alpine:3.20\nRUN apk add curl\nCOPY . /app\n',
    'from alpine:3.20\nrun apk add curl\ncopy . /app\n',
    '# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine\nRUN echo RUN run\n',
    'FROM alpine\nRUNN true\n',
  ],
  fixes: [
    { before: 'FROM alpine:3.20\ncopy app /app\nRUN true\n', after: 'FROM alpine:3.20\nCOPY app /app\nRUN true\n' },
    { before: 'from alpine\nrun true\nRun false\n', after: 'from alpine\nrun true\nrun false\n' },
    { before: '# ESCAPE=`\r\nFROM alpine\r\n', after: '# escape=`\r\nFROM alpine\r\n' },
  ],
});
