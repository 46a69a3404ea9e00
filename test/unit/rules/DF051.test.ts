import { ruleTests } from '../helpers';

ruleTests('DF051', {
  fires: [
    { text: 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build / /\n', token: '/', message: 'whole filesystem' },
    { text: 'FROM alpine\nRUN apk add curl\nCOPY --from=build "/" "/"\n', token: '"/"' },
    { text: 'FROM node:22\nCOPY --from=node:22-alpine / /\n', token: '/' },
  ],
  silent: [
    'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build /app /\nCOPY / /\n',
    'FROM --platform=$BUILDPLATFORM tonistiigi/xx AS xx\nFROM golang:1.23\nCOPY --from=xx / /\n',
    'FROM scratch AS binaries\nCOPY app /\nFROM alpine\nCOPY --from=binaries / /\n',
    'FROM debian:12 AS build\nRUN make\nFROM scratch\nCOPY --from=build / /\n',
  ],
});
