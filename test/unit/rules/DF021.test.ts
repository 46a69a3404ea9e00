import { ruleTests } from '../helpers';

ruleTests('DF021', {
  fires: [
    { text: 'FROM alpine:3.20 AS 1st\n', token: '1st', message: 'starts with a digit' },
    { text: 'FROM alpine:3.20 AS build/stage\n', token: 'build/stage', message: '"/" is not allowed' },
    { text: 'FROM alpine:3.20 AS _base\n', token: '_base', message: 'start with a letter' },
    { text: 'FROM alpine:3.20 AS ${NAME}\n', token: '${NAME}' },
  ],
  silent: [
    'FROM alpine:3.20 AS Build-Stage_1.2\n',
    'FROM alpine:3.20 AS b\nFROM alpine:3.20\n',
    'FROM alpine:3.20 AS a.b-c_d\n',
    'FROM alpine:3.20 1st\n',
  ],
});
