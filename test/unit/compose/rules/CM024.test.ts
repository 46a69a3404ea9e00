import { composeRuleTests, projectFiles } from '../ruleHelpers';

composeRuleTests('CM024', {
  fires: [
    { text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n', token: 'web', count: 1 },
    { text: 'services:\n  db:\n    image: postgres:17\n    restart: always\n  api:\n    build: .\n    depends_on:\n      - db\n', token: 'api', count: 1 },
    // Merged from an anchor: still no restart.
    { text: 'x-base: &base\n  image: acme/worker:2\nservices:\n  worker:\n    <<: *base\n    command: ["work"]\n', token: 'worker' },
    // A project file: the path is not a test/CI/dev file.
    { text: 'services:\n  queue:\n    image: rabbitmq:4\n', token: 'queue', opts: { filePath: '/srv/app/compose.prod.yaml' } },
  ],
  silent: [
    'services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n',
    // Swarm-style restart policy.
    'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: on-failure\n',
    // A one-shot job others wait for.
    'services:\n  migrate:\n    image: acme/api:1\n    command: ["migrate"]\n  api:\n    image: acme/api:1\n    restart: always\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n',
    // One-shot by name or profile.
    'services:\n  db-seed:\n    image: acme/seed:1\n  toolbox:\n    image: alpine:3.20\n    profiles: ["tools"]\n',
    // A fragment of a service defined elsewhere (no image, no build).
    'services:\n  web:\n    ports:\n      - "8080:80"\n',
    // A test file.
    { text: 'services:\n  sut:\n    image: acme/tests:1\n  app:\n    image: acme/app:1\n', opts: { filePath: '/repo/docker-compose.test.yml' } },
    // The base file of the project sets it (the override does not repeat it).
    {
      text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n',
      opts: projectFiles({
        '/proj/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n',
        '/proj/compose.override.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n',
      }, '/proj/compose.override.yaml'),
    },
  ],
  fixes: [
    {
      before: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n  db:\n    image: postgres:17\n    restart: always\n',
      after: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n    restart: unless-stopped\n  db:\n    image: postgres:17\n    restart: always\n',
    },
    {
      before: 'services:\r\n  api:\r\n      image: acme/api:1 # pinned\r\n      environment:\r\n        A: "1"\r\n',
      after: 'services:\r\n  api:\r\n      image: acme/api:1 # pinned\r\n      environment:\r\n        A: "1"\r\n      restart: unless-stopped\r\n',
    },
    {
      before: 'x-base: &base\n  image: acme/worker:2\nservices:\n  worker:\n    <<: *base\n    command: ["work"]',
      after: 'x-base: &base\n  image: acme/worker:2\nservices:\n  worker:\n    <<: *base\n    command: ["work"]\n    restart: unless-stopped',
    },
  ],
});
