import { composeRuleTests, projectFiles } from '../ruleHelpers';

const svc = (body: string): string => `services:\n  app:\n    image: node:22\n${body}`;

composeRuleTests('CM007', {
  fires: [
    { text: svc('    network_mode: host\n    networks:\n      - backend\nnetworks:\n  backend: {}\n'), token: 'networks', message: 'mutually exclusive' },
    { text: svc('    networks: [backend]\n    network_mode: "service:vpn"\nnetworks:\n  backend: {}\n'), token: 'network_mode' },
    { text: 'services:\n  app:\n    build:\n      context: .\n      dockerfile: Dockerfile\n      dockerfile_inline: |\n        FROM alpine\n', token: 'dockerfile_inline' },
    { text: svc('    scale: 2\n    deploy:\n      replicas: 3\n'), token: 'replicas', message: 'different values' },
    { text: svc('    cpus: 0.5\n    mem_limit: 512m\n    deploy:\n      resources:\n        limits:\n          cpus: "1"\n          memory: 512M\n'), token: 'cpus', count: 1 },
    { text: svc('    mem_reservation: 256m\n    pids_limit: 100\n    deploy:\n      resources:\n        limits:\n          pids: 200\n        reservations:\n          memory: 128M\n'), count: 2 },
    { text: svc('    deploy:\n      resources:\n        reservations:\n          devices:\n            - driver: nvidia\n              count: 1\n              device_ids: ["0"]\n              capabilities: [gpu]\n'), token: 'device_ids' },
    { text: svc('    gpus:\n      - driver: nvidia\n        device_ids: ["0", "1"]\n        count: all\n'), token: 'count' },
    { text: svc('') + 'volumes:\n  pgdata:\n    external: true\n    driver: local\n    driver_opts:\n      type: none\n', token: 'driver', count: 2 },
    { text: svc('') + 'volumes:\n  pgdata:\n    external:\n      name: legacy\n    labels:\n      a: b\n', token: 'labels' },
    { text: svc('    scale: ${N}\n    deploy:\n      replicas: 2\n'), token: 'replicas', opts: projectFiles({ '/proj/.env': 'N=4\n' }) },
  ],
  silent: [
    svc('    network_mode: host\n    networks: {}\n'),
    svc('    scale: 2\n    deploy:\n      replicas: "2"\n'),
    svc('    cpus: "0.5"\n    mem_limit: 1g\n    deploy:\n      resources:\n        limits:\n          cpus: 0.50\n          memory: 1024M\n'),
    svc('    cpus: 2\n    deploy:\n      resources:\n        limits:\n          memory: 1g\n'),
    svc('    gpus:\n      - driver: nvidia\n        count: 1\n    deploy:\n      resources:\n        reservations:\n          devices:\n            - device_ids: ["0"]\n              capabilities: [gpu]\n'),
    svc('') + 'volumes:\n  pgdata:\n    external: true\n    name: prod_pgdata\n    x-note: shared\nnetworks:\n  proxy:\n    external: true\n    driver: overlay\n',
    svc('') + 'volumes:\n  data:\n    external: false\n    driver: local\n',
    svc('    scale: ${N}\n    deploy:\n      replicas: 2\n'),
  ],
});
