import { ruleTests } from '../helpers';

ruleTests('DF046', {
  fires: [
    { text: 'FROM node:22\nEXPOSE 8080:3000\n', token: '8080:3000', message: 'host port' },
    { text: 'FROM nginx\nEXPOSE 127.0.0.1:80:80/tcp\n', token: '127.0.0.1:80:80/tcp', message: 'IP address' },
    { text: 'FROM nginx\nEXPOSE 80 [::1]:443:443\n', token: '[::1]:443:443', count: 1 },
  ],
  silent: [
    'FROM nginx\nEXPOSE 80 443/tcp\n',
    'FROM nginx\nEXPOSE ${PORT:-8080}\n',
    'FROM nginx\nEXPOSE 8000-8010/udp\n',
  ],
  fixes: [
    { before: 'FROM node:22\nEXPOSE 8080:3000\n', after: 'FROM node:22\nEXPOSE 3000\n' },
    { before: 'FROM nginx\r\nEXPOSE 127.0.0.1:80:80/tcp 443\r\n', after: 'FROM nginx\r\nEXPOSE 80/tcp 443\r\n' },
  ],
});
