import { composeRuleTests, projectFiles } from '../ruleHelpers';

const db = '  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n';

composeRuleTests('CM020', {
  fires: [
    { text: `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n      - cache\n${db}  cache:\n    image: redis:7\n`, token: 'db', count: 1, message: 'depends_on "db"' },
    { text: `services:\n  web:\n    image: nginx:1.27\n    depends_on: [cache, "db"]\n${db}  cache:\n    image: redis:7\n`, token: 'db', count: 1 },
    {
      text: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [api]\n  api:\n    build: .\n',
      token: 'api',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/Dockerfile': 'FROM node:22\nHEALTHCHECK CMD node health.js\n' }),
    },
    {
      // the target's healthcheck is in the base file
      text: 'services:\n  web:\n    depends_on:\n      - db\n',
      token: 'db',
      opts: projectFiles({ '/proj/compose.yaml': `services:\n  web:\n    image: nginx:1.27\n${db}` }, '/proj/compose.override.yaml'),
    },
  ],
  silent: [
    `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_healthy\n${db}`,
    // no healthcheck on the target
    'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n  db:\n    image: postgres:17\n',
    // disabled healthcheck
    'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n  db:\n    image: postgres:17\n    healthcheck:\n      disable: true\n',
    // long form chosen on purpose: service_started
    `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_started\n${db}`,
  ],
  fixes: [
    {
      before: `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n      - cache\n${db}  cache:\n    image: redis:7\n`,
      after: `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_started\n${db}  cache:\n    image: redis:7\n`,
    },
    {
      before: `services:\n  web:\n    image: nginx:1.27\n    depends_on: [cache, "db"] # order matters\n${db}  cache:\n    image: redis:7\n`,
      after: `services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      cache:\n        condition: service_started\n      db:\n        condition: service_healthy # order matters\n${db}  cache:\n    image: redis:7\n`,
    },
    {
      // CRLF, 4-space indentation, the list at the key's indentation
      before: 'services:\r\n    web:\r\n        image: nginx:1.27\r\n        depends_on:\r\n        - db\r\n    db:\r\n        image: postgres:17\r\n        healthcheck:\r\n            test: pg_isready\r\n',
      after: 'services:\r\n    web:\r\n        image: nginx:1.27\r\n        depends_on:\r\n            db:\r\n                condition: service_healthy\r\n    db:\r\n        image: postgres:17\r\n        healthcheck:\r\n            test: pg_isready\r\n',
    },
  ],
});
