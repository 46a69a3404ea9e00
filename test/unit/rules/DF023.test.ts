import { ruleTests } from '../helpers';

ruleTests('DF023', {
  fires: [
    { text: 'FROM node:22 AS build\nCOPY --from=build /src/dist /app\n', token: 'build', message: 'refers to its own stage' },
    { text: 'FROM alpine:3.20\nCOPY --from=0 /etc/hosts /tmp/\n', token: '0' },
    { text: 'FROM golang:1.22 AS Build\nCOPY --from=build /go/bin /bin\n', token: 'build' },
    { text: 'FROM golang:1.22 AS build\nRUN --mount=type=bind,from=build,source=/x,target=/y ls /y\n', token: 'build' },
  ],
  silent: [
    'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /go/bin/app /bin/\n',
    'FROM golang:1.22 AS build\nFROM alpine:3.20 AS final\nCOPY --from=0 /x /y\n',
    'FROM golang:1.22 AS build\nONBUILD COPY --from=build /x /y\n',
    'FROM golang:1.22 AS build\nRUN --mount=type=cache,target=/root/.cache go build ./...\n',
  ],
});
