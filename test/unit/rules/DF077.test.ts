import { ruleTests } from '../helpers';

ruleTests('DF077', {
  fires: [
    { text: 'FROM alpine:3.20\nWORKDIR /proc\n', token: '/proc', message: '/proc' },
    { text: 'FROM alpine:3.20\nWORKDIR /dev/app\nRUN touch x\n', token: '/dev/app' },
    { text: 'FROM alpine:3.20\nWORKDIR /sys/\n', token: '/sys/' },
    { text: 'FROM alpine:3.20\nWORKDIR /\nWORKDIR boot\n', token: 'boot', count: 1 },
  ],
  silent: [
    'FROM alpine:3.20\nWORKDIR /app\n',
    'FROM alpine:3.20\nWORKDIR /\nWORKDIR /usr/src/device\n',
    'FROM alpine:3.20\nWORKDIR /srv/dev\nWORKDIR /processes\n',
    'FROM alpine:3.20\nWORKDIR $HOME\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\dev\n',
  ],
});
