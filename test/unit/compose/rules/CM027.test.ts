import { composeRuleTests } from '../ruleHelpers';

composeRuleTests('CM027', {
  fires: [
    { text: 'services:\n  ha:\n    image: homeassistant/home-assistant:2024.10\n    network_mode: host\n', token: 'host', message: 'network_mode: host' },
    { text: 'services:\n  top:\n    image: acme/top:1\n    pid: "host"\n', token: '"host"', message: 'process table' },
    { text: 'services:\n  shm:\n    image: acme/shm:1\n    ipc: host\n    userns_mode: host\n', token: 'host', count: 2 },
    { text: 'services:\n  beat:\n    image: elastic/metricbeat:8.15.0\n    cgroup: host\n    uts: host\n', count: 2 },
  ],
  silent: [
    'services:\n  app:\n    image: acme/app:1\n    network_mode: bridge\n',
    'services:\n  sidecar:\n    image: acme/sidecar:1\n    network_mode: service:app\n    pid: service:app\n  app:\n    image: acme/app:1\n',
    'services:\n  app:\n    image: acme/app:1\n    ipc: shareable\n    cgroup: private\n',
    // A service named host.
    'services:\n  host:\n    image: acme/host:1\n  app:\n    image: acme/app:1\n    network_mode: service:host\n',
  ],
});
