import { composeRuleTests, projectFiles } from '../ruleHelpers';

const ws = (compose: string, env?: string) => projectFiles(env === undefined ? { '/proj/compose.yaml': compose } : { '/proj/compose.yaml': compose, '/proj/.env': env });

const a = 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n';
const b = 'services:\n  web:\n    image: registry.example.com/web:$TAG\n';
const c = 'services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U $POSTGRES_USER"]\n';
const d = 'services:\n  app:\n    image: app:1.0\n    environment:\n      API_URL: "http://${API_HOST}:8080"\n      MODE: ${MODE}\n';

composeRuleTests('CM014', {
  fires: [
    { text: a, opts: ws(a), token: '${DB_PASSWORD}', message: 'service "db": ${DB_PASSWORD} has no default and DB_PASSWORD is not set in .env' },
    { text: b, opts: ws(b, 'OTHER=1\n'), token: '$TAG' },
    { text: c, opts: ws(c), token: '$POSTGRES_USER' },
    { text: d, opts: ws(d, 'MODE=prod\n'), token: '${API_HOST}', count: 1 },
  ],
  silent: [
    // without file access .env is unknown
    a,
    { text: a, opts: ws(a, 'DB_PASSWORD=s3cret\n') },
    { text: 'services:\n  web:\n    image: "nginx:${TAG:-1.27}"\n    environment:\n      A: ${A-}\n', opts: ws('services: {}\n') },
    { text: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD in .env}\n', opts: ws('services: {}\n') },
    { text: 'services:\n  db:\n    image: postgres:17\n    command: ["sh", "-c", "echo $$HOME"]\n', opts: ws('services: {}\n') },
  ],
  fixes: [
    { before: a, opts: ws(a), after: 'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-}\n' },
    { before: b.replace(/\n/g, '\r\n'), opts: ws(b), after: 'services:\r\n  web:\r\n    image: registry.example.com/web:${TAG:-}\r\n' },
    { before: c, opts: ws(c), title: /Escape/, after: 'services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U $$POSTGRES_USER"]\n' },
    { before: d, opts: ws(d), after: 'services:\n  app:\n    image: app:1.0\n    environment:\n      API_URL: "http://${API_HOST:-}:8080"\n      MODE: ${MODE}\n', stillFires: true },
  ],
});
