import { ruleTests } from '../helpers';

ruleTests('DF067', {
  fires: [
    { text: 'FROM debian:12\nRUN sudo apt-get update\n', token: 'sudo', message: '"sudo"' },
    { text: 'FROM debian:12\nRUN apt-get update && sudo apt-get install -y curl\n', token: 'sudo', count: 1 },
    { text: 'FROM ubuntu:24.04\nUSER dev\nRUN sudo -u postgres psql -c "select 1" \\\n && sudo -E make install\n', token: 'sudo', count: 2 },
    { text: 'FROM debian:12\nONBUILD RUN sudo make install\n', token: 'sudo', count: 1 },
    { text: 'FROM debian:12\nRUN find /opt -name "*.tmp" -print0 | xargs -0 sudo rm -f\n', token: 'sudo', count: 1 },
    { text: 'FROM debian:12\nRUN <<EOF\nset -e\nenv DEBIAN_FRONTEND=noninteractive sudo apt-get install -y git\nEOF\n', token: 'sudo' },
  ],
  silent: [
    'FROM debian:12\nRUN apt-get install -y sudo\n',
    'FROM debian:12\nRUN echo "app ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/app && chmod 0440 /etc/sudoers.d/app\n',
    'FROM debian:12\n# RUN sudo make\nRUN make install\n',
    'FROM debian:12\nRUN usermod -aG sudo app && which sudo\n',
  ],
  fixes: [
    { before: 'FROM debian:12\nRUN sudo apt-get update\n', after: 'FROM debian:12\nRUN apt-get update\n' },
    { before: 'FROM debian:12\r\nRUN apt-get update \\\r\n && sudo -E apt-get install -y curl\r\n', after: 'FROM debian:12\r\nRUN apt-get update \\\r\n && apt-get install -y curl\r\n' },
    { before: 'FROM debian:12\nUSER root\nRUN sudo FOO=1 make install\n', after: 'FROM debian:12\nUSER root\nRUN FOO=1 make install\n' },
  ],
});
