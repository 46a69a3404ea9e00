import { composeRuleTests } from '../ruleHelpers';

const dbAndApi = (env: string): string => `services:
  api:
    build: .
    ports:
      - "8000:8000"
    environment:
${env}
  db:
    image: postgres:17
  cache:
    image: redis:7-alpine
`;

composeRuleTests('CM021', {
  fires: [
    // A database URL with the image's default port.
    { text: dbAndApi('      DATABASE_URL: postgres://app:secret@localhost:5432/app'), token: 'localhost', count: 1, message: 'service "db"' },
    // List syntax, a redis URL without a port (the scheme's default).
    { text: dbAndApi('      - REDIS_URL=redis://127.0.0.1/0'), token: '127.0.0.1', message: '"cache"' },
    // DB_HOST with the port in DB_PORT.
    { text: dbAndApi('      DB_HOST: localhost\n      DB_PORT: "5432"'), token: 'localhost', message: 'DB_HOST' },
    // REDIS_HOST without a port: the prefix names the kind of service.
    { text: dbAndApi('      REDIS_HOST: "localhost"'), token: 'localhost', message: '"cache"' },
    // A port declared with expose, in a bare host:port value, with a variable default.
    {
      text: 'services:\n  worker:\n    image: acme/worker:1\n    environment:\n      SEARCH_ADDR: "localhost:${SEARCH_PORT:-7700}"\n  search:\n    image: getmeili/meilisearch:v1.10\n    expose:\n      - "7700"\n',
      token: 'localhost',
    },
    // A JDBC URL.
    {
      text: 'services:\n  app:\n    image: acme/app:1\n    environment:\n      SPRING_DATASOURCE_URL: jdbc:mysql://localhost:3306/shop\n  mysql:\n    image: mysql:8.4\n',
      token: 'localhost',
    },
    // IPv6 loopback.
    { text: dbAndApi('      PGURL: "postgresql://u@[::1]:5432/db"'), token: '[::1]' },
  ],
  silent: [
    // The service name is used.
    dbAndApi('      DATABASE_URL: postgres://app:secret@db:5432/app'),
    // localhost on the service's own port (its own listener).
    dbAndApi('      SELF_URL: http://localhost:8000/health'),
    // A port no other service listens on.
    dbAndApi('      OTHER: http://localhost:9999'),
    // Host networking: localhost is the host.
    'services:\n  api:\n    image: acme/api:1\n    network_mode: host\n    environment:\n      DATABASE_URL: postgres://localhost:5432/app\n  db:\n    image: postgres:17\n',
    // Sharing the namespace of the database's container.
    'services:\n  api:\n    image: acme/api:1\n    network_mode: service:db\n    environment:\n      DATABASE_URL: postgres://localhost:5432/app\n  db:\n    image: postgres:17\n',
    // A browser-facing URL: the key says public.
    'services:\n  web:\n    image: acme/web:1\n    environment:\n      NEXT_PUBLIC_API_URL: http://localhost:3000\n  api:\n    image: acme/api:1\n    ports:\n      - "3000:3000"\n',
    // An http URL to a port published as is (localhost:3000 works from the host's browser).
    'services:\n  web:\n    image: acme/web:1\n    environment:\n      API_ENDPOINT: http://localhost:3000\n  api:\n    image: acme/api:1\n    ports:\n      - "3000:3000"\n',
    // Not a host: part of a longer name, the Docker DNS address.
    dbAndApi('      MAIL_HOST: mail.localhost\n      DNS: 127.0.0.11'),
    // Only one service in the file.
    'services:\n  db:\n    image: postgres:17\n    environment:\n      PGHOST: localhost\n      PGPORT: "5432"\n',
    // A listen address.
    dbAndApi('      LISTEN_ADDR: 127.0.0.1:6379'),
  ],
  fixes: [
    {
      before: dbAndApi('      DATABASE_URL: postgres://app:secret@localhost:5432/app'),
      after: dbAndApi('      DATABASE_URL: postgres://app:secret@db:5432/app'),
    },
    {
      before: dbAndApi('      - "REDIS_URL=redis://127.0.0.1:6379/0"').replace(/\n/g, '\r\n'),
      after: dbAndApi('      - "REDIS_URL=redis://cache:6379/0"').replace(/\n/g, '\r\n'),
    },
    {
      before: dbAndApi('      DB_HOST: localhost\n      DB_PORT: 5432'),
      after: dbAndApi('      DB_HOST: db\n      DB_PORT: 5432'),
    },
  ],
});
