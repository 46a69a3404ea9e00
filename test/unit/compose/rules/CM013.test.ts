import { composeRuleTests, projectFiles } from '../ruleHelpers';

const svc = (restart: string): string => `services:\n  web:\n    image: nginx:1.27\n    restart: ${restart}\n`;

composeRuleTests('CM013', {
  fires: [
    { text: svc('allways'), token: 'allways', message: 'did you mean "always"' },
    { text: svc('"unless_stopped"'), token: '"unless_stopped"', message: 'unless-stopped' },
    { text: svc("'on_failure:5'"), token: "'on_failure:5'" },
    { text: svc('always:3'), token: 'always:3', message: 'only "on-failure"' },
    { text: svc('on-failure:-1'), token: 'on-failure:-1', message: 'negative' },
    { text: svc('on-failure:three'), token: 'on-failure:three', message: 'not a number' },
    { text: svc('never'), token: 'never', message: '"no"' },
    { text: svc('${RESTART}'), token: '${RESTART}', opts: projectFiles({ '/proj/.env': 'RESTART=sometimes\n' }) },
  ],
  silent: [
    svc('no'),
    svc('"no"'),
    svc('always') + '  db:\n    image: postgres:17\n    restart: unless-stopped\n',
    svc('on-failure') + '  db:\n    image: postgres:17\n    restart: on-failure:5\n',
    svc('${RESTART_POLICY:-unless-stopped}'),
    svc('${RESTART_POLICY}'),
    svc('none'),
    'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: on-failure\n',
  ],
  fixes: [
    { before: svc('allways'), after: svc('always') },
    { before: svc('"unless_stopped"'), after: svc('"unless-stopped"') },
    { before: svc("'on_failure:5'"), after: svc("'on-failure:5'") },
    { before: svc('Always'), after: svc('always') },
    { before: svc('never'), after: svc('no') },
    { before: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    restart: unless-stoped # keep\r\n', after: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    restart: unless-stopped # keep\r\n' },
  ],
});
