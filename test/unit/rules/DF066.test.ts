import { ruleTests } from '../helpers';

ruleTests('DF066', {
  fires: [
    { text: 'FROM node:22-slim\nUSER node\nCMD ["node", "app.js"]\n', token: 'node', message: '"node"' },
    { text: 'FROM debian:12\nRUN useradd -r app\nUSER app:app\n', token: 'app' },
    { text: 'FROM alpine:3.20\nUSER www-data:1000\nUSER nobody\n', token: 'www-data', count: 2 },
    { text: 'FROM alpine:3.20\nONBUILD USER builder\n', token: 'builder' },
  ],
  silent: [
    'FROM alpine:3.20\nUSER 10001\n',
    'FROM alpine:3.20\nUSER 1234:5678\n',
    'ARG APP_UID\nFROM foobar:barfoo\nUSER ${APP_UID}\n',
    'FROM alpine:3.20\nUSER root\nRUN apk add curl\nUSER 65532:65532\n',
    'FROM alpine:3.20\nUSER 1000:staff\n',
    'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n',
  ],
});
