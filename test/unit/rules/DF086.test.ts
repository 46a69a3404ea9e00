import { ruleTests } from '../helpers';

ruleTests('DF086', {
  fires: [
    { text: 'FROM node:22 AS foo\nRUN wget my.xyz\n', token: 'wget', message: '--progress' },
    { text: 'FROM debian:12\nRUN set -eux; \\\n    wget -O /tmp/go.tgz "https://go.dev/dl/go1.22.5.linux-amd64.tar.gz"; \\\n    tar -C /usr/local -xzf /tmp/go.tgz\n', token: 'wget' },
    { text: 'FROM debian:12\nRUN sudo wget -O- https://example.com/key | apt-key add -\n', token: 'wget' },
    { text: 'FROM debian:12\nONBUILD RUN wget https://example.com/a https://example.com/b\n', token: 'wget' },
  ],
  silent: [
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a\n',
    'FROM debian:12\nRUN wget -qO- https://example.com/a | tar -xz\n',
    'FROM debian:12\nRUN wget -nv https://example.com/a && wget --no-verbose https://example.com/b\n',
    'FROM debian:12\nRUN wget -o /tmp/wget.log https://example.com/a && wget --append-output=/tmp/wget.log https://example.com/b\n',
    'FROM debian:12\nRUN curl -fsSLO https://example.com/a && echo wget\n',
  ],
  fixes: [
    { before: 'FROM debian:12\nRUN wget https://example.com/a\n', after: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a\n' },
    {
      before: 'FROM debian:12\r\nRUN set -eux; \\\r\n    wget -O /tmp/a.tgz https://example.com/a.tgz; \\\r\n    tar -xzf /tmp/a.tgz\r\n',
      after: 'FROM debian:12\r\nRUN set -eux; \\\r\n    wget --progress=dot:giga -O /tmp/a.tgz https://example.com/a.tgz; \\\r\n    tar -xzf /tmp/a.tgz\r\n',
    },
    { before: 'FROM debian:12\nRUN wget https://example.com/a\n', after: 'FROM debian:12\nRUN wget -nv https://example.com/a\n', title: /-nv/ },
    {
      before: 'FROM debian:12\nRUN <<EOF\nset -e\nwget https://example.com/a\nEOF\n',
      after: 'FROM debian:12\nRUN <<EOF\nset -e\nwget --progress=dot:giga https://example.com/a\nEOF\n',
    },
  ],
});
