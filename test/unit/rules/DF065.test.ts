import { ruleTests } from '../helpers';

ruleTests('DF065', {
  fires: [
    { text: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n', token: 'FROM', message: 'python:3.12-slim' },
    { text: 'FROM golang:1.22 AS build\nUSER app\nRUN go build -o /out/app\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n', token: 'FROM', count: 1 },
    { text: 'FROM node:22 AS base\nRUN npm ci\nFROM base\nCMD ["node", "index.js"]\n', token: 'FROM' },
    { text: 'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n', token: 'FROM' },
  ],
  silent: [
    'FROM python:3.12-slim\nUSER 10001\n',
    'FROM debian:12 AS base\nUSER app\nFROM base\nRUN echo inherited\n',
    'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n',
    'FROM cgr.dev/chainguard/python:latest\nCOPY . /app\n',
    'FROM nginxinc/nginx-unprivileged:1.27\nCOPY site /usr/share/nginx/html\n',
    'ARG BASE\nFROM $BASE\nCOPY . /app\n',
    'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe /app.exe\n',
    'FROM debian:12\nUSER root\n',
  ],
});
