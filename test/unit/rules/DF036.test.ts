import { ruleTests } from '../helpers';

ruleTests('DF036', {
  fires: [
    { text: 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n', token: 'MAINTAINER' },
    { text: 'FROM alpine:3.20\nmaintainer ops@example.com\nRUN true\n', token: 'maintainer' },
    { text: 'FROM alpine:3.20 AS a\nMAINTAINER x\nFROM a\nMAINTAINER y\n', count: 2 },
  ],
  silent: [
    'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe"\n',
    'FROM debian:12\n# MAINTAINER Jane\nRUN echo MAINTAINER\n',
    'FROM debian:12\nLABEL maintainer="jane@example.com"\n',
  ],
  fixes: [
    {
      before: 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n',
      after: 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n',
    },
    { before: 'FROM alpine\nmaintainer "ops"\n', after: 'FROM alpine\nLABEL org.opencontainers.image.authors="ops"\n' },
    { before: 'FROM alpine\r\nMAINTAINER ops\r\n', after: 'FROM alpine\r\nLABEL org.opencontainers.image.authors="ops"\r\n' },
  ],
});
