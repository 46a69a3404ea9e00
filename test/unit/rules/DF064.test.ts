import { ruleTests } from '../helpers';

ruleTests('DF064', {
  fires: [
    { text: 'FROM debian:12\nRUN apt-get update\nUSER root\n', token: 'root', message: '"root"' },
    { text: 'FROM node:22-slim\nUSER node\nRUN npm ci\nUSER 0:0\nCMD ["node", "app.js"]\n', token: '0:0' },
    { text: 'FROM debian:12 AS base\nUSER root:root\nRUN true\nFROM base\nRUN echo more\n', token: 'root:root', message: 'stage "base"' },
    { text: 'FROM golang:1.22 AS build\nUSER app\nFROM alpine:3.20\nUSER 1000\nUSER root\n', token: 'root', count: 1 },
  ],
  silent: [
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n',
    // only the final stage matters (hadolint DL3002 also warns here)
    'FROM debian:12 AS build\nUSER root\nRUN make\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n',
    'FROM debian:12 AS base\nUSER root\nFROM base\nUSER 10001:10001\n',
    'FROM alpine:3.20\nUSER 1000:0\n',
    'FROM alpine:3.20\nONBUILD USER root\nUSER app\n',
    'FROM alpine:3.20\nUSER $APP_USER\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER root\n',
  ],
});
