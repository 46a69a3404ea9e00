import { composeRuleTests, projectFiles } from '../ruleHelpers';

const svc = (ports: string): string => `services:\n  web:\n    image: nginx:1.27\n    ports:\n${ports}`;

composeRuleTests('CM008', {
  fires: [
    { text: svc('      - "8080:80/tpc"\n'), token: 'tpc', message: 'unknown protocol' },
    { text: svc('      - "8010-8000:80"\n'), token: '8010-8000', message: 'ends before it starts' },
    { text: svc('      - "3000-3005:4000-4002"\n'), token: '3000-3005:4000-4002', message: 'different lengths' },
    { text: svc('      - "127.0.0.256:8080:80"\n'), token: '127.0.0.256', message: 'invalid host IP' },
    { text: svc('      - 70000:80\n'), token: '70000', message: 'above 65535' },
    { text: svc("      - '8080:http'\n"), token: 'http', message: 'not a port number' },
    { text: svc('      - 80800\n'), token: '80800' },
    { text: svc('      - target: 80\n        published: "8080"\n        host_ip: localhost\n'), token: 'localhost', message: 'host_ip' },
    { text: svc('      - target: 80\n        published: 99999\n'), token: '99999' },
    { text: svc('      - target: 80\n        protocol: http\n'), token: 'http' },
    { text: svc('      - target: 0\n'), token: '0' },
    // A resolved variable is judged on its value; the whole scalar is the range.
    { text: svc('      - "${WEB_PORT}:80"\n'), token: '"${WEB_PORT}:80"', opts: projectFiles({ '/proj/.env': 'WEB_PORT=80000\n' }) },
    { text: svc('      - "[::1:8080:80"\n'), token: '[::1' },
  ],
  silent: [
    svc('      - "8080:80"\n      - "127.0.0.1:5432:5432"\n      - "53:53/udp"\n      - "9000-9005:9000-9005"\n      - 3000\n'),
    svc('      - "[::1]:8080:80"\n      - "::1:8081:80"\n      - "8000-8010:80"\n      - "127.0.0.1::80"\n      - "80/TCP"\n      - "0:80"\n'),
    svc('      - target: 80\n        published: "8000-8010"\n        host_ip: "::"\n        protocol: udp\n        mode: host\n      - target: "3000-3005"\n'),
    // An unresolved variable is not judged.
    svc('      - "${HOST_PORT}:${PORT}"\n      - target: ${PORT}\n        published: ${PUBLISHED}\n'),
    svc('      - "${WEB_PORT:-8080}:80"\n'),
    'services:\n  web:\n    image: nginx:1.27\n    expose:\n      - "80/tpc"\n',
  ],
});
