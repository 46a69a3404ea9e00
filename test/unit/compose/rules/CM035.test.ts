import { composeRuleTests } from '../ruleHelpers';

composeRuleTests('CM035', {
  fires: [
    { text: 'services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:5432"]\n', token: 'curl', message: 'pg_isready -U ${POSTGRES_USER:-postgres}' },
    { text: 'services:\n  cache:\n    image: redis:7\n    healthcheck:\n      test: ["CMD-SHELL", "wget -qO- localhost:6379 || exit 1"]\n', token: 'wget', message: 'Redis' },
    { text: 'services:\n  db:\n    image: mariadb:11\n    healthcheck:\n      test: curl --fail http://localhost:3306 || exit 1\n', token: 'curl' },
    { text: 'services:\n  api:\n    image: node:22-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f http://localhost:3000/health"]\n', token: 'curl', message: 'busybox' },
    { text: 'services:\n  db:\n    image: mysql:8.4\n    healthcheck:\n      test:\n        - CMD\n        - /usr/bin/wget\n        - --spider\n        - http://localhost\n', token: '/usr/bin/wget' },
    { text: 'services:\n  app:\n    image: gcr.io/distroless/static-debian12\n    healthcheck:\n      test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080"]\n', token: 'wget', message: 'distroless' },
    // Unknown tag: curl is missing in both variants of postgres.
    { text: 'services:\n  db:\n    image: postgres:${PG_TAG}\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready && curl -s localhost"]\n', token: 'curl' },
  ],
  silent: [
    'services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n',
    // busybox wget exists in alpine variants; MySQL (Oracle Linux) has curl.
    'services:\n  db:\n    image: postgres:17-alpine\n    healthcheck:\n      test: ["CMD-SHELL", "wget -q --spider localhost:5432 || exit 1"]\n',
    'services:\n  db:\n    image: mysql:8.4\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3306"]\n',
    // Full images ship curl; unknown images; locally built images.
    'services:\n  api:\n    image: node:22\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:3000"]\n',
    'services:\n  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n    healthcheck:\n      test: ["CMD-SHELL", "curl -fs http://localhost:9200/_cluster/health || exit 1"]\n',
    'services:\n  db:\n    image: postgres:17\n    build: ./db\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost"]\n',
    // Unknown tag: wget is only missing in the Debian variant.
    'services:\n  cache:\n    image: redis:${REDIS_TAG}\n    healthcheck:\n      test: ["CMD-SHELL", "wget -q --spider localhost:6379"]\n',
    // A word that is an argument, not a command.
    'services:\n  cache:\n    image: redis:7\n    healthcheck:\n      test: ["CMD-SHELL", "redis-cli ping | grep curl"]\n',
  ],
  fixes: [
    {
      before: 'services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost:5432"]\n',
      after: 'services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]\n',
    },
    {
      before: 'services:\r\n  cache:\r\n    image: redis:7\r\n    healthcheck:\r\n      test:\r\n        - CMD-SHELL\r\n        - wget -qO- localhost:6379 || exit 1\r\n      interval: 10s\r\n',
      after: 'services:\r\n  cache:\r\n    image: redis:7\r\n    healthcheck:\r\n      test:\r\n        - "CMD"\r\n        - "redis-cli"\r\n        - "ping"\r\n      interval: 10s\r\n',
    },
    {
      before: 'services:\n  db:\n    image: mariadb:11\n    healthcheck:\n      test: curl --fail http://localhost:3306 || exit 1\n',
      after: 'services:\n  db:\n    image: mariadb:11\n    healthcheck:\n      test: healthcheck.sh --connect --innodb_initialized\n',
    },
    {
      before: "services:\n  mongo:\n    image: mongo:8\n    healthcheck:\n      test: 'curl -f localhost:27017'\n",
      after: "services:\n  mongo:\n    image: mongo:8\n    healthcheck:\n      test: 'mongosh --quiet --eval \"db.adminCommand(''ping'')\"'\n",
    },
    {
      before: 'services:\n  db:\n    image: mysql:8.4\n    healthcheck:\n      test: ["CMD", "wget", "--spider", "localhost"]\n',
      after: 'services:\n  db:\n    image: mysql:8.4\n    healthcheck:\n      test: ["CMD", "mysqladmin", "ping", "-h", "localhost"]\n',
    },
  ],
});
