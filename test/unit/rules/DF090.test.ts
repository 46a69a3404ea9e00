import { ruleTests } from '../helpers';

ruleTests('DF090', {
  fires: [
    { text: 'FROM debian:12\nRUN apt-get install python\n', token: 'install', message: '--no-install-recommends' },
    { text: 'FROM debian:12\nRUN apt-get -y install python\n', token: 'install' },
    { text: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y \\\n      curl ca-certificates \\\n && rm -rf /var/lib/apt/lists/*\n', token: 'install' },
    { text: 'FROM ubuntu:24.04\nRUN apt install -y ./package.deb\n', token: 'install' },
  ],
  silent: [
    'FROM debian:12\nRUN apt-get install --no-install-recommends python\n',
    'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install python\n',
    'FROM debian:12\nRUN apt-get -y -f install\n',
    'FROM debian:12\nRUN apt-get -y remove python3 && apt-get -y upgrade\n',
  ],
  fixes: [
    { before: 'FROM debian:12\nRUN apt-get install -y python\n', after: 'FROM debian:12\nRUN apt-get install --no-install-recommends -y python\n' },
    {
      before: 'FROM debian:12\r\nRUN apt-get update && \\\r\n    apt-get -y install \\\r\n      curl\r\n',
      after: 'FROM debian:12\r\nRUN apt-get update && \\\r\n    apt-get -y install --no-install-recommends \\\r\n      curl\r\n',
    },
    {
      before: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n',
      after: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install --no-install-recommends -y curl\nEOF\n',
    },
  ],
});
