import { ruleTests } from '../helpers';

ruleTests('DF071', {
  fires: [
    { text: 'FROM alpine:3.20\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n', token: 'https://github.com/krallin/tini/releases/download/v0.19.0/tini', message: 'without --checksum' },
    { text: 'FROM alpine:3.20\nADD --chmod=755 http://example.com/a.sh http://example.com/b.sh /usr/local/bin/\n', count: 2, token: 'http://example.com/a.sh' },
    { text: 'FROM alpine:3.20\nADD ["https://example.com/app.tar.gz", "/opt/"]\n', token: '"https://example.com/app.tar.gz"' },
  ],
  silent: [
    'FROM golang:1.22\nADD https://github.com/opencontainers/runc.git?ref=v1.1.12&keep-git-dir=1 /src/runc\n',
    'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n',
    'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n',
    'FROM alpine:3.20\nADD app.tar.gz /opt/\n',
    'FROM alpine:3.20\nCOPY https-notes.txt /x\n',
  ],
});
