import { composeRuleTests } from '../ruleHelpers';

const hc = (test: string): string => `services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ${test}\n      interval: 30s\n`;

composeRuleTests('CM009', {
  fires: [
    { text: hc('["curl", "-f", "http://localhost/health"]'), token: '"curl"', message: 'must start with "CMD"' },
    { text: hc('["curl -f http://localhost/ || exit 1"]'), token: '"curl -f http://localhost/ || exit 1"' },
    { text: hc('\n        - pg_isready\n        - -U\n        - postgres'), token: 'pg_isready' },
    { text: hc("['cmd', 'redis-cli', 'ping']"), token: "'cmd'" },
    { text: hc('["CMD curl -f http://localhost/"]'), token: '"CMD curl -f http://localhost/"' },
  ],
  silent: [
    hc('["CMD", "curl", "-f", "http://localhost/health"]'),
    hc('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]'),
    hc('curl -f http://localhost/ || exit 1'),
    hc('["NONE"]'),
    hc('[]'),
    'services:\n  web:\n    image: nginx:1.27\n    command: ["curl", "-f", "http://localhost"]\n',
  ],
  fixes: [
    { before: hc('["curl", "-f", "http://localhost/health"]'), after: hc('["CMD", "curl", "-f", "http://localhost/health"]') },
    { before: hc('["curl -f http://localhost/ || exit 1"]'), after: hc('["CMD-SHELL", "curl -f http://localhost/ || exit 1"]') },
    { before: hc('\n        - pg_isready\n        - -U\n        - postgres'), after: hc('\n        - CMD\n        - pg_isready\n        - -U\n        - postgres') },
    { before: hc("['cmd', 'redis-cli', 'ping']"), after: hc("['CMD', 'redis-cli', 'ping']") },
    { before: hc('["CMD curl -f http://localhost/"]'), after: hc('["CMD-SHELL", "curl -f http://localhost/"]') },
    {
      before: 'services:\r\n  db:\r\n    image: postgres:17\r\n    healthcheck:\r\n      test:\r\n        - "pg_isready -U postgres"\r\n',
      after: 'services:\r\n  db:\r\n    image: postgres:17\r\n    healthcheck:\r\n      test:\r\n        - "CMD-SHELL"\r\n        - "pg_isready -U postgres"\r\n',
    },
  ],
});
