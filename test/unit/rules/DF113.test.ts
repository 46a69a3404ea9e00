import { ruleTests } from '../helpers';

const schema = {
  config: {
    options: {
      labelSchema: {
        'org.opencontainers.image.source': 'url',
        'org.opencontainers.image.created': 'rfc3339',
        'org.opencontainers.image.licenses': 'spdx',
        'org.opencontainers.image.revision': 'hash',
        'org.opencontainers.image.version': 'semver',
        'org.opencontainers.image.authors': 'email',
        'org.opencontainers.image.title': 'text',
      },
    },
  },
};

ruleTests('DF113', {
  fires: [
    { text: 'FROM alpine\nLABEL org.opencontainers.image.source="github.com/acme/app"\n', token: '"github.com/acme/app"', message: 'not a URL', opts: schema },
    { text: 'FROM alpine\nLABEL org.opencontainers.image.created="2024-13-01T00:00:00Z"\n', token: '"2024-13-01T00:00:00Z"', opts: schema },
    { text: 'FROM alpine\nLABEL org.opencontainers.image.licenses="Apache 2"\n', token: '"Apache 2"', message: 'SPDX', opts: schema },
    { text: 'FROM alpine\nLABEL org.opencontainers.image.revision=main\n', token: 'main', opts: schema },
    { text: 'FROM alpine\nLABEL org.opencontainers.image.version=v1.2\n', token: 'v1.2', message: 'semantic version', opts: schema },
    { text: 'FROM alpine\nLABEL org.opencontainers.image.authors="Jane Doe"\n', token: '"Jane Doe"', opts: schema },
    {
      text: 'FROM alpine\nLABEL org.opencontainers.image.version=1.2.3 \\\n      org.opencontainers.image.created=yesterday\n',
      token: 'yesterday',
      count: 1,
      opts: schema,
    },
  ],
  silent: [
    { text: 'FROM alpine\nLABEL org.opencontainers.image.source="https://github.com/acme/app" org.opencontainers.image.created="2024-02-29T10:00:00+01:00"\n', opts: schema },
    { text: 'FROM alpine\nLABEL org.opencontainers.image.licenses="MIT OR (Apache-2.0 WITH LLVM-exception)" org.opencontainers.image.revision=0123abc\n', opts: schema },
    { text: 'FROM alpine\nLABEL org.opencontainers.image.version=1.0.0-rc.1+build.5 org.opencontainers.image.authors="Jane <jane@example.com>"\n', opts: schema },
    { text: 'FROM alpine\nARG VERSION\nLABEL org.opencontainers.image.version=$VERSION org.opencontainers.image.title="anything at all"\n', opts: schema },
    'FROM alpine\nLABEL org.opencontainers.image.version=whatever\n',
  ],
});
