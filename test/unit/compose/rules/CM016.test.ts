import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sexagesimalValue } from '../../../../src/compose/rules/CM016';
import { composeRuleTests } from '../ruleHelpers';

composeRuleTests('CM016', {
  fires: [
    { text: 'services:\n  ssh:\n    image: linuxserver/openssh-server:9.7\n    ports:\n      - 2222:22\n', token: '2222:22', message: 'ssh' },
    { text: 'services:\n  git:\n    image: gitea/gitea:1.22\n    ports:\n      - "3000:3000"\n      - 22:22\n', token: '22:22', message: 'base-60 number 1342' },
    { text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 127.0.0.1:8080:80\n', token: '127.0.0.1:8080:80', message: 'quote HOST:CONTAINER' },
    { text: 'services:\n  web:\n    image: nginx:1.27\n    ports: [8080:80, "443:443"]\n', token: '8080:80', count: 1 },
    { text: 'services:\n  dns:\n    image: coredns/coredns:1.11.1\n    ports:\n      - 53:53/udp\n      - 53:53/tcp\n', count: 2 },
  ],
  silent: [
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - \'443:443\'\n',
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 80\n      - "3000-3005"\n',
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: 8080\n',
    'services:\n  web:\n    image: nginx:1.27\n    expose:\n      - 80\n    environment:\n      TIME: 12:30\n',
  ],
  fixes: [
    { before: 'services:\n  ssh:\n    image: x:1\n    ports:\n      - 22:22\n', after: 'services:\n  ssh:\n    image: x:1\n    ports:\n      - "22:22"\n' },
    { before: 'services:\r\n  web:\r\n    image: x:1\r\n    ports:\r\n      - 127.0.0.1:8080:80 # local only\r\n', after: 'services:\r\n  web:\r\n    image: x:1\r\n    ports:\r\n      - "127.0.0.1:8080:80" # local only\r\n' },
    { before: 'services:\n  web:\n    image: x:1\n    ports: [8080:80]\n', after: 'services:\n  web:\n    image: x:1\n    ports: ["8080:80"]\n' },
  ],
});

it('CM016 reads base-60 numbers as YAML 1.1 does', () => {
  assert.equal(sexagesimalValue('22:22'), 1342);
  assert.equal(sexagesimalValue('1:30:00'), 5400);
  assert.equal(sexagesimalValue('8080:80'), undefined);
  assert.equal(sexagesimalValue('127.0.0.1:80:80'), undefined);
});
