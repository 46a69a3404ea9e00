import { ruleTests } from '../helpers';

const hex = 'e4c7b5a1f1e1a8d6c2b9f0a3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3';

ruleTests('DF006', {
  fires: [
    { text: 'FROM Ubuntu:22.04\nRUN true\n', token: 'Ubuntu', message: 'must be lowercase' },
    { text: 'FROM alpine:\n', token: ':', message: 'empty tag' },
    { text: 'FROM python:3.12@sha256:abc123\n', token: '@sha256:abc123', message: 'invalid digest' },
    { text: 'FROM node:latest!\n', token: ':latest!', message: 'invalid tag' },
    { text: `FROM alpine:3.20@sha256:${hex.toUpperCase()}\n`, token: `@sha256:${hex.toUpperCase()}`, message: 'lowercase' },
    { text: 'FROM ghcr.io/MyOrg/app:1.0\n', token: 'MyOrg/app', message: 'lowercase' },
    { text: 'ARG TAG\nFROM alpine:${TAG}\n', token: 'alpine:${TAG}', message: 'with the ARG defaults' },
    { text: 'ARG BASE=""\nFROM $BASE AS build\n', token: '$BASE', message: 'empty' },
  ],
  silent: [
    `FROM alpine:3.20@sha256:${hex}\nFROM localhost:5000/team/app:1.0\nFROM [::1]:5000/foo:bar\nFROM scratch\n`,
    'ARG TAG=3.20\nARG IMAGE=alpine:${TAG}\nFROM ${IMAGE}\nFROM alpine:${TAG:-latest}\n',
    'FROM --platform=$BUILDPLATFORM golang:1.22-alpine AS build\nFROM build AS test\nFROM Build\n',
    // undeclared ARGs are DF041's business
    'FROM $UNDECLARED\nFROM alpine-${TARGETARCH}:3.20\n',
    'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM docker.io/library/node:22\nFROM "alpine:3.20"\n',
  ],
});
