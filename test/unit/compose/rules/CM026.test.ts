import { composeRuleTests } from '../ruleHelpers';

composeRuleTests('CM026', {
  fires: [
    { text: 'services:\n  traefik:\n    image: traefik:3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n', token: '/var/run/docker.sock', count: 1, message: '`:ro` does not help' },
    { text: 'services:\n  agent:\n    image: acme/agent:1\n    volumes:\n      - "/:/host:ro"\n      - /etc:/host/etc\n', token: '/', count: 2 },
    {
      text: 'services:\n  ci:\n    image: acme/runner:1\n    volumes:\n      - type: bind\n        source: /run/user/1000/podman/podman.sock\n        target: /var/run/docker.sock\n',
      token: '/run/user/1000/podman/podman.sock',
    },
    { text: 'services:\n  deploy:\n    image: acme/deploy:1\n    volumes:\n      - ~/.ssh:/root/.ssh:ro\n', token: '~/.ssh', message: 'credentials' },
    { text: 'services:\n  deploy:\n    image: acme/deploy:1\n    volumes:\n      - ${HOME}/.aws:/root/.aws\n', token: '${HOME}/.aws' },
    { text: 'services:\n  dind:\n    image: acme/x:1\n    volumes:\n      - "${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock"\n', token: '${DOCKER_SOCK:-/var/run/docker.sock}' },
    { text: 'services:\n  exporter:\n    image: prom/node-exporter:v1.8.2\n    volumes:\n      - /proc:/host/proc:ro\n      - /sys/fs/cgroup:/sys/fs/cgroup:ro\n', count: 2 },
    // The source is a variable with no value, the target is the socket.
    { text: 'services:\n  collector:\n    image: otel/opentelemetry-collector-contrib:0.110.0\n    volumes:\n      - ${DOCKER_SOCK}:/var/run/docker.sock:ro\n', token: '${DOCKER_SOCK}' },
    // A named volume that binds a host directory.
    { text: 'services:\n  a:\n    image: x/a:1\n    volumes:\n      - etc:/data\nvolumes:\n  etc:\n    driver_opts:\n      type: none\n      o: bind\n      device: /etc\n', token: '/etc' },
  ],
  silent: [
    'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./html:/usr/share/nginx/html:ro\n      - /etc/localtime:/etc/localtime:ro\n      - data:/var/lib/data\nvolumes:\n  data: {}\n',
    // Paths under /home, /srv, /var/log, /media are data, not system paths.
    'services:\n  app:\n    image: acme/app:1\n    volumes:\n      - /srv/app/data:/data\n      - /home/me/projects/app:/app\n      - /var/log/app:/logs\n',
    // A container path, not a host one; a named volume called docker.
    'services:\n  app:\n    image: acme/app:1\n    volumes:\n      - docker:/var/run\n      - /opt/app:/etc/app\nvolumes:\n  docker: {}\n',
    // The source comes from a variable with no value: unknown.
    'services:\n  app:\n    image: acme/app:1\n    volumes:\n      - ${DATA_DIR}/etc:/etc/app\n',
    // tmpfs at a sensitive path is not a host mount.
    'services:\n  app:\n    image: acme/app:1\n    volumes:\n      - type: tmpfs\n        target: /run\n',
  ],
});
