import { ruleTests } from '../helpers';

ruleTests('DF052', {
  fires: [
    { text: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n', token: 'app.tar.gz', message: 'ADD' },
    { text: 'FROM alpine\nCOPY dist/site.tgz /srv/site.tgz\nWORKDIR /srv\nRUN apk add tar && tar xzf site.tgz\n', token: 'dist/site.tgz' },
    { text: 'FROM alpine\nCOPY release.tar /tmp/app.tar\nRUN tar --extract --file=/tmp/app.tar\n', token: 'release.tar' },
  ],
  silent: [
    'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -czf /backup.tar.gz /etc\n',
    'FROM debian:12\nCOPY --from=builder /out/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n',
    'FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n',
    'FROM debian:12\nCOPY app.tar.gz /tmp/\nFROM debian:12\nRUN tar -xzf /tmp/app.tar.gz\n',
  ],
});
