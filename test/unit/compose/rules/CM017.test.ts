import { composeRuleTests, projectFiles } from '../ruleHelpers';

const two = (a: string, b: string, extraB = ''): string =>
  `services:\n  web:\n    image: nginx:1.27\n    ports:\n${a}  admin:\n    image: nginx:1.27\n${extraB}    ports:\n${b}`;

const base = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n';

composeRuleTests('CM017', {
  fires: [
    { text: two('      - "8080:80"\n', '      - "8080:8080"\n'), token: '8080', message: 'already published by service "web"' },
    { text: two('      - "127.0.0.1:5432:5432"\n', '      - target: 5432\n        published: "5432"\n'), token: '"5432"' },
    { text: two('      - "9000-9010:9000-9010"\n', '      - "9005:80"\n'), token: '9005' },
    { text: base + '      - "8080:81"\n', token: '8080', message: 'by this service', count: 1 },
    { text: two('      - "53:53/udp"\n', '      - "0.0.0.0:53:5353/udp"\n', '    profiles: [dns]\n'), token: '53' },
    {
      text: 'services:\n  api:\n    image: node:22\n    ports:\n      - "8080:3000"\n',
      token: '8080',
      message: 'in compose.override.yaml',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/compose.override.yaml': base }),
    },
  ],
  silent: [
    two('      - "8080:80"\n', '      - "8081:80"\n'),
    two('      - "53:53/udp"\n', '      - "53:53/tcp"\n'),
    two('      - "127.0.0.1:8080:80"\n', '      - "127.0.0.2:8080:80"\n'),
    two('      - "8000-8010:80"\n', '      - "8005:80"\n'),
    two('      - "80"\n', '      - "80"\n') + '      - "0:80"\n',
    'services:\n  dev:\n    image: app:dev\n    profiles: [dev]\n    ports:\n      - "3000:3000"\n  prod:\n    image: app:1\n    profiles: [prod]\n    ports:\n      - "3000:3000"\n',
    two('      - "${WEB_PORT}:80"\n', '      - "${ADMIN_PORT}:80"\n'),
    { text: base, opts: projectFiles({ '/proj/compose.yaml': base, '/proj/compose.override.yaml': base }) },
  ],
});
