import { composeRuleTests, projectFiles } from '../ruleHelpers';

composeRuleTests('CM004', {
  fires: [
    { text: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - dbb\n  db:\n    image: postgres:17\n', token: 'dbb', message: 'did you mean "db"' },
    {
      text: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      redis:\n        condition: service_started\n  cache:\n    image: redis:7\n',
      token: 'redis',
      message: 'depends_on "redis"',
    },
    { text: 'services:\n  web:\n    image: nginx:1.27\n    links:\n      - "api:backend"\n  app:\n    image: app:1\n', token: 'api', message: 'links' },
    { text: 'services:\n  vpn:\n    image: wireguard:1\n  app:\n    image: app:1\n    network_mode: "service:vpm"\n', token: 'vpm', message: 'did you mean "vpn"' },
    { text: 'services:\n  data:\n    image: busybox\n  app:\n    image: app:1\n    volumes_from:\n      - service:dta:ro\n      - container:other\n', token: 'dta', count: 1 },
    { text: 'services:\n  base:\n    image: python:3.12\n  worker:\n    extends:\n      service: bsae\n', token: 'bsae', message: 'in this file' },
    {
      text: 'services:\n  worker:\n    extends:\n      file: common.yaml\n      service: wroker\n',
      token: 'wroker',
      message: 'in common.yaml',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/common.yaml': 'services:\n  worker:\n    image: w:1\n' }),
    },
  ],
  silent: [
    'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    links: ["db:database"]\n  db:\n    image: postgres:17\n',
    'services:\n  app:\n    image: app:1\n    network_mode: "container:vpn"\n    volumes_from: ["container:data"]\n',
    // required: false tolerates a missing service.
    'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      metrics:\n        condition: service_started\n        required: false\n',
    // defined in the override file of the project.
    {
      text: 'services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/compose.override.yaml': 'services:\n  db:\n    image: postgres:17\n' }),
    },
    // an include that cannot be read: the project is incomplete.
    'include:\n  - oci://registry/app:1\nservices:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n',
    // an extends file that cannot be read.
    'services:\n  worker:\n    extends:\n      file: missing.yaml\n      service: worker\n',
    // interpolated.
    'services:\n  web:\n    image: nginx:1.27\n    depends_on: ["${DB_SERVICE}"]\n',
  ],
  fixes: [
    {
      before: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - dbb\n  db:\n    image: postgres:17\n',
      after: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n  db:\n    image: postgres:17\n',
    },
    {
      before: 'services:\r\n  vpn:\r\n    image: wireguard:1\r\n  app:\r\n    image: app:1\r\n    network_mode: "service:vpm"\r\n',
      after: 'services:\r\n  vpn:\r\n    image: wireguard:1\r\n  app:\r\n    image: app:1\r\n    network_mode: "service:vpn"\r\n',
    },
    {
      before: 'services:\n  web:\n    image: nginx:1.27\n    links:\n      - "postgress:database"\n  postgres:\n    image: postgres:17\n',
      after: 'services:\n  web:\n    image: nginx:1.27\n    links:\n      - "postgres:database"\n  postgres:\n    image: postgres:17\n',
    },
  ],
});
