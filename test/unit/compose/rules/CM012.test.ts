import { composeRuleTests } from '../ruleHelpers';

const base = 'services:\n  web:\n    image: nginx:1.27\n';

composeRuleTests('CM012', {
  fires: [
    { text: base + 'secrets:\n  db_password:\n    file: ./db_password.txt\n    environment: DB_PASSWORD\n', token: 'environment', message: 'mutually exclusive' },
    { text: base + 'configs:\n  nginx_conf:\n    content: |\n      server {}\n    file: ./nginx.conf\n', token: 'file', message: '`content` and `file`' },
    { text: base + 'secrets:\n  api_key:\n    name: prod_api_key\n', token: 'api_key', message: 'has no source' },
    { text: base + 'configs:\n  app_config:\n    template_driver: golang\n', token: 'app_config' },
    { text: base + 'secrets:\n  token:\n    external: false\n', token: 'token' },
    { text: base + 'secrets:\n  token:\n', token: 'token' },
    { text: base + 'configs:\n  c:\n    file: ./a\n    environment: A\n    content: x\n', count: 2 },
  ],
  silent: [
    base + 'secrets:\n  db_password:\n    file: ./db_password.txt\n  api_key:\n    environment: API_KEY\n',
    base + 'configs:\n  nginx_conf:\n    content: |\n      server {}\n  app:\n    file: ./app.yaml\n    name: app_v2\n',
    base + 'secrets:\n  shared:\n    external: true\n  legacy:\n    external:\n      name: legacy_secret\nconfigs:\n  remote:\n    external: true\n    name: remote_cfg\n',
    base + 'secrets:\n  vault:\n    driver: vault\n    driver_opts:\n      path: secret/db\n',
    base + 'volumes:\n  data:\n    name: data\n',
    base + 'secrets:\n  s:\n    file: ${SECRET_FILE}\n',
  ],
});
