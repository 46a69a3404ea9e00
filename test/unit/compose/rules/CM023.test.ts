import { composeRuleTests } from '../ruleHelpers';

composeRuleTests('CM023', {
  fires: [
    // A database by its image, quoted short syntax.
    { text: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "5432:5432"\n', token: '5432:5432', message: 'a database: postgres' },
    // A cache published on another host port, unquoted, with a protocol.
    { text: 'services:\n  cache:\n    image: redis:7\n    ports:\n      - 16379:6379/tcp\n', token: '16379:6379/tcp' },
    // Container port only: a random host port on every interface; the image is built, judged by the port.
    { text: 'services:\n  search:\n    build: ./search\n    ports:\n      - "9200"\n', token: '9200', message: 'random host port' },
    // Long syntax without host_ip: the published value.
    { text: 'services:\n  mq:\n    image: rabbitmq:4-management\n    ports:\n      - target: 15672\n        published: 15672\n', token: '15672' },
    // An admin UI on a generic port.
    { text: "services:\n  adminer:\n    image: adminer:4\n    ports:\n      - '8081:8080'\n", token: '8081:8080', message: 'admin UI' },
    // Every port with the option on.
    { text: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n', token: '8080:80', opts: { config: { options: { allUnboundPorts: true } } } },
  ],
  silent: [
    // Bound to the loopback interface.
    'services:\n  db:\n    image: postgres:17\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    // An explicit 0.0.0.0 is a decision.
    'services:\n  db:\n    image: postgres:17\n    ports:\n      - "0.0.0.0:5432:5432"\n',
    // A web server: meant to be reachable (default scope).
    'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n      - "443:443"\n',
    // Long syntax with host_ip.
    'services:\n  db:\n    image: mysql:8.4\n    ports:\n      - target: 3306\n        published: 3306\n        host_ip: 127.0.0.1\n',
    // The host part comes from a variable with no value (it may hold an IP:port, as in mailcow).
    'services:\n  db:\n    image: mysql:8.4\n    ports:\n      - "${SQL_PORT}:3306"\n',
    // Host networking ignores ports.
    'services:\n  db:\n    image: postgres:17\n    network_mode: host\n    ports:\n      - "5432:5432"\n',
    // expose is not publishing.
    'services:\n  db:\n    image: postgres:17\n    expose:\n      - "5432"\n',
  ],
  fixes: [
    { before: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "5432:5432"\n', after: 'services:\n  db:\n    image: postgres:17\n    ports:\n      - "127.0.0.1:5432:5432"\n' },
    { before: 'services:\r\n  cache:\r\n    image: redis:7\r\n    ports:\r\n      - 6379:6379\r\n', after: 'services:\r\n  cache:\r\n    image: redis:7\r\n    ports:\r\n      - 127.0.0.1:6379:6379\r\n' },
    { before: 'services:\n  search:\n    build: ./search\n    ports:\n      - 9200\n', after: 'services:\n  search:\n    build: ./search\n    ports:\n      - 127.0.0.1::9200\n' },
    {
      before: 'services:\n  mq:\n    image: rabbitmq:4\n    ports:\n      - target: 5672\n        published: 5672 # AMQP\n    restart: always\n',
      after: 'services:\n  mq:\n    image: rabbitmq:4\n    ports:\n      - target: 5672\n        published: 5672 # AMQP\n        host_ip: 127.0.0.1\n    restart: always\n',
    },
    {
      before: 'services:\r\n  db:\r\n    image: postgres:17\r\n    ports:\r\n      -   published: "5432"\r\n          target: 5432\r\n',
      after: 'services:\r\n  db:\r\n    image: postgres:17\r\n    ports:\r\n      -   published: "5432"\r\n          target: 5432\r\n          host_ip: 127.0.0.1\r\n',
    },
    { before: 'services:\n  db:\n    image: postgres:17\n    ports: ["${PG_PORT:-5432}:5432"]\n', after: 'services:\n  db:\n    image: postgres:17\n    ports: ["127.0.0.1:${PG_PORT:-5432}:5432"]\n' },
  ],
});
