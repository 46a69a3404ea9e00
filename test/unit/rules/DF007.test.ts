import { ruleTests } from '../helpers';

ruleTests('DF007', {
  fires: [
    { text: 'FROM python:3.12\nRUN --mout=type=cache,target=/root/.cache pip install -r req.txt\n', token: '--mout', message: 'did you mean --mount' },
    { text: 'FROM node:22\nCOPY --chmown=node:node . /app\n', token: '--chmown' },
    { text: 'FROM --plaform=linux/amd64 alpine:3.20\n', token: '--plaform' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK --intervall=30s CMD wget -q -O- localhost\n', token: '--intervall' },
    { text: 'FROM alpine:3.20\nWORKDIR --parents /srv/app\n', token: '--parents', message: 'takes no flags' },
    { text: 'FROM alpine:3.20\nONBUILD COPY --form=build /out /app\n', token: '--form' },
    { text: 'FROM alpine:3.20\nCOPY --zzzzzz . /app\n', token: '--zzzzzz', message: 'known:' },
  ],
  silent: [
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/x --network=none --security=insecure --device=cdi/gpu echo hi\n',
    'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build --chown=1:1 --chmod=755 --link --parents --exclude=*.md . /app/\n',
    'FROM alpine:3.20\nADD --checksum=sha256:0123 --keep-git-dir --unpack=true --link --chmod=644 x /y/\n',
    'FROM alpine:3.20\nHEALTHCHECK --interval=5s --timeout=3s --start-period=1s --start-interval=1s --retries=3 CMD true\n',
    'FROM alpine:3.20\nCMD ["--help"]\nRUN echo --foo\nHEALTHCHECK --anything NONE\nARG --x\nRUN -- --not-a-flag\n',
  ],
  fixes: [
    { before: 'FROM python:3.12\nRUN --mout=type=cache,target=/root/.cache pip install x\n', after: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install x\n' },
    { before: 'FROM node:22\nCOPY --chmown=node:node . /app\n', after: 'FROM node:22\nCOPY --chown=node:node . /app\n' },
    { before: 'FROM alpine:3.20\r\nADD --keep-git-dirs=true \\\r\n  https://github.com/x/y.git /src\r\n', after: 'FROM alpine:3.20\r\nADD --keep-git-dir=true \\\r\n  https://github.com/x/y.git /src\r\n' },
  ],
});
