import { ruleTests } from '../helpers';

ruleTests('DF044', {
  fires: [
    { text: 'FROM golang:1.23 AS builder\nRUN go build -o /app\nFROM alpine\nCOPY --from=biulder /app /app\n', token: 'biulder', message: 'did you mean builder' },
    { text: 'FROM alpine\nCOPY --from=build /out /out\nFROM node AS build\n', token: 'build', message: 'defined after' },
    { text: 'FROM alpine\nCOPY --from=2 /out /out\n', token: '2' },
    { text: 'FROM alpine\nCOPY --from=nginx /etc/nginx/nginx.conf /etc/nginx.conf\n', token: 'nginx', message: 'pulls an image' },
  ],
  silent: [
    'FROM golang:1.23 AS builder\nRUN go build\nFROM alpine\nCOPY --from=builder /app /app\nCOPY --from=0 /app /app2\n',
    'FROM alpine\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/org/tool /bin/tool /bin/tool\n',
    'FROM golang AS Build\nFROM alpine\nCOPY --from=BUILD /a /a\nCOPY --from=$STAGE /b /b\n',
  ],
  fixes: [
    {
      before: 'FROM golang:1.23 AS builder\nRUN go build -o /app\nFROM alpine\nCOPY --from=biulder /app /app\n',
      after: 'FROM golang:1.23 AS builder\nRUN go build -o /app\nFROM alpine\nCOPY --from=builder /app /app\n',
    },
    { before: 'FROM node:22 AS deps\r\nFROM node:22\r\nCOPY --from=dep /n /n\r\n', after: 'FROM node:22 AS deps\r\nFROM node:22\r\nCOPY --from=deps /n /n\r\n' },
  ],
});
