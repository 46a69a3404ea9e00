import { ruleTests } from '../helpers';

ruleTests('DF076', {
  fires: [
    { text: 'FROM debian:12\nRUN echo "root:hunter2" | chpasswd\n', token: 'chpasswd', message: '"chpasswd"' },
    { text: 'FROM ubuntu:24.04\nRUN useradd -m -p "$(openssl passwd -1 secret)" dev\n', token: '-p', message: 'useradd -p' },
    { text: 'FROM centos:7\nRUN echo secret | passwd --stdin admin\n', token: 'passwd' },
    { text: 'FROM debian:12\nRUN passwd -d root\n', token: 'passwd', message: 'empty password' },
    { text: 'FROM debian:12\nRUN usermod --password "$HASH" app && printf "pw\\npw\\n" | passwd app\n', count: 2, token: '--password' },
  ],
  silent: [
    'FROM alpine:3.20\nRUN useradd --create-home --password $(head -c32 /dev/urandom | base64) penguin\n',
    'FROM debian:12\nRUN passwd -l root\n',
    'FROM debian:12\nRUN useradd -m -p "*" app && usermod -p "!" app\n',
    'FROM debian:12\nRUN useradd -r -u 10001 app\n',
    'FROM debian:12\nRUN apt-get install -y passwd && which chpasswd\n',
  ],
});
