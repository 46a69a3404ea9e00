import { ruleTests } from '../helpers';

ruleTests('DF022', {
  fires: [
    { text: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim AS build\n', token: 'build', count: 1, message: 'line 1' },
    { text: 'FROM golang:1.22 AS base\nFROM alpine:3.20 AS BASE\n', token: 'BASE' },
    { text: 'FROM a AS x\nFROM b AS x\nFROM c AS x\n', count: 2 },
  ],
  silent: [
    'FROM node:22 AS build\nFROM node:22-slim AS test\n',
    'FROM node:22 AS build\nFROM build AS build2\n',
    'FROM alpine:3.20\nFROM alpine:3.20\n',
    'FROM alpine:3.20 AS a\nONBUILD FROM alpine AS a\n',
  ],
});
