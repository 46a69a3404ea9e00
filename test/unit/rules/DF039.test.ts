import { ruleTests } from '../helpers';

ruleTests('DF039', {
  fires: [
    { text: 'FROM node:22\nWORKDIR app\nCOPY . .\n', token: 'app', message: 'base image' },
    { text: 'FROM golang:1.23\nWORKDIR /src\nWORKDIR cmd/server\n', token: 'cmd/server', message: '/src/cmd/server' },
    { text: 'FROM python:3.12\nWORKDIR "relative/dir"\n', token: '"relative/dir"' },
    { text: 'FROM alpine AS base\nWORKDIR /opt\nFROM base\nWORKDIR ../srv\n', token: '../srv', message: '/srv' },
  ],
  silent: [
    'FROM node:22\nWORKDIR /app\n',
    'FROM node:22\nWORKDIR $HOME/app\nWORKDIR ${APP_DIR}\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\nWORKDIR c:/tools\n',
  ],
  fixes: [
    { before: 'FROM golang:1.23\nWORKDIR /src\nWORKDIR cmd/server\n', after: 'FROM golang:1.23\nWORKDIR /src\nWORKDIR /src/cmd/server\n' },
    { before: 'FROM alpine AS base\r\nWORKDIR /opt/\r\nFROM base\r\nWORKDIR "my dir"\r\n', after: 'FROM alpine AS base\r\nWORKDIR /opt/\r\nFROM base\r\nWORKDIR "/opt/my dir"\r\n' },
    { before: 'FROM alpine\nWORKDIR /a\nWORKDIR b\nWORKDIR c\n', after: 'FROM alpine\nWORKDIR /a\nWORKDIR /a/b\nWORKDIR c\n', stillFires: true },
  ],
});
