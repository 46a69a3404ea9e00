import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeWorkspace, findingsOf, ruleTests } from '../helpers';

const NEST = `FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm ci --omit=dev
COPY . .
RUN npm run build
CMD ["node", "dist/main.js"]
`;

ruleTests('DF123', {
  fires: [
    // NODE_ENV=production set in the stage this one builds on still applies.
    { text: 'FROM node:20-alpine AS base\nENV NODE_ENV=production\n\nFROM base\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n', token: 'npm run build' },
    { text: NEST, token: 'npm run build', message: '"npm run build" needs devDependencies, but "npm ci --omit=dev" skipped them' },
    {
      text: 'FROM node:20-alpine\nENV NODE_ENV=production\nWORKDIR /app\nCOPY . .\nRUN npm ci && npx tsc -p tsconfig.json\n',
      token: 'npx tsc',
      message: 'NODE_ENV=production made "npm ci" skip them',
    },
    { text: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN yarn install --production --frozen-lockfile && yarn build\n', token: 'yarn build' },
    { text: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN NODE_ENV=production pnpm install --frozen-lockfile\nRUN pnpm run build:prod\n', token: 'pnpm run build:prod' },
    { text: 'FROM node:22 AS base\nENV NODE_ENV=production\nFROM base\nCOPY . .\nRUN npm install --only=production\nRUN npx next build\n', token: 'npx next', count: 1 },
    { text: 'FROM node:22-slim\nCOPY . .\nRUN npm ci --omit dev\nRUN npm run build\nRUN npm run build:docs\n', count: 1 },
  ],
  silent: [
    // the stage overrides the inherited NODE_ENV before installing
    'FROM node:20-alpine AS base\nENV NODE_ENV=production\n\nFROM base\nENV NODE_ENV=development\nCOPY . .\nRUN npm ci && npm run build\n',
    'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build && npm prune --omit=dev\n',
    'FROM node:20-alpine\nENV NODE_ENV=production\nCOPY . .\nRUN npm ci --include=dev\nRUN npm run build\n',
    'FROM node:20 AS build\nCOPY . .\nRUN npm ci\nRUN npm run build\nFROM node:20-slim\nCOPY --from=build /app/dist ./dist\nRUN npm ci --omit=dev\n',
    'FROM node:20-alpine\nRUN npm run build\nRUN npm ci --omit=dev\n',
    'FROM node:20-alpine\nRUN npm ci --omit=dev\nRUN npm run start\n',
    { text: NEST, opts: { workspace: fakeWorkspace({ '/ctx/package.json': '{"dependencies": {"esbuild": "0.23"}}' }) } },
    'FROM node:20-alpine\nENV NODE_ENV=production\nRUN npm ci\nENV NODE_ENV=development\nRUN npm ci\nRUN npm run build\n',
  ],
  fixes: [
    { before: NEST, after: NEST.replace('npm ci --omit=dev', 'npm ci').replace('RUN npm run build', 'RUN npm run build && npm prune --omit=dev') },
    {
      before: 'FROM node:20-alpine\nENV NODE_ENV=production\nWORKDIR /app\nCOPY . .\nRUN npm ci && npx tsc -p tsconfig.json\nCMD ["node", "dist/index.js"]\n',
      after: 'FROM node:20-alpine\nENV NODE_ENV=production\nWORKDIR /app\nCOPY . .\nRUN npm ci --include=dev && npx tsc -p tsconfig.json && npm prune --omit=dev\nCMD ["node", "dist/index.js"]\n',
    },
    {
      before: 'FROM node:20-alpine\r\nCOPY . .\r\nRUN NODE_ENV=production pnpm install --frozen-lockfile\r\nRUN pnpm run build \\\r\n && echo built\r\n',
      after: 'FROM node:20-alpine\r\nCOPY . .\r\nRUN pnpm install --frozen-lockfile\r\nRUN pnpm run build && pnpm prune --prod \\\r\n && echo built\r\n',
    },
    {
      before: 'FROM node:22\nCOPY . .\nRUN npm ci \\\n    --omit dev \\\n    --no-audit\nRUN npm run build\n',
      after: 'FROM node:22\nCOPY . .\nRUN npm ci \\\n    --no-audit\nRUN npm run build && npm prune --omit=dev\n',
    },
  ],
});

describe('DF123 fix limits', () => {
  it('has no fix for yarn (yarn cannot prune)', () => {
    const fs = findingsOf('DF123', 'FROM node:20\nCOPY . .\nRUN yarn install --production && yarn build\n');
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0].fixes, []);
  });
});
