import { ruleTests } from '../helpers';

ruleTests('DF070', {
  fires: [
    { text: 'FROM node:22\nADD package.json /app/\n', token: 'ADD', message: '"package.json"' },
    { text: 'FROM python:3.12\nADD --chown=app:app requirements.txt src/ /app/\n', token: 'ADD' },
    { text: 'FROM alpine:3.20\nADD "file.zip" /usr/src/app/\n', token: 'ADD', message: '"file.zip"' },
    { text: 'FROM alpine:3.20\nONBUILD add . /app\n', token: 'add' },
    { text: 'FROM alpine:3.20\nADD rootfs.tar.gz config.yml /\n', token: 'ADD', message: '"config.yml"' },
  ],
  silent: [
    'FROM alpine:3.20\nADD rootfs.tar.xz /\nADD file.tgz /usr/src/app/\nADD "file.bz2" /x/\n',
    'FROM alpine:3.20\nADD https://example.com/tool.bin /usr/local/bin/tool\nADD "http://file.com" /usr/src/app/\n',
    'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\nADD https://github.com/moby/buildkit.git#v0.14.0 /bk\n',
    'FROM alpine:3.20\nCOPY package.json /app/\n',
    'FROM alpine:3.20\nARG ARCHIVE\nADD $ARCHIVE /opt/\n',
    'FROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n',
  ],
  fixes: [
    { before: 'FROM node:22\nADD package.json /app/\n', after: 'FROM node:22\nCOPY package.json /app/\n' },
    { before: 'FROM node:22\r\nadd --chown=1000:1000 \\\r\n  . /app\r\n', after: 'FROM node:22\r\ncopy --chown=1000:1000 \\\r\n  . /app\r\n' },
    { before: 'FROM alpine:3.20\nONBUILD ADD ["a b.txt", "/dst/"]\n', after: 'FROM alpine:3.20\nONBUILD COPY ["a b.txt", "/dst/"]\n' },
  ],
});
