import { composeRuleTests } from '../ruleHelpers';

const svc = (body: string): string => `services:\n  app:\n    image: node:22\n${body}volumes:\n  data: {}\n  cache: {}\n`;

composeRuleTests('CM011', {
  fires: [
    { text: svc('    volumes:\n      - ./src:/app\n      - data:/app/\n'), token: '/app/', message: 'already a mount target' },
    { text: svc('    volumes:\n      - data:/var/lib/data\n      - type: bind\n        source: ./data\n        target: /var/lib/data\n'), token: '/var/lib/data' },
    { text: svc('    volumes:\n      - cache:/tmp/cache:ro\n    tmpfs:\n      - /tmp/cache:size=64m\n'), token: '/tmp/cache' },
    { text: svc('    tmpfs: /run\n    volumes:\n      - type: tmpfs\n        target: /run/\n'), token: '/run/' },
    { text: svc('    volumes:\n      - /app/node_modules\n      - ./node_modules:/app//node_modules\n      - data:/app/node_modules/.\n'), count: 2 },
  ],
  silent: [
    svc('    volumes:\n      - ./src:/app\n      - /app/node_modules\n      - data:/data\n'),
    svc('    volumes:\n      - data:/data\n    tmpfs:\n      - /tmp\n      - /run:size=64m\n'),
    svc('    volumes:\n      - ./a:/a\n') + 'x-other:\n  volumes:\n    - ./a:/a\n',
    'services:\n  a:\n    image: x:1\n    volumes:\n      - ./data:/data\n  b:\n    image: x:1\n    volumes:\n      - ./data:/data\n',
    svc('    volumes:\n      - ${SRC}:${TARGET}\n      - ./x:${OTHER}\n'),
    svc('    volumes:\n      - ./a:/data\n      - ./b:/data2\n'),
  ],
});
