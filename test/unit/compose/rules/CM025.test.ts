import { composeRuleTests } from '../ruleHelpers';

composeRuleTests('CM025', {
  fires: [
    { text: 'services:\n  agent:\n    image: acme/agent:1\n    privileged: true\n', token: 'privileged', count: 1, message: 'service "agent"' },
    { text: 'services:\n  vpn:\n    image: acme/vpn:1\n    cap_add:\n      - NET_ADMIN\n      - SYS_ADMIN\n', token: 'SYS_ADMIN', count: 1 },
    { text: 'services:\n  app:\n    image: acme/app:1\n    cap_add: ["CAP_ALL"]\n', token: '"CAP_ALL"', message: 'every capability' },
    { text: 'services:\n  chrome:\n    image: acme/chrome:1\n    security_opt:\n      - seccomp:unconfined\n', token: 'seccomp:unconfined' },
    { text: "services:\n  dbg:\n    image: acme/dbg:1\n    security_opt:\n      - 'apparmor=unconfined'\n      - label=disable\n", token: "'apparmor=unconfined'", count: 2 },
    // Written once in an anchor, merged into two services: reported once.
    { text: 'x-priv: &priv\n  privileged: true\nservices:\n  a:\n    <<: *priv\n    image: x/a:1\n  b:\n    <<: *priv\n    image: x/b:1\n', token: 'privileged', count: 1 },
  ],
  silent: [
    'services:\n  app:\n    image: acme/app:1\n    privileged: false\n',
    'services:\n  vpn:\n    image: acme/vpn:1\n    cap_add:\n      - NET_ADMIN\n      - SYS_PTRACE\n    cap_drop:\n      - ALL\n',
    'services:\n  app:\n    image: acme/app:1\n    security_opt:\n      - no-new-privileges:true\n      - seccomp:./profile.json\n      - apparmor:docker-default\n',
    // Only the labels mention it.
    'services:\n  app:\n    image: acme/app:1\n    labels:\n      privileged: "true"\n',
  ],
});
