import { ruleTests } from '../helpers';

ruleTests('DF060', {
  fires: [
    { text: 'FROM debian\nRUN apt-get update\n', token: 'debian', message: '"debian"' },
    { text: 'FROM golang:1.22 AS build\nRUN go build\nFROM node AS web\nRUN npm ci\n', token: 'node', count: 1 },
    { text: 'ARG BASE=ubuntu\nFROM $BASE\nRUN true\n', token: '$BASE', message: '"$BASE" (= "ubuntu")' },
    { text: 'FROM --platform=$BUILDPLATFORM ghcr.io/acme/builder AS b\n', token: 'ghcr.io/acme/builder' },
    { text: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv /uv /bin/uv\n', token: 'ghcr.io/astral-sh/uv', message: 'Image' },
    { text: 'ARG REGISTRY=registry.example.com\nFROM ${REGISTRY}/team/app\n', token: '${REGISTRY}/team/app' },
  ],
  silent: [
    'FROM debian:12-slim\n',
    'FROM ruby@sha256:f1dbca0f5dbc9f1dbca0f5dbc9f1dbca0f5dbc9f1dbca0f5dbc9f1dbca0f5dbc9aa\n',
    'FROM scratch\nCOPY app /app\n',
    'FROM golang:1.22-alpine AS build\nRUN go build\nFROM build AS test\nRUN go test\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
    'FROM ${VALUE}\n',
    'ARG BASE\nFROM $BASE\n',
    'ARG TAG=3.20\nFROM alpine:${TAG}\n',
    'FROM node:22 AS deps\nFROM deps\nCOPY --from=deps /x /y\nCOPY --from=0 /x /z\n',
    'ARG BASE=builder\nFROM alpine:3.20 AS builder\nFROM $BASE\n',
    'FROM localhost:5000/app:1.0\n',
  ],
});
