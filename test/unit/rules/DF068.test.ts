import { ruleTests } from '../helpers';

ruleTests('DF068', {
  fires: [
    { text: 'ARG NPM_TOKEN\nFROM node:22-slim\nRUN npm ci\n', token: 'NPM_TOKEN', message: 'ARG "NPM_TOKEN"' },
    { text: 'FROM python:3.12-slim\nENV DB_HOST=db DB_PASSWORD=hunter2 DB_PORT=5432\n', token: 'DB_PASSWORD', count: 1 },
    { text: 'FROM debian:12\nARG AWS_ACCESS_KEY_ID\nARG AWS_SECRET_ACCESS_KEY\n', token: 'AWS_ACCESS_KEY_ID', count: 2 },
    { text: 'FROM node:22\nENV apiKey=abc\n', token: 'apiKey' },
    { text: 'FROM node:22\nONBUILD ARG GITHUB_TOKEN\n', token: 'GITHUB_TOKEN' },
    { text: 'ARG openai_api_key\nFROM debian:bullseye\n', token: 'openai_api_key' },
  ],
  silent: [
    'FROM debian:bullseye\nENV foobar=barfoo\nARG VERSION=1.2\n',
    // key material that is public, or settings about secrets
    'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nENV APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=1\n',
    'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\nENV AUTH_URL=https://auth.example.com\n',
    'FROM node:22\nENV NEXT_PUBLIC_API_KEY=pk_123\nARG KEY_SIZE=4096\n',
    'FROM node:22\nENV AUTH_ENABLED=true\nENV PWD=/app\n',
    'FROM node:22\nENV TOKEN=\nRUN echo $TOKEN\n',
    'FROM node:22\nLABEL secret=none\n',
    'FROM node:22\nENV SSH_AUTH_SOCK=/ssh-agent GOOGLE_APPLICATION_CREDENTIALS=/secrets/sa.json\n',
  ],
});
