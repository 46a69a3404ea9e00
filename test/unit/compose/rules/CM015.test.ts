import { composeRuleTests } from '../ruleHelpers';

composeRuleTests('CM015', {
  fires: [
    { text: 'services:\n  shell:\n    image: alpine:3.20\n    tty: yes\n    stdin_open: yes\n', token: 'yes', message: 'service "shell": tty: yes is a YAML 1.1 boolean', count: 2 },
    { text: 'services:\n  web:\n    image: nginx:1.27\n    read_only: "Off"\n', token: '"Off"', message: 'reads it as false' },
    { text: 'services:\n  app:\n    image: app:1.0\n    environment:\n      DEBUG: yes\n      LOG_LEVEL: info\n', token: 'yes', message: 'environment.DEBUG: yes is read as the string "yes"' },
    { text: 'services:\n  proxy:\n    image: traefik:v3.1\n    labels:\n      traefik.enable: on\n', token: 'on', message: 'boolean true' },
    { text: 'services:\n  worker:\n    image: app:1.0\n    restart: no\n', token: 'no', message: 'restart' },
    { text: 'networks:\n  shared:\n    external: yes\nservices:\n  web:\n    image: nginx:1.27\n', token: 'yes', message: 'network "shared": external' },
    { text: 'services:\n  app:\n    build:\n      context: .\n      args:\n        WITH_DOCS: NO\n', token: 'NO' },
  ],
  silent: [
    'services:\n  shell:\n    image: alpine:3.20\n    tty: true\n    stdin_open: false\n',
    'services:\n  app:\n    image: app:1.0\n    environment:\n      DEBUG: "yes"\n      COUNTRY: "NO"\n      FEATURE: \'on\'\n',
    'services:\n  app:\n    image: app:1.0\n    environment:\n      - DEBUG=yes\n    restart: "no"\n',
    'services:\n  app:\n    image: app:1.0\n    tty: ${TTY:-yes}\n    command: ["echo", yes]\n    hostname: on\n',
    'services:\n  app:\n    image: app:1.0\n    environment:\n      ANSWER: yEs\n      MODE: online\n',
  ],
  fixes: [
    { before: 'services:\n  shell:\n    image: alpine:3.20\n    tty: yes\n', after: 'services:\n  shell:\n    image: alpine:3.20\n    tty: true\n' },
    { before: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    read_only: "Off" # hardening\r\n', after: 'services:\r\n  web:\r\n    image: nginx:1.27\r\n    read_only: false # hardening\r\n' },
    { before: 'services:\n  app:\n    image: app:1.0\n    environment:\n      DEBUG: yes\n', after: 'services:\n  app:\n    image: app:1.0\n    environment:\n      DEBUG: "yes"\n' },
    { before: 'services:\n  app:\n    image: app:1.0\n    labels: { traefik.enable: on }\n', after: 'services:\n  app:\n    image: app:1.0\n    labels: { traefik.enable: "on" }\n' },
  ],
});
