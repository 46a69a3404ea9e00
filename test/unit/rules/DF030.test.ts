import { ruleTests } from '../helpers';

ruleTests('DF030', {
  fires: [
    { text: 'FROM alpine:3.20 AS scratch\nRUN true\n', token: 'scratch', message: 'reserved' },
    { text: 'FROM node:22 AS context\nCOPY . .\n', token: 'context' },
    { text: 'FROM golang:1.23 AS build\nRUN go build\nFROM debian:12 AS Scratch\nCOPY --from=build /out /\n', token: 'Scratch', count: 1 },
  ],
  silent: [
    'FROM alpine:3.20 AS builder\nRUN true\n',
    'FROM scratch\nCOPY app /app\n',
    'FROM alpine:3.20 AS scratch-builder\nFROM alpine AS build-context\n',
  ],
});
