import { ruleTests } from '../helpers';

ruleTests('DF087', {
  fires: [
    { text: 'FROM debian:12\nRUN useradd -u 123456 luser\n', token: '123456', message: '-l' },
    { text: 'FROM debian:12\nRUN groupadd -g 1000001 app && \\\n    useradd --uid 1000001 -g app -m app\n', token: '1000001' },
    { text: 'FROM debian:12\nRUN useradd -m --uid=2000000 app\n', token: '--uid=2000000' },
    { text: 'FROM debian:12\nRUN sudo useradd -mu 654321 -s /bin/bash app\n', token: '654321' },
  ],
  silent: [
    'FROM debian:12\nRUN useradd luser\n',
    'FROM debian:12\nRUN useradd -u 12345 luser\n',
    'FROM debian:12\nRUN useradd -l -u 123456 luser\n',
    'FROM debian:12\nRUN useradd --no-log-init -u 123456 luser\n',
    'FROM debian:12\nARG UID=1000000\nRUN useradd -u "$UID" app\n',
  ],
  fixes: [
    { before: 'FROM debian:12\nRUN useradd -u 123456 luser\n', after: 'FROM debian:12\nRUN useradd -l -u 123456 luser\n' },
    {
      before: 'FROM debian:12\r\nRUN groupadd -g 1000001 app && \\\r\n    useradd --uid 1000001 -g app -m app\r\n',
      after: 'FROM debian:12\r\nRUN groupadd -g 1000001 app && \\\r\n    useradd -l --uid 1000001 -g app -m app\r\n',
    },
    { before: 'FROM debian:12\nRUN sudo /usr/sbin/useradd -u 654321 app\n', after: 'FROM debian:12\nRUN sudo /usr/sbin/useradd -l -u 654321 app\n' },
  ],
});
