import { ruleTests } from '../helpers';

ruleTests('DF024', {
  fires: [
    { text: 'FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n', token: '', message: 'Empty continuation line' },
    { text: 'FROM debian:12\nRUN apt-get update && \\\n   \n    apt-get install -y curl\n', token: '   ' },
    { text: 'FROM debian:12\nRUN a \\\n\n    && b \\\n\n    && c\n', count: 2 },
    { text: 'FROM debian:12\nENV A=1 \\\n    # comment\n\n    B=2\n', count: 1 },
  ],
  silent: [
    'FROM debian:12\nRUN a && \\\n    # comment\n    b\n',
    'FROM debian:12\nRUN <<EOF\necho a\n\necho b\nEOF\n',
    'FROM debian:12\nRUN a\n\nRUN b\n',
    'FROM debian:12\nRUN a \\\n',
    'FROM debian:12\nRUN echo \\\\\n\nRUN b\n',
  ],
  fixes: [
    { before: 'FROM debian:12\nRUN a && \\\n\n    b\n', after: 'FROM debian:12\nRUN a && \\\n    b\n' },
    { before: 'FROM debian:12\r\nRUN a && \\\r\n  \r\n    b\r\n', after: 'FROM debian:12\r\nRUN a && \\\r\n    b\r\n' },
    { before: 'FROM debian:12\nRUN a \\\n# c\n\n', after: 'FROM debian:12\nRUN a \\\n# c\n', stillFires: false },
  ],
});
