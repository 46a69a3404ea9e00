import { ruleTests } from '../helpers';

ruleTests('DF094', {
  fires: [
    { text: 'FROM alpine:3.20\nRUN apk add flex=2.6.4-r1\n', token: 'add', message: '--no-cache' },
    { text: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add -U curl=7.77.0\n', token: 'add' },
    { text: 'FROM alpine:3.20\nRUN apk update && \\\n    apk --update add --virtual .build-deps \\\n      gcc musl-dev\n', token: 'add' },
    { text: 'FROM alpine:3.20\nONBUILD RUN apk add git\n', token: 'add' },
  ],
  silent: [
    'FROM alpine:3.20\nRUN apk add --no-cache flex=2.6.4-r1\n',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n',
    'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl\n',
    'FROM alpine:3.20\nRUN apk add --update curl && rm -rf /var/cache/apk/*\n',
    'FROM alpine:3.20\nRUN apk del curl && apk info\n',
    'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps so:libz.so.1\n',
  ],
  fixes: [
    { before: 'FROM alpine:3.20\nRUN apk add curl\n', after: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    { before: 'FROM alpine:3.20\nRUN apk add --update curl\n', after: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' },
    {
      before: 'FROM alpine:3.20\r\nRUN apk --update add \\\r\n      -U gcc \\\r\n      musl-dev\r\n',
      after: 'FROM alpine:3.20\r\nRUN apk --no-cache add \\\r\n      gcc \\\r\n      musl-dev\r\n',
    },
  ],
});
