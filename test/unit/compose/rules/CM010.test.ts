import { composeRuleTests, projectFiles } from '../ruleHelpers';

composeRuleTests('CM010', {
  fires: [
    { text: 'services:\n  worker:\n    image: app:1\n    container_name: worker\n    deploy:\n      replicas: 3\n', token: 'worker', message: 'deploy.replicas 3' },
    { text: 'services:\n  worker:\n    image: app:1\n    container_name: "app-worker"\n    scale: 2\n', token: 'app-worker', message: 'scale 2' },
    {
      text: 'services:\n  web:\n    image: nginx:1.27\n    container_name: app\n  api:\n    image: api:1\n    container_name: app\n',
      token: 'app',
      count: 2,
      message: 'also used by service "api"',
    },
    {
      text: 'services:\n  db:\n    image: postgres:17\n    container_name: postgres\n',
      token: 'postgres',
      message: '"db2"',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/compose.override.yaml': 'services:\n  db2:\n    image: postgres:16\n    container_name: postgres\n' }),
    },
  ],
  silent: [
    'services:\n  web:\n    image: nginx:1.27\n    container_name: web\n  api:\n    image: api:1\n    container_name: api\n    deploy:\n      replicas: 1\n',
    // the same service in the base and the override file is one service
    {
      text: 'services:\n  db:\n    image: postgres:17\n    container_name: postgres\n',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/compose.override.yaml': 'services:\n  db:\n    container_name: postgres\n' }),
    },
    // services in disjoint profiles never run together
    'services:\n  app-dev:\n    image: app:dev\n    container_name: app\n    profiles: [dev]\n  app-prod:\n    image: app:1\n    container_name: app\n    profiles: [prod]\n',
    // scaled without a container_name
    'services:\n  worker:\n    image: app:1\n    deploy:\n      replicas: 3\n',
    // two names from variables with no value are not judged
    'services:\n  a:\n    image: x\n    container_name: ${A_NAME}\n  b:\n    image: x\n    container_name: ${B_NAME}\n',
  ],
});
