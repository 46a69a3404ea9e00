import { ruleTests } from '../helpers';

ruleTests('DF042', {
  fires: [
    {
      text: 'ARG VERSION=1.2.3\nFROM node:22\nLABEL org.opencontainers.image.version=$VERSION\n',
      token: '$VERSION',
      message: 'global ARG VERSION',
    },
    { text: 'FROM alpine:3.20\nWORKDIR $HOME/app\n', token: '$HOME' },
    { text: 'FROM python:3.12\nARG APP_HOME=/app\nCOPY . ${APP_HOEM}\n', token: '${APP_HOEM}', message: 'did you mean $APP_HOME' },
    { text: 'FROM node:22\nCOPY src $DEST\nARG DEST=/srv\n', token: '$DEST', message: 'declared later' },
    { text: 'FROM scratch\nCOPY --chown=$UID:0 app /app\n', token: '$UID' },
    { text: 'FROM alpine AS base\nENV A=1\nFROM base\nENV B=${A}${C:-x}\n', token: '${C:-x}' },
  ],
  silent: [
    'FROM node:22\nWORKDIR $NODE_PATH\nENV PATH=$PATH:/x\n',
    'ARG VERSION\nFROM node:22\nARG VERSION\nLABEL version=$VERSION\n',
    'FROM alpine AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\nCOPY --chown=$TARGETARCH x /y\n',
    "FROM alpine\nENV A='$literal' B=\\$escaped\nRUN echo $UNDEFINED_IN_SHELL\n",
    'FROM alpine\nENV A=1 B=$A\n',
  ],
  fixes: [
    {
      before: 'ARG VERSION=1.2.3\nFROM node:22\nLABEL org.opencontainers.image.version=$VERSION\n',
      after: 'ARG VERSION=1.2.3\nFROM node:22\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION\n',
    },
    {
      before: 'FROM python:3.12\r\nARG APP_HOME=/app\r\nCOPY . ${APP_HOEM}\r\n',
      after: 'FROM python:3.12\r\nARG APP_HOME=/app\r\nCOPY . ${APP_HOME}\r\n',
    },
  ],
});
