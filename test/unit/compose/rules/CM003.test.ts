import { composeRuleTests, projectFiles } from '../ruleHelpers';

composeRuleTests('CM003', {
  fires: [
    { text: 'services:\n  web:\n    image: nginx:1.27\n  worker:\n    command: ["celery", "worker"]\n', token: 'worker', count: 1, message: 'service "worker"' },
    { text: 'services:\n  db:\n    image: postgres:17\n  app:\n    image:\n    ports: ["8080:8080"]\n', token: 'app' },
    {
      // The override file adds only ports; the base has no image either.
      text: 'services:\n  api:\n    ports: ["80:80"]\n',
      token: 'api',
      opts: projectFiles(
        {
          '/proj/compose.yaml': 'services:\n  api:\n    environment:\n      A: "1"\n  db:\n    image: postgres:17\n',
          '/proj/compose.override.yaml': 'services:\n  api:\n    ports: ["80:80"]\n',
        },
        '/proj/compose.override.yaml',
      ),
    },
    { text: 'services:\n  base:\n    image: alpine:3.20\n  "my app":\n    environment: [A=1]\n', token: '"my app"' },
  ],
  silent: [
    'services:\n  web:\n    image: nginx:1.27\n  app:\n    build: .\n',
    // extends in the same file gives the image.
    'services:\n  base:\n    image: python:3.12\n  worker:\n    extends: base\n    command: ["python", "w.py"]\n',
    // a provider service (compose 2.36+) runs without an image.
    'services:\n  web:\n    image: nginx:1.27\n  ai:\n    provider:\n      type: model\n      options:\n        model: ai/smollm2\n',
    // the base of an extends in another file cannot be read: unknown.
    'services:\n  web:\n    image: nginx:1.27\n  worker:\n    extends:\n      file: common.yaml\n      service: worker\n',
    {
      // the image comes from the base file of the project.
      text: 'services:\n  api:\n    ports: ["80:80"]\n',
      opts: projectFiles(
        { '/proj/compose.yaml': 'services:\n  api:\n    image: api:1\n', '/proj/compose.override.yaml': 'services:\n  api:\n    ports: ["80:80"]\n' },
        '/proj/compose.override.yaml',
      ),
    },
    {
      // extends.file read through the workspace.
      text: 'services:\n  web:\n    image: nginx:1.27\n  worker:\n    extends:\n      file: common.yaml\n      service: worker\n',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/common.yaml': 'services:\n  worker:\n    build: ./worker\n' }),
    },
    {
      // an overlay in a sub-folder (`-f ../compose.yaml -f ci/compose.yaml`) with only patches.
      text: 'services:\n  web:\n    image: nginx:1.27\n  api:\n    environment: [DEBUG=1]\n',
      opts: projectFiles({ '/proj/compose.yaml': 'services:\n  api:\n    image: api:1\n', '/proj/ci/test/compose.yaml': '' }, '/proj/ci/test/compose.yaml'),
    },
    // a file whose every service is a patch: an overlay used with -f.
    'services:\n  api:\n    ports: ["80:80"]\n  db:\n    ports: ["5432:5432"]\n',
  ],
});
