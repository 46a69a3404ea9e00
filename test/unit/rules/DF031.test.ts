import { ruleTests } from '../helpers';

ruleTests('DF031', {
  fires: [
    { text: 'FROM golang:1.23 AS Builder\nRUN go build -o /app\n', token: 'Builder', message: '"builder"' },
    { text: 'FROM node:22 AS BUILD\nRUN npm ci\nFROM node:22-slim\nCOPY --from=BUILD /app /app\n', token: 'BUILD' },
    { text: 'FROM alpine AS base\nFROM base AS webApp\nFROM base AS API\n', count: 2, token: 'webApp' },
  ],
  silent: [
    'FROM golang:1.23 AS builder\nRUN go build\n',
    'FROM python:3.12-slim\nRUN pip install x\n',
    'FROM alpine AS build-2\nFROM build-2\n',
  ],
  fixes: [
    {
      before: 'FROM golang:1.23 AS Builder\nRUN go build -o /app\nFROM gcr.io/distroless/static\nCOPY --from=Builder /app /app\n',
      after: 'FROM golang:1.23 AS builder\nRUN go build -o /app\nFROM gcr.io/distroless/static\nCOPY --from=builder /app /app\n',
    },
    {
      before: 'FROM alpine AS Base\r\nRUN --mount=type=cache,from=BASE,target=/c true\r\nFROM Base\r\n',
      after: 'FROM alpine AS base\r\nRUN --mount=type=cache,from=base,target=/c true\r\nFROM base\r\n',
    },
  ],
});
