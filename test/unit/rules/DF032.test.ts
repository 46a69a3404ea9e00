import { ruleTests } from '../helpers';

ruleTests('DF032', {
  fires: [
    { text: 'FROM golang:1.23 as build\nRUN go build\n', token: 'as', message: '"AS"' },
    { text: 'from node:22 AS deps\nrun npm ci\n', token: 'AS', message: '"as"' },
    { text: 'FROM alpine As base\nFROM base AS final\n', token: 'As', count: 1 },
  ],
  silent: [
    'FROM golang:1.23 AS build\n',
    'from golang:1.23 as build\n',
    'From alpine as base\n',
  ],
  fixes: [
    { before: 'FROM golang:1.23 as build\nRUN go build\n', after: 'FROM golang:1.23 AS build\nRUN go build\n' },
    { before: 'from node:22 AS deps\r\n', after: 'from node:22 as deps\r\n' },
    { before: 'FROM --platform=$BUILDPLATFORM alpine aS x\n', after: 'FROM --platform=$BUILDPLATFORM alpine AS x\n' },
  ],
});
