import { ruleTests } from '../helpers';

ruleTests('DF082', {
  fires: [
    { text: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y nginx && service nginx start\n', token: 'service', message: '"service"' },
    { text: 'FROM debian:12\nRUN top\n', token: 'top' },
    { text: 'FROM debian:12\nRUN ./server & sleep 5; \\\n    sudo kill %1\n', token: 'kill' },
    { text: 'FROM debian:12\nRUN ps aux && free -m\n', count: 2 },
  ],
  silent: [
    'FROM ubuntu:24.04\nRUN apt-get install -y ssh vim\n',
    'FROM debian:12\nRUN ssh-keygen -A && echo service top\n',
    'FROM debian:12\nCMD ["service", "nginx", "start"]\n',
  ],
});
