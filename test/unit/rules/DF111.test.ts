import { ruleTests } from '../helpers';

ruleTests('DF111', {
  fires: [
    { text: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.description=""\n', token: 'org.opencontainers.image.description=""' },
    { text: 'FROM alpine:3.20\nLABEL version=1.0 \\\n      maintainer=\n', token: 'maintainer=', count: 1 },
    { text: "FROM alpine:3.20\nLABEL vendor='' title=app\n", token: "vendor=''", message: '"vendor"' },
    { text: 'FROM alpine:3.20\nLABEL description ""\n', token: 'description ""' },
    { text: 'FROM alpine:3.20\nONBUILD LABEL team=""\n', count: 1 },
  ],
  silent: [
    'FROM alpine:3.20\nLABEL version="1.0" description="A small app"\n',
    'FROM alpine:3.20\nARG VERSION\nLABEL version=$VERSION\n',
    'FROM alpine:3.20\nRUN echo label=""\n# LABEL x=""\n',
  ],
});
