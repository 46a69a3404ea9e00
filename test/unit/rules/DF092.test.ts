import { ruleTests } from '../helpers';

ruleTests('DF092', {
  fires: [
    { text: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n', token: 'update', message: 'apt-get update' },
    { text: 'FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n', token: 'update' },
    { text: 'FROM debian:12\nRUN set -eux; \\\n    apt-get update -qq\nCOPY . /app\n', token: 'update' },
    { text: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive refresh\n', token: 'refresh' },
  ],
  silent: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    'FROM debian:12\nRUN apt-get update && ./install-deps.sh\n',
    'FROM alpine:3.20\nRUN apk update && apk upgrade\n',
    'FROM debian:12\nRUN apt-get install -y curl\n',
  ],
  fixes: [
    {
      before: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
      after: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl\n',
    },
    {
      before: 'FROM alpine:3.20\r\nRUN apk update\r\n# tools\r\nRUN apk add \\\r\n    curl\r\n',
      after: 'FROM alpine:3.20\r\nRUN apk update && \\\r\n# tools\r\n    apk add \\\r\n    curl\r\n',
    },
  ],
});
