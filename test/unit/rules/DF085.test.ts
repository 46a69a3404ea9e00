import { ruleTests } from '../helpers';

ruleTests('DF085', {
  fires: [
    { text: 'FROM debian:12\nRUN wget -q https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/a.tgz.sha256\n', token: 'curl', count: 1 },
    { text: 'FROM node:22 AS build\nRUN wget -q https://example.com/x && curl -fsS localhost\n', token: 'curl', message: '"wget"' },
    {
      text: 'FROM debian:12\nRUN wget -q https://a.example\nRUN curl -fsS https://b.example\nRUN echo hello\nRUN wget -q https://c.example\n',
      count: 2,
    },
    { text: 'FROM debian:12\nRUN curl -fsSL https://a.example | sh\nRUN set -e; \\\n    sudo wget -q https://b.example\n', token: 'wget' },
  ],
  silent: [
    'FROM debian:12\nRUN wget -q https://example.com/a\n',
    'FROM debian:12 AS a\nRUN wget -q https://example.com/a\nFROM debian:12\nRUN curl -fsS https://example.com/b\n',
    'FROM debian:12\nRUN apt-get install -y curl wget\n',
    'FROM debian:12\nRUN wget -q https://example.com/a\nONBUILD RUN curl -fsS https://example.com/b\n',
  ],
});
