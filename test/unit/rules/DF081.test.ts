import { ruleTests } from '../helpers';

ruleTests('DF081', {
  fires: [
    { text: 'FROM golang:1.22\nCOPY . /src\nRUN cd /src && go build -o /out/app ./cmd/app\n', token: 'cd', message: 'WORKDIR /src' },
    {
      text: 'FROM debian:12\nRUN set -eux; \\\n    curl -fsSLO https://example.com/tool.tgz; \\\n    cd /tmp && tar -xzf tool.tgz; \\\n    cd /; rm -rf /tmp/*\n',
      token: 'cd',
      count: 1,
    },
    { text: 'FROM node:22\nRUN (cd frontend && npm ci && npm run build)\n', token: 'cd' },
    { text: 'FROM debian:12\nONBUILD RUN cd /app && make\n', token: 'cd' },
  ],
  silent: [
    'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build ./...\n',
    'FROM debian:12\nRUN ROOT="$(cd "$(dirname "$0")" && pwd)" && echo "$ROOT"\n',
    'FROM debian:12\nRUN echo cd /tmp && ls cd\n',
  ],
});
