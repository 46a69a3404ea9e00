import { ruleTests } from '../helpers';

ruleTests('DF045', {
  fires: [
    { text: 'FROM nginx\nEXPOSE 80/TCP\n', token: 'TCP', message: '"tcp"' },
    { text: 'FROM coredns/coredns\nEXPOSE 53/tcp 53/UDP\n', token: 'UDP', count: 1 },
    { text: 'FROM x\nEXPOSE 9000/Tcp 9001/SCTP\n', token: 'Tcp', count: 2 },
  ],
  silent: [
    'FROM nginx\nEXPOSE 80/tcp 443\n',
    'FROM nginx\nEXPOSE 80/HTTP\n',
    'FROM nginx\nEXPOSE ${PORT}/TCP\n',
  ],
  fixes: [
    { before: 'FROM nginx\nEXPOSE 80/TCP\n', after: 'FROM nginx\nEXPOSE 80/tcp\n' },
    { before: 'FROM x\r\nEXPOSE 53/tcp 53/UDP\r\n', after: 'FROM x\r\nEXPOSE 53/tcp 53/udp\r\n' },
  ],
});
