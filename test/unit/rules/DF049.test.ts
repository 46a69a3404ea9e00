import { ruleTests, fakeWorkspace } from '../helpers';

const ws = (ignore: string, extra: Record<string, string> = {}) =>
  ({ workspace: fakeWorkspace({ '/ctx/.dockerignore': ignore, ...extra }), filePath: '/ctx/Dockerfile' });

ruleTests('DF049', {
  fires: [
    { text: 'FROM node:22\nWORKDIR /app\nCOPY .env ./\n', token: '.env', message: '.dockerignore', opts: ws('.env\nnode_modules\n') },
    { text: 'FROM node:22\nCOPY package.json dist/ /app/\n', token: 'dist/', opts: ws('# build output\ndist\n') },
    { text: 'FROM python:3.12\nADD ./config/secrets.yaml /etc/app/\n', token: './config/secrets.yaml', opts: ws('**/secrets.yaml\n') },
    {
      text: 'FROM alpine\nCOPY build/app /app\n',
      token: 'build/app',
      message: 'Dockerfile.dockerignore',
      opts: { workspace: fakeWorkspace({ '/ctx/.dockerignore': '', '/ctx/Dockerfile.dockerignore': 'build\n' }), filePath: '/ctx/Dockerfile' },
    },
  ],
  silent: [
    { text: 'FROM node:22\nCOPY . /app\nCOPY src /app/src\n', opts: ws('.env\nnode_modules\n') },
    { text: 'FROM node:22\nCOPY docs/README.md /app/\n', opts: ws('docs\n!docs/README.md\n') },
    { text: 'FROM node:22\nCOPY --from=build /app/dist /dist\nADD https://example.com/dist /x\n', opts: ws('dist\n') },
    'FROM node:22\nCOPY .env /app/\n',
    {
      text: 'FROM alpine\nCOPY build/app /app\n',
      opts: { workspace: fakeWorkspace({ '/ctx/.dockerignore': 'build\n', '/ctx/Dockerfile.dockerignore': '*.md\n' }), filePath: '/ctx/Dockerfile' },
    },
  ],
});
