import { ruleTests } from '../helpers';

ruleTests('DF073', {
  fires: [
    { text: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n', token: 'FROM', message: 'nginx:1.27' },
    { text: 'FROM scratch AS base\nHEALTHCHECK CMD ["/bin/check"]\nFROM scratch\nCOPY app /app\n', token: 'FROM', count: 1 },
    { text: 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS a\nHEALTHCHECK NONE\nFROM base2 AS b\n', token: 'FROM' },
  ],
  silent: [
    'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    'FROM scratch\nHEALTHCHECK NONE\n',
    'FROM node:22 AS base\nHEALTHCHECK --interval=30s CMD ["node", "health.js"]\nFROM base\nCOPY . /app\n',
    'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS end\nHEALTHCHECK NONE\n',
  ],
});
