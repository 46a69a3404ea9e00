import { ruleTests } from '../helpers';

ruleTests('DF040', {
  fires: [
    { text: 'FROM node:22\nCOPY package.json .\nRUN npm ci\n', token: '.', message: 'no WORKDIR' },
    { text: 'FROM python:3.12\nCOPY requirements.txt app/requirements.txt\n', token: 'app/requirements.txt' },
    { text: 'FROM debian:12 AS a\nWORKDIR /usr\nFROM debian:12\nCOPY foo "bar"\n', token: '"bar"' },
    { text: 'FROM golang:1.23\nCOPY ["go.mod", "go.sum", "./"]\n', token: '"./"' },
  ],
  silent: [
    'FROM node:22\nWORKDIR /app\nCOPY package.json .\n',
    'FROM node:22\nCOPY package.json /app/\nCOPY x $APP_HOME\n',
    'FROM debian:12 AS base\nWORKDIR /usr\nFROM base\nCOPY foo bar\n',
    'FROM scratch\nCOPY app .\n',
    'FROM debian\nONBUILD WORKDIR /src\nONBUILD COPY . .\n',
  ],
});
