import { ruleTests } from '../helpers';

ruleTests('DF072', {
  fires: [
    { text: 'FROM debian:12\nRUN apt-get install -y openssh-server\nEXPOSE 22\n', token: '22', message: 'EXPOSE 22' },
    { text: 'FROM debian:12\nEXPOSE 80 22/tcp 443\n', token: '22/tcp', count: 1 },
    { text: 'FROM debian:12\nONBUILD EXPOSE 22\n', token: '22' },
  ],
  silent: [
    'FROM nginx:1.27\nEXPOSE 80 443\n',
    'FROM debian:12\nEXPOSE 2222 8022 220\n',
    'FROM debian:12\nEXPOSE 22/udp\n',
    'FROM debian:12\n# EXPOSE 22\nEXPOSE $SSH_PORT\n',
  ],
});
