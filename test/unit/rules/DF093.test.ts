import { ruleTests } from '../helpers';

ruleTests('DF093', {
  fires: [
    { text: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get -y dist-upgrade\n', token: 'dist-upgrade', message: 'apt-get dist-upgrade' },
    { text: 'FROM opensuse/leap\nRUN zypper dup\n', token: 'dup' },
    { text: 'FROM opensuse/leap\nRUN zypper -n dist-upgrade\n', token: 'dist-upgrade' },
    { text: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get upgrade -y\n', token: 'upgrade' },
    { text: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\n', token: 'upgrade' },
  ],
  silent: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --only-upgrade openssl\n',
    'FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\n',
    'FROM opensuse/leap\nRUN zypper -n install curl && zypper clean\n',
    'FROM debian:12\nRUN echo apt-get upgrade\n',
  ],
});
