import { composeRuleTests, projectFiles } from '../ruleHelpers';

composeRuleTests('CM006', {
  fires: [
    {
      text: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [api]\n  api:\n    image: api:1\n    depends_on: [web]\n',
      token: 'api',
      count: 1,
      message: 'web → api → web',
    },
    {
      text: 'services:\n  a:\n    image: x\n    depends_on:\n      b:\n        condition: service_started\n  b:\n    image: x\n    depends_on: [c]\n  c:\n    image: x\n    depends_on: [a]\n',
      token: 'b',
      count: 1,
      message: 'a → b → c → a',
    },
    { text: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [web]\n', token: 'web', message: 'depends on itself' },
    {
      // the other half of the cycle is in the override file.
      text: 'services:\n  db:\n    image: postgres:17\n    depends_on: [app]\n',
      token: 'app',
      message: 'db → app → db',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/compose.override.yaml': 'services:\n  app:\n    image: app:1\n    depends_on: [db]\n' }),
    },
  ],
  silent: [
    'services:\n  web:\n    image: nginx:1.27\n    depends_on: [api]\n  api:\n    image: api:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n',
    // diamond, no cycle
    'services:\n  a:\n    image: x\n    depends_on: [b, c]\n  b:\n    image: x\n    depends_on: [d]\n  c:\n    image: x\n    depends_on: [d]\n  d:\n    image: x\n',
    // an undefined target is CM004's business
    'services:\n  a:\n    image: x\n    depends_on: [b]\n',
    // links are not depends_on edges
    'services:\n  a:\n    image: x\n    links: [b]\n  b:\n    image: x\n    depends_on: [a]\n',
  ],
});
