import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, ruleTests } from '../helpers';

ruleTests('DF101', {
  fires: [
    { text: 'FROM node:22-alpine\nRUN yarn install --frozen-lockfile\n', token: 'install', message: 'yarn cache clean' },
    { text: 'FROM node:22-alpine\nRUN yarn cache clean && yarn install foo\n', token: 'install' },
    { text: 'FROM node:22-alpine\nRUN --mount=type=cache,target=/var/lib/foobar yarn && yarn build\n', token: 'yarn' },
    { text: 'FROM node:22-alpine AS foo\nRUN yarn global add pm2\nFROM foo\nRUN hey\n', token: 'add', message: 'yarn global add' },
    { text: 'FROM node:22-alpine AS foo\nONBUILD RUN yarn install\nFROM scratch\n', token: 'install' },
  ],
  silent: [
    'FROM node:22-alpine\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    'FROM node:22-alpine\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n',
    'FROM node:22-alpine AS build\nRUN yarn install && yarn build\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    'FROM node:22-alpine\nRUN yarn --version && yarn build && npm install\n',
  ],
  fixes: [
    {
      before: 'FROM node:22-alpine\nRUN yarn install --frozen-lockfile\n',
      after: 'FROM node:22-alpine\nRUN yarn install --frozen-lockfile && yarn cache clean\n',
    },
    {
      before: 'FROM node:22-alpine\r\nRUN yarn install \\\r\n    --frozen-lockfile && \\\r\n    yarn build\r\n',
      after: 'FROM node:22-alpine\r\nRUN yarn install \\\r\n    --frozen-lockfile && \\\r\n    yarn build && yarn cache clean\r\n',
    },
    {
      before: 'FROM node:22-alpine\nRUN <<EOF\nyarn install\nyarn build\nEOF\n',
      after: 'FROM node:22-alpine\nRUN <<EOF\nyarn install\nyarn build\nyarn cache clean\nEOF\n',
    },
  ],
});

void it('DF101: no fix when yarn runs in a branch', () => {
  const fs = findingsOf('DF101', 'FROM node:22\nRUN if [ -f yarn.lock ]; then yarn install; else npm ci; fi\n');
  assert.equal(fs.length, 1);
  assert.equal(fs[0].fixes.length, 0);
});
