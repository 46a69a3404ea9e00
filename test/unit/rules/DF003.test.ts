import { ruleTests } from '../helpers';

ruleTests('DF003', {
  fires: [
    { text: 'FROM golang:1.22 AS\nRUN go build ./...\n', token: 'AS', message: 'missing stage name' },
    { text: 'FROM node:22-slim builder\nRUN npm ci\n', token: 'builder', message: 'unexpected "builder"' },
    { text: 'FROM alpine:3.20 AS base extra words\n', token: 'extra words' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK NONE CMD true\n', token: 'CMD true' },
    { text: 'FROM alpine:3.20\nUSER app group\n', token: 'group' },
    { text: 'FROM debian:12 x y z\n', token: 'x y z' },
    { text: 'FROM debian:12 # base image\n', token: '# base image', message: 'no inline comments' },
  ],
  silent: [
    'FROM alpine:3.20 AS base\nfrom alpine:3.20 as other\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build\nFROM build\n',
    'FROM alpine:3.20\nHEALTHCHECK NONE\nhealthcheck none\n',
    'FROM alpine:3.20\nUSER app:app\nWORKDIR /my dir\nUSER "${APP_USER}"\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER NT AUTHORITY\\SYSTEM\n',
  ],
  fixes: [
    { before: 'FROM golang:1.22 AS\nRUN go build\n', after: 'FROM golang:1.22\nRUN go build\n' },
    { before: 'FROM node:22-slim builder\n', after: 'FROM node:22-slim AS builder\n' },
    { before: 'from node:22-slim builder\n', after: 'from node:22-slim as builder\n' },
    { before: 'FROM node:22-slim builder\n', after: 'FROM node:22-slim\n', title: 'Remove "builder"' },
    { before: 'FROM alpine:3.20 AS base extra more\nRUN true\n', after: 'FROM alpine:3.20 AS base\nRUN true\n' },
    { before: 'FROM alpine:3.20\r\nHEALTHCHECK NONE x\r\n', after: 'FROM alpine:3.20\r\nHEALTHCHECK NONE\r\n' },
    { before: 'FROM alpine:3.20 1st\n', after: 'FROM alpine:3.20\n' },
    { before: 'FROM debian:12 # base image\nRUN true\n', after: '# base image\nFROM debian:12\nRUN true\n' },
    { before: 'FROM alpine:3.20\r\n  USER app # not root\r\n', after: 'FROM alpine:3.20\r\n  # not root\r\n  USER app\r\n' },
  ],
});
