import { composeRuleTests, projectFiles } from '../ruleHelpers';

composeRuleTests('CM005', {
  fires: [
    { text: 'services:\n  web:\n    image: nginx:1.27\n    networks:\n      - front\n      - back\nnetworks:\n  front: {}\n', token: 'back', count: 1, message: 'network "back"' },
    { text: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - "pgdata:/var/lib/postgresql/data"\n', token: 'pgdata', message: 'volume "pgdata"' },
    {
      text: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - type: volume\n        source: pgdata\n        target: /var/lib/postgresql/data\nvolumes:\n  other:\n',
      token: 'pgdata',
    },
    { text: 'services:\n  app:\n    image: app:1\n    secrets:\n      - source: db_password\n        target: pw\n', token: 'db_password', message: 'secret "db_password"' },
    { text: 'services:\n  app:\n    image: app:1\n    configs: [nginx_conf]\n', token: 'nginx_conf', message: 'config' },
    { text: 'services:\n  app:\n    image: app:1\n    networks:\n      backend:\n        aliases: [api]\n', token: 'backend' },
  ],
  silent: [
    'services:\n  web:\n    image: nginx:1.27\n    networks: [default, front]\n    volumes:\n      - ./html:/usr/share/nginx/html\n      - /data\n      - data:/cache\nnetworks:\n  front:\nvolumes:\n  data:\n',
    // network_mode replaces networks (CM007 judges the pair).
    'services:\n  web:\n    image: nginx:1.27\n    network_mode: host\n    networks: [front]\n',
    // bind and tmpfs mounts are not named volumes.
    'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: ./conf\n        target: /etc/nginx\n      - type: tmpfs\n        target: /tmp\n',
    // defined in the base file of the project.
    {
      text: 'services:\n  web:\n    networks: [proxy]\n',
      opts: projectFiles({ '/proj/compose.yaml': 'services:\n  web:\n    image: nginx\nnetworks:\n  proxy:\n    external: true\n' }, '/proj/compose.prod.yaml'),
    },
    // an unreadable include may define it.
    'include:\n  - ../shared/compose.yaml\nservices:\n  web:\n    image: nginx:1.27\n    networks: [shared]\n',
    // interpolated names are not judged.
    'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - "${DATA_VOLUME:-data}:/data"\n',
  ],
  fixes: [
    {
      before: 'services:\n  web:\n    image: nginx:1.27\n    networks:\n      - front\n      - back\nnetworks:\n  front: {}\n',
      after: 'services:\n  web:\n    image: nginx:1.27\n    networks:\n      - front\n      - back\nnetworks:\n  front: {}\n  back: {}\n',
    },
    {
      // no top-level section, no final newline
      before: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data',
      after: 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
    },
    {
      // CRLF, 4-space indentation, section before services
      before: 'volumes:\r\n    cache:\r\n        driver: local\r\nservices:\r\n    db:\r\n        image: postgres:17\r\n        volumes:\r\n            - pgdata:/var/lib/postgresql/data\r\n            - cache:/cache\r\n',
      after: 'volumes:\r\n    cache:\r\n        driver: local\r\n    pgdata:\r\nservices:\r\n    db:\r\n        image: postgres:17\r\n        volumes:\r\n            - pgdata:/var/lib/postgresql/data\r\n            - cache:/cache\r\n',
    },
    {
      // empty section
      before: 'services:\n  web:\n    image: nginx:1.27\n    networks: [front]\nnetworks:\n',
      after: 'services:\n  web:\n    image: nginx:1.27\n    networks: [front]\nnetworks:\n  front:\n',
    },
    {
      // `~` section, followed by another key
      before: 'networks: ~\nservices:\n  web:\n    image: nginx:1.27\n    networks: [front]\n',
      after: 'networks:\n  front:\nservices:\n  web:\n    image: nginx:1.27\n    networks: [front]\n',
    },
    {
      // sections set apart by blank lines: the new one too
      before: 'name: shop\n\nservices:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n',
      after: 'name: shop\n\nservices:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n\nvolumes:\n  pgdata:\n',
    },
    {
      // flow section
      before: 'services:\n  web:\n    image: nginx:1.27\n    networks: [front, back]\nnetworks: { front: {} }\n',
      after: 'services:\n  web:\n    image: nginx:1.27\n    networks: [front, back]\nnetworks: { front: {}, back: {} }\n',
    },
    {
      // a secret needs a source: read from a file (not preferred unless it exists)
      before: 'services:\n  app:\n    image: app:1\n    secrets: [db_password]\n',
      after: 'services:\n  app:\n    image: app:1\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db_password.txt\n',
    },
    {
      // an existing file next to the compose file is used
      before: 'services:\n  app:\n    image: app:1\n    configs: [nginx.conf]\nconfigs:\n  other:\n    file: ./other.conf\n',
      after: 'services:\n  app:\n    image: app:1\n    configs: [nginx.conf]\nconfigs:\n  other:\n    file: ./other.conf\n  nginx.conf:\n    file: ./configs/nginx.conf\n',
      opts: projectFiles({ '/proj/compose.yaml': '', '/proj/configs/nginx.conf': 'server {}' }),
    },
  ],
});
