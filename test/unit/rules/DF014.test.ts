import { ruleTests } from '../helpers';

ruleTests('DF014', {
  fires: [
    { text: 'FROM nginx:1.27\nEXPOSE 80000\n', token: '80000', message: 'out of range' },
    { text: 'FROM nginx:1.27\nEXPOSE 8080/http\n', token: 'http', message: 'invalid protocol' },
    { text: 'FROM nginx:1.27\nEXPOSE 3000-2000\n', token: '3000-2000', message: 'end before start' },
    { text: 'FROM nginx:1.27\nEXPOSE 80 web 443\n', token: 'web', count: 1 },
    { text: 'FROM nginx:1.27\nEXPOSE 40000-80000/tcp\n', token: '40000-80000' },
    { text: 'FROM nginx:1.27\nEXPOSE 8080 # http\n', token: '# http', message: 'no inline comments', count: 1 },
  ],
  silent: [
    'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 132/sctp 8000-8010 0 65535\n',
    'FROM nginx:1.27\nEXPOSE ${PORT} 40000-${END}\n',
    'FROM nginx:1.27\nEXPOSE 80/TCP\nEXPOSE 8080:80\n',
    'FROM nginx:1.27\nRUN echo 80000\n',
  ],
});
