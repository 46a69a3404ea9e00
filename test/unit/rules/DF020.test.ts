import { ruleTests } from '../helpers';

ruleTests('DF020', {
  fires: [
    { text: 'FROM node:22\nCOPY package.json package-lock.json /app\n', token: '/app', message: 'must be a directory ending with /' },
    { text: 'FROM alpine:3.20\nCOPY foo bar "baz"\n', token: '"baz"' },
    { text: 'FROM alpine:3.20\nADD a.tar b.tar /opt\n', token: '/opt' },
    { text: 'FROM alpine:3.20\nCOPY ["a", "b", "/app"]\n', token: '"/app"' },
    { text: 'FROM alpine:3.20\nENV DEST=/srv/app\nCOPY a b $DEST\n', token: '$DEST' },
    { text: 'FROM alpine:3.20\nCOPY --chown=app:app \\\n  a \\\n  b \\\n  /app\n', token: '/app' },
  ],
  silent: [
    'FROM node:22\nCOPY package.json package-lock.json ./\nCOPY a b /app/\n',
    // BuildKit treats "." as a directory
    'FROM golang:1.22\nCOPY go.mod go.sum .\n',
    'FROM alpine:3.20\nCOPY a /app\nCOPY *.json /app\n',
    'FROM alpine:3.20\nENV DEST=/srv/app/\nCOPY a b $DEST\nCOPY ["a", "b", "/app/"]\n',
    // a quoted path with a blank is another problem (it needs the JSON form), not two sources
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY build\\app.zip "C:\\Program Files\\App"\n',
  ],
  fixes: [
    { before: 'FROM node:22\nCOPY package.json package-lock.json /app\n', after: 'FROM node:22\nCOPY package.json package-lock.json /app/\n' },
    { before: 'FROM alpine:3.20\r\nCOPY foo bar "baz"\r\n', after: 'FROM alpine:3.20\r\nCOPY foo bar "baz/"\r\n' },
    { before: 'FROM alpine:3.20\nCOPY ["a", "b", "/app"]\n', after: 'FROM alpine:3.20\nCOPY ["a", "b", "/app/"]\n' },
    { before: 'FROM alpine:3.20\nENV DEST=/srv\nCOPY a b ${DEST}\n', after: 'FROM alpine:3.20\nENV DEST=/srv\nCOPY a b ${DEST}/\n' },
  ],
});
