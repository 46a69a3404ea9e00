import { ruleTests } from '../helpers';

ruleTests('DF110', {
  fires: [
    { text: 'FROM python:3.12-slim\nLABEL Maintainer="jane@example.com"\n', token: 'Maintainer', message: 'uppercase' },
    { text: 'FROM node:22-slim\nLABEL com.docker.compose.project=web\n', token: 'com.docker.compose.project', message: 'reserved' },
    { text: 'FROM alpine:3.20\nLABEL version=1.0 build_date="2024-01-01"\n', token: 'build_date', count: 1 },
    { text: 'FROM alpine:3.20\nLABEL org.example..name=x\n', token: 'org.example..name', message: 'consecutive' },
    { text: 'FROM alpine:3.20\nLABEL 1label=x\n', token: '1label' },
    { text: 'FROM alpine:3.20\nLABEL "org.example.Title"="My app" \\\n      org.example.ok=1\n', token: '"org.example.Title"', count: 1 },
    { text: 'FROM alpine:3.20\nONBUILD LABEL io.docker.thing=1\n', token: 'io.docker.thing', count: 1 },
  ],
  silent: [
    'FROM alpine:3.20\nLABEL org.opencontainers.image.source="https://github.com/acme/app" \\\n      org.opencontainers.image.version=1.2.3\n',
    'FROM alpine:3.20\nLABEL maintainer="Jane <jane@example.com>" version=3\n',
    'FROM alpine:3.20\n# LABEL Maintainer=x\nRUN echo "LABEL Bad_Key=1"\n',
    'FROM alpine:3.20\nLABEL org.valid-key.label3="foo"\n',
  ],
  fixes: [
    { before: 'FROM alpine:3.20\nLABEL Maintainer="jane"\n', after: 'FROM alpine:3.20\nLABEL maintainer="jane"\n' },
    { before: 'FROM alpine:3.20\nLABEL "Vendor"=acme\n', after: 'FROM alpine:3.20\nLABEL "vendor"=acme\n' },
    { before: 'FROM alpine:3.20\r\nLABEL build_date=x \\\r\n  a=b\r\n', after: 'FROM alpine:3.20\r\nLABEL build-date=x \\\r\n  a=b\r\n' },
    { before: 'FROM alpine:3.20\nLABEL App_Name=x\n', after: 'FROM alpine:3.20\nLABEL app-name=x\n' },
  ],
});
