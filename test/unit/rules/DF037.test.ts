import { ruleTests } from '../helpers';

ruleTests('DF037', {
  fires: [
    { text: 'FROM python:3.12\nENV PYTHONUNBUFFERED 1\n', token: 'PYTHONUNBUFFERED', message: 'ENV PYTHONUNBUFFERED=' },
    { text: 'FROM alpine\nLABEL maintainer "Jane Doe <jane@example.com>"\n', token: 'maintainer' },
    { text: 'FROM node:22\nENV PATH /app/node_modules/.bin:$PATH\nENV A=1\nENV B 2\n', count: 2, token: 'PATH' },
  ],
  silent: [
    'FROM python:3.12\nENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1\n',
    'FROM alpine\nLABEL org.opencontainers.image.title="x" version=1\n',
    'FROM alpine\nARG VERSION 1\nENV A="b c"\n',
  ],
  fixes: [
    { before: 'FROM python:3.12\nENV PYTHONUNBUFFERED 1\n', after: 'FROM python:3.12\nENV PYTHONUNBUFFERED=1\n' },
    { before: 'FROM alpine\nENV MSG hello world\n', after: 'FROM alpine\nENV MSG="hello world"\n' },
    { before: 'FROM alpine\r\nLABEL maintainer "Jane Doe"\r\n', after: 'FROM alpine\r\nLABEL maintainer="Jane Doe"\r\n' },
    { before: 'FROM alpine\nENV OPTS -a \\\n  -b\n', after: 'FROM alpine\nENV OPTS="-a \\\n  -b"\n' },
    { before: 'FROM alpine\nENV X a "b c"\n', after: 'FROM alpine\nENV X="a b c"\n' },
    { before: 'FROM alpine\nLABEL maintainer = "Jane"\n', after: 'FROM alpine\nLABEL maintainer="Jane"\n' },
  ],
});
