import { composeRuleTests } from '../ruleHelpers';

const hardened = `services:
  api:
    image: acme/api:1
    mem_limit: 512m
    cpus: 1.5
    pids_limit: 200
    security_opt:
      - no-new-privileges:true
    healthcheck:
      test: ["CMD", "/app/health"]
`;

composeRuleTests('CM028', {
  fires: [
    { text: 'services:\n  web:\n    image: nginx:1.27\n', token: 'web', count: 1, message: 'no memory limit' },
    { text: hardened.replace('    pids_limit: 200\n', ''), token: 'api', count: 1, message: 'pids limit' },
    { text: hardened.replace('    pids_limit: 200\n', '    pids_limit: -1\n').replace('      - no-new-privileges:true\n', '      - seccomp:default.json\n'), message: 'no-new-privileges' },
    {
      text: 'services:\n  worker:\n    image: acme/worker:1\n    deploy:\n      resources:\n        limits:\n          memory: 256M\n          pids: 100\n',
      token: 'worker',
      message: 'has no CPU limit',
    },
  ],
  silent: [
    hardened,
    // Limits under deploy.resources, healthcheck explicitly disabled (a decision).
    'services:\n  job:\n    image: acme/job:1\n    deploy:\n      resources:\n        limits:\n          cpus: "0.5"\n          memory: 128M\n          pids: 50\n    security_opt: ["no-new-privileges=true"]\n    healthcheck:\n      disable: true\n',
    // Merged from an anchor.
    'x-hardening: &h\n  mem_limit: 1g\n  cpus: 2\n  pids_limit: 100\n  security_opt: [no-new-privileges]\n  healthcheck:\n    test: ["CMD-SHELL", "true"]\nservices:\n  a:\n    <<: *h\n    image: x/a:1\n',
    // extends: keys come from another service.
    'services:\n  a:\n    extends:\n      file: base.yaml\n      service: base\n',
  ],
});
