import { ruleTests } from '../helpers';

ruleTests('DF009', {
  fires: [
    { text: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from /out/app /usr/bin/\n', token: '--from', message: 'needs a value' },
    { text: 'FROM alpine:3.20\nCOPY --link=yes a /b/\n', token: 'yes', message: 'expects true or false' },
    { text: 'FROM alpine:3.20\nADD --keep-git-dir= https://github.com/x/y.git /src\n', token: '--keep-git-dir=' },
    { text: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=Bu!ld /out /app\n', token: 'Bu!ld', message: 'neither a stage name' },
    { text: 'FROM alpine:3.20\nCOPY --from=5 /a /b\n', token: '5', message: 'no stage with index 5' },
    { text: 'FROM alpine:3.20\nRUN --network curl -fsSL https://example.com\n', token: '--network' },
    { text: 'ARG BASE=golang:1.22\nFROM alpine:3.20\nCOPY --from=${BASE} /usr/local/go /usr/local/go\n', token: '${BASE}', message: 'not expanded' },
  ],
  silent: [
    'FROM golang:1.22 AS Builder\nFROM alpine:3.20\nCOPY --from=builder /a /b\nCOPY --from=BUILDER /a /b\n',
    'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=0 /a /b\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/\nCOPY --link=false --link=TRUE x /y/\n',
    'FROM alpine:3.20\nCOPY --link --chown= x /y/\nRUN --network=none true\n',
    { text: 'ARG SRC=alpine\nFROM alpine:3.20\nCOPY --from=$SRC /etc/os-release /\n', opts: { filePath: '/work/Containerfile' } },
    'FROM alpine:3.20\nONBUILD COPY --from=builder /a /b\n',
  ],
});
