import { ruleTests } from '../helpers';

ruleTests('DF008', {
  fires: [
    { text: 'FROM alpine:3.20\nCOPY --chown=1000:1000 --chown=app:app app/ /srv/\n', token: '--chown=app:app', message: 'Duplicate flag --chown' },
    { text: 'FROM alpine:3.20\nRUN --network=host --network=none wget -q x\n', token: '--network=none' },
    { text: 'FROM alpine:3.20\nCOPY --link --link a /b/\n', token: '--link' },
    { text: 'FROM --platform=linux/amd64 --platform=linux/arm64 alpine:3.20\n', token: '--platform=linux/arm64' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK --retries=3 --interval=5s --retries=5 CMD true\n', token: '--retries=5', count: 1 },
  ],
  silent: [
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/a --mount=type=cache,target=/b make\n',
    'FROM alpine:3.20\nCOPY --exclude=*.md --exclude=*.txt . /app/\nRUN --device=a --device=b true\n',
    'FROM alpine:3.20 AS a\nFROM alpine:3.20\nCOPY --from=a --chown=1 --chmod=644 x /y/\n',
    'FROM alpine:3.20\nRUN --network=none echo --network=host\n',
  ],
  fixes: [
    { before: 'FROM alpine:3.20\nCOPY --chown=1:1 --chown=2:2 a /b/\n', after: 'FROM alpine:3.20\nCOPY --chown=1:1 a /b/\n' },
    {
      before: 'FROM alpine:3.20\nRUN --network=none \\\n    --network=none \\\n    echo hi\n',
      after: 'FROM alpine:3.20\nRUN --network=none \\\n    echo hi\n',
    },
    { before: 'FROM alpine:3.20\r\nCOPY --link --link a /b/\r\n', after: 'FROM alpine:3.20\r\nCOPY --link a /b/\r\n' },
  ],
});
