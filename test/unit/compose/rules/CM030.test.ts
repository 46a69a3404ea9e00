import { composeRuleTests, projectFiles } from '../ruleHelpers';

const base = 'services:\n  api:\n    image: ghcr.io/acme/api:1.4\n';

composeRuleTests('CM030', {
  fires: [
    { text: 'services:\n  app:\n    build: .\n    image: acme/app:dev\n', token: 'image', message: 'service "app": both build and image (acme/app:dev)' },
    { text: 'services:\n  worker:\n    image: "registry.example.com/worker:${TAG:-1}"\n    build:\n      context: ./worker\n      dockerfile: Dockerfile\n', token: 'image' },
    { text: 'services:\n  web:\n    build: { context: . }\n    image: web\n  db:\n    image: postgres:17\n', token: 'image', count: 1 },
    {
      text: base,
      opts: projectFiles({ '/proj/compose.yaml': base, '/proj/compose.override.yaml': 'services:\n  api:\n    build: ./api\n' }),
      token: 'image',
    },
  ],
  silent: [
    'services:\n  app:\n    build: .\n    image: acme/app:dev\n    pull_policy: build\n',
    'services:\n  app:\n    build: .\n    image: acme/app:dev\n    pull_policy: never\n',
    'services:\n  app:\n    build: .\n  db:\n    image: postgres:17\n',
    {
      text: base,
      opts: projectFiles({ '/proj/compose.yaml': base, '/proj/compose.override.yaml': 'services:\n  api:\n    build: ./api\n    pull_policy: build\n' }),
    },
  ],
});
