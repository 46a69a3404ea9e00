import { composeRuleTests, projectFiles } from '../ruleHelpers';

composeRuleTests('CM032', {
  fires: [
    { text: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: example\n', token: 'postgres:16', message: '/var/lib/postgresql/data' },
    { text: 'services:\n  mysql:\n    image: "mysql:8.4"\n    ports:\n      - "3306:3306"\n', token: '"mysql:8.4"', message: 'MySQL keeps its data in /var/lib/mysql' },
    { text: 'services:\n  mongo:\n    image: mongo:8\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d:ro\n', token: 'mongo:8', message: '/data/db' },
    // PostgreSQL 18 with the old path: its own message, on the mount.
    { text: 'services:\n  db:\n    image: postgres:18-alpine\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n', token: 'pgdata:/var/lib/postgresql/data', message: 'refuse to start' },
    // latest is 18+.
    { text: 'services:\n  db:\n    image: postgres\n    volumes:\n      - type: volume\n        source: pg\n        target: /var/lib/postgresql/data/\nvolumes:\n  pg: {}\n', token: '/var/lib/postgresql/data/', message: '18+' },
    // A mount above the image's VOLUME does not hold the data.
    { text: 'services:\n  db:\n    image: mariadb:11\n    volumes:\n      - ./var:/var/lib\n', token: 'mariadb:11', message: 'MariaDB' },
    // Anonymous volume only.
    { text: 'services:\n  rabbit:\n    image: rabbitmq:4-management\n    volumes:\n      - /var/lib/rabbitmq\n', token: 'rabbitmq:4-management', message: 'anonymous volume' },
    // Redis with persistence switched on.
    { text: 'services:\n  cache:\n    image: redis:7-alpine\n    command: redis-server --appendonly yes\n', token: 'redis:7-alpine' },
    { text: 'services:\n  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n', token: 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0' },
    // Unknown PostgreSQL version: no fix, both paths named.
    { text: 'services:\n  db:\n    image: postgres:${PG_VERSION}\n', token: 'postgres:${PG_VERSION}', message: 'for 18+' },
    { text: 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.7.1\n', token: 'confluentinc/cp-kafka:7.7.1', message: '/var/lib/kafka/data' },
  ],
  silent: [
    'services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n',
    'services:\n  db:\n    image: postgres:18\n    volumes:\n      - db-data:/var/lib/postgresql\nvolumes:\n  db-data:\n',
    // PGDATA pinned back to the old path makes the old mount fine on 18.
    'services:\n  db:\n    image: postgres:18\n    environment:\n      PGDATA: /var/lib/postgresql/data\n    volumes:\n      - ./pg:/var/lib/postgresql/data\n',
    // PGDATA below the pre-18 VOLUME.
    'services:\n  db:\n    image: postgres:15-alpine\n    environment:\n      - PGDATA=/var/lib/postgresql/data/pgdata\n    volumes:\n      - ./database:/var/lib/postgresql/data\n',
    // A plain cache.
    'services:\n  redis:\n    image: redis:7-alpine\n',
    'services:\n  redis:\n    image: redis:7\n    command: ["redis-server", "--save", ""]\n',
    // tmpfs on purpose (tests).
    'services:\n  db:\n    image: postgres:17\n    tmpfs:\n      - /var/lib/postgresql/data\n',
    // Not a backing service, locally built, or repository from a variable.
    'services:\n  web:\n    image: nginx:1.27\n',
    'services:\n  db:\n    build: ./db\n',
    'services:\n  db:\n    image: ${DB_IMAGE:-postgres:16}\n',
    // Unknown version but the 18+ path mounted.
    'services:\n  db:\n    image: postgres:${PG_VERSION}\n    volumes:\n      - pg:/var/lib/postgresql\nvolumes:\n  pg:\n',
    // Mounted in the override file.
    {
      text: 'services:\n  db:\n    image: mysql:8.4\n',
      opts: projectFiles({
        '/proj/compose.yaml': 'services:\n  db:\n    image: mysql:8.4\n',
        '/proj/compose.override.yaml': 'services:\n  db:\n    volumes:\n      - mysql:/var/lib/mysql\nvolumes:\n  mysql:\n',
      }),
    },
    'services:\n  db:\n    image: postgres:${POSTGRES_IMAGE_TAG}\n    volumes:\n      - ${POSTGRES_DATA_PATH}:/var/lib/postgresql/data\n',
    'services:\n  db:\n    image: postgres:18-alpine\n    command: "postgres -c fsync=off -c full_page_writes=off"\n',
    'services:\n  db:\n    extends:\n      file: base.yaml\n      service: db\n    image: postgres:16\n',
  ],
  fixes: [
    {
      before: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: example\n',
      after: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: example\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n',
    },
    {
      before: 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro\n\n  web:\n    image: nginx:1.27\n\nvolumes:\n  web_cache:\n',
      after: 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro\n      - db_data:/var/lib/postgresql\n\n  web:\n    image: nginx:1.27\n\nvolumes:\n  web_cache:\n  db_data:\n',
    },
    {
      before: 'services:\r\n  db:\r\n    image: postgres:18-alpine\r\n    volumes:\r\n      - pgdata:/var/lib/postgresql/data\r\nvolumes:\r\n  pgdata:\r\n',
      after: 'services:\r\n  db:\r\n    image: postgres:18-alpine\r\n    volumes:\r\n      - pgdata:/var/lib/postgresql\r\nvolumes:\r\n  pgdata:\r\n',
    },
    {
      // the file's style: a blank line between sections, `{}` for an empty volume
      before: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      - cache:/data\n  rabbit:\n    image: rabbitmq:4-management\n\nvolumes:\n  cache: {}\n',
      after: 'services:\n  cache:\n    image: redis:7\n    volumes:\n      - cache:/data\n  rabbit:\n    image: rabbitmq:4-management\n    volumes:\n      - rabbit-data:/var/lib/rabbitmq\n\nvolumes:\n  cache: {}\n  rabbit-data: {}\n',
    },
    {
      before: 'services:\n  db:\n    image: postgres:18\n\nnetworks:\n  back:\n',
      after: 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - db-data:/var/lib/postgresql\n\nnetworks:\n  back:\n\nvolumes:\n  db-data:\n',
    },
    {
      before: 'services:\n    rabbit:\n        image: rabbitmq:4-management\n        volumes:\n        - /var/lib/rabbitmq\n',
      after: 'services:\n    rabbit:\n        image: rabbitmq:4-management\n        volumes:\n        - rabbit-data:/var/lib/rabbitmq\nvolumes:\n    rabbit-data:\n',
    },
    {
      before: 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - type: bind\n        source: ./pg\n        target: /var/lib/postgresql/data\n',
      after: 'services:\n  db:\n    image: postgres:18\n    volumes:\n      - type: bind\n        source: ./pg\n        target: /var/lib/postgresql\n',
    },
    {
      before: 'services:\n  mongo:\n    image: mongo:8\n    ports:\n    - "27017:27017"\n  # the API\n  api:\n    image: node:22\n',
      after: 'services:\n  mongo:\n    image: mongo:8\n    ports:\n    - "27017:27017"\n    volumes:\n    - mongo-data:/data/db\n  # the API\n  api:\n    image: node:22\nvolumes:\n  mongo-data:\n',
    },
  ],
});
