import { ruleTests } from '../helpers';

ruleTests('DF061', {
  fires: [
    { text: 'FROM debian:latest\nRUN true\n', token: 'latest', message: '"debian:latest"' },
    { text: 'FROM node:22 AS build\nFROM nginx:latest AS web\nCOPY --from=build /app /usr/share/nginx/html\n', token: 'latest', count: 1 },
    { text: 'ARG TAG=latest\nFROM python:$TAG\n', token: 'python:$TAG', message: '(= "python:latest")' },
    { text: 'ARG VERSION\nFROM ghcr.io/acme/app:${VERSION:-latest}\n', token: 'ghcr.io/acme/app:${VERSION:-latest}' },
    { text: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/astral-sh/uv:latest /uv /uvx /bin/\n', token: 'latest' },
    { text: 'FROM alpine:3.20\nRUN --mount=type=bind,from=nginx:latest,source=/etc/nginx,target=/n cp -r /n /etc/nginx\n', token: 'latest' },
  ],
  silent: [
    'FROM debian:bookworm\n',
    'FROM hub.docker.io/debian@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n',
    'FROM debian:latest@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\n',
    'FROM debian\n',
    'ARG TAG\nFROM python:$TAG\n',
    'FROM node:22 AS latest\nFROM latest\n',
    'FROM myimage:latest-lts\nFROM localhost:5000/latest:1.0\n',
  ],
});
