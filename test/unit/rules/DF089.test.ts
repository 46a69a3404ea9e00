import { ruleTests } from '../helpers';

ruleTests('DF089', {
  fires: [
    { text: 'FROM debian:12\nRUN apt-get install python\n', token: 'install', message: '-y' },
    { text: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -q --no-install-recommends \\\n      curl\n', token: 'install' },
    { text: 'FROM debian:12\nRUN apt-get update && apt-get dist-upgrade\n', token: 'dist-upgrade' },
    { text: 'FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive apt install curl\n', token: 'install' },
    { text: 'FROM debian:12\nONBUILD RUN apt-get install --quiet python\n', token: 'install' },
  ],
  silent: [
    'FROM debian:12\nRUN apt-get install -yq python\n',
    'FROM debian:12\nRUN apt-get --assume-yes install python && apt-get install --yes curl\n',
    'FROM debian:12\nRUN apt-get install -qq python && apt-get install -q -q curl && apt-get install -q=2 vim\n',
    'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install python\n',
    'FROM debian:12\nRUN yes | apt-get install python\n',
    'FROM debian:12\nRUN apt-get install -s postgresql-16-jit > /dev/null\n',
    'FROM debian:12\nRUN apt-get update && apt-get remove python3 && apt-get clean\n',
  ],
  fixes: [
    { before: 'FROM debian:12\nRUN apt-get install python\n', after: 'FROM debian:12\nRUN apt-get install -y python\n' },
    {
      before: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install \\\r\n      curl \\\r\n && rm -rf /var/lib/apt/lists/*\r\n',
      after: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y \\\r\n      curl \\\r\n && rm -rf /var/lib/apt/lists/*\r\n',
    },
    {
      before: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get upgrade\nEOF\n',
      after: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get upgrade -y\nEOF\n',
    },
  ],
});
