import { composeRuleTests, projectFiles } from '../ruleHelpers';

const proj = (compose: string, extra: Record<string, string> = {}) => ({ text: compose, opts: projectFiles({ '/proj/compose.yaml': compose, ...extra }) });

const fire = (compose: string, token: string, message: string, extra: Record<string, string> = {}) => ({ ...proj(compose, extra), token, message });

composeRuleTests('CM033', {
  fires: [
    fire('services:\n  api:\n    build: ./api\n', './api', 'build context "./api" does not exist (/proj/api)'),
    fire('services:\n  api:\n    build:\n      context: ./api\n      dockerfile: docker/Dockerfile.prod\n', 'docker/Dockerfile.prod', '/proj/api/docker/Dockerfile.prod', { '/proj/api/Dockerfile': 'FROM alpine\n' }),
    fire('services:\n  web:\n    image: nginx:1.27\n    env_file:\n      - .env.local\n', '.env.local', 'env_file'),
    fire('services:\n  web:\n    image: nginx:1.27\n    env_file: web.env\n', 'web.env', 'env_file'),
    fire('services:\n  web:\n    image: nginx:1.27\n    env_file:\n      - path: ./secrets.env\n        required: true\n', './secrets.env', 'env_file'),
    fire('services:\n  db:\n    image: postgres:18\n    secrets:\n      - db-password\nsecrets:\n  db-password:\n    file: db/password.txt\n', 'db/password.txt', 'secret "db-password"'),
    fire('services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - type: bind\n        source: ./site\n        target: /usr/share/nginx/html\n', './site', 'bind mount source'),
    fire('services:\n  web:\n    image: nginx:1.27\nconfigs:\n  nginx:\n    file: ./nginx.conf\n', './nginx.conf', 'config "nginx"'),
  ],
  silent: [
    proj('services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Dockerfile.dev\n    env_file: .env\n', { '/proj/api/Dockerfile.dev': 'FROM alpine\n', '/proj/.env': 'A=1\n' }),
    // Remote contexts, variables, optional env files, inline Dockerfiles.
    proj('services:\n  api:\n    build: https://github.com/docker/compose.git#main\n  b:\n    build: git@github.com:o/r.git\n'),
    proj('services:\n  api:\n    build: ${API_DIR}\n    env_file:\n      - path: ./override.env\n        required: false\n'),
    proj('services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM alpine\n'),
    // Short-syntax binds are created by the engine; create_host_path too.
    proj('services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./data:/data\n      - type: bind\n        source: ./cache\n        target: /cache\n        bind:\n          create_host_path: true\n'),
    // External secret; absolute dockerfile that exists.
    proj('services:\n  api:\n    build:\n      context: ./api\n      dockerfile: /proj/docker/api.Dockerfile\nsecrets:\n  token:\n    external: true\n', { '/proj/api/x': '', '/proj/docker/api.Dockerfile': 'FROM alpine\n' }),
    // Host paths outside the project.
    proj('services:\n  agent:\n    image: elastic/agent:8\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n'),
    // No workspace: silent.
    'services:\n  api:\n    build: ./api\n',
  ],
});
