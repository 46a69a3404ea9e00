import { ruleTests } from '../helpers';

ruleTests('DF012', {
  fires: [
    { text: 'FROM node:22\nENV NODE_ENV=production PORT\n', token: 'PORT', message: 'missing "="' },
    { text: 'FROM alpine:3.20\nLABEL =value\n', token: '=value', message: 'blank name' },
    { text: 'FROM alpine:3.20\nENV MSG="hello world\n', token: '"hello world', message: 'unterminated double quote' },
    { text: 'FROM alpine:3.20\nENV GREETING it\'s me\n', token: "'s me", message: 'unterminated single quote' },
    { text: 'ARG BASE\nARG VERSION=${BASE:=1.0}\nFROM alpine:3.20\n', token: '${BASE:=1.0}', message: 'unsupported modifier (:=)' },
    { text: 'FROM alpine:3.20\nARG NAME=app\nWORKDIR /srv/${NAME,,}\n', token: '${NAME,,}' },
    { text: 'FROM alpine:3.20\nCOPY ${SRC^^} /dst/\n', token: '${SRC^^}' },
    { text: 'FROM alpine:${}\n', token: '${}', message: 'bad substitution' },
    { text: 'FROM alpine:3.20\nENV PORT=8080 # default port\n', token: '# default port', message: 'no inline comments', count: 1 },
  ],
  silent: [
    'FROM alpine:3.20\nENV A="it\'s" B=\'say "hi"\' C=a\\ b\nENV MSG hello world\n',
    'FROM alpine:3.20\nARG A=${B:-x} C=${D:+y} E=${F#pre} G=${H%%.*} I=${J/a/b} K=${L?required} M=${N:?}\n',
    'FROM alpine:3.20\nLABEL description="multi \\\n  word" version=1\n',
    // RUN is expanded by the shell, not by BuildKit
    'FROM alpine:3.20\nRUN echo ${x:=1} ${y,,} "unterminated\n',
    'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\nUSER ${APP_USER:-app}\nEXPOSE ${PORT:-8080}\n',
  ],
});
