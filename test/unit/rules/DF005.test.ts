import { ruleTests } from '../helpers';

ruleTests('DF005', {
  fires: [
    { text: 'FROM alpine:3.20 ass builder\n', token: 'ass', message: 'Expected "AS"' },
    { text: 'FROM node:22 A builder\nRUN npm ci\n', token: 'A' },
    { text: 'from golang:1.22 at build\n', token: 'at', message: '"as"' },
    { text: 'FROM --platform=linux/amd64 debian:12 named base\n', token: 'named' },
    { text: 'FROM node:22 # builder\n', token: '# builder', message: 'no inline comments' },
  ],
  silent: [
    'FROM alpine:3.20 AS builder\n',
    'from alpine:3.20 as builder\nFROM alpine:3.20 As other\n',
    'FROM alpine:3.20 builder\n',
    'FROM alpine:3.20\nONBUILD FROM x y z\n',
  ],
  fixes: [
    { before: 'FROM alpine:3.20 ass builder\n', after: 'FROM alpine:3.20 AS builder\n' },
    { before: 'from golang:1.22 at build\nrun go build\n', after: 'from golang:1.22 as build\nrun go build\n' },
    { before: 'FROM --platform=linux/amd64 debian:12 named base\r\n', after: 'FROM --platform=linux/amd64 debian:12 AS base\r\n' },
    { before: 'FROM node:22 # builder\nRUN npm ci\n', after: '# builder\nFROM node:22\nRUN npm ci\n' },
  ],
});
