import { ruleTests } from '../helpers';

ruleTests('DF078', {
  fires: [
    { text: 'FROM debian:12\nRUN curl -fsSL https://get.docker.com | sh\n', token: 'sh', message: 'from curl piped into "sh"' },
    { text: 'FROM debian:12\nRUN wget -qO- https://deb.nodesource.com/setup_20.x | sudo -E bash - \\\n && apt-get install -y nodejs\n', token: 'bash' },
    { text: 'FROM python:3.12\nRUN curl -sSL https://install.python-poetry.org | python3 -\n', token: 'python3' },
    { text: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://raw.githubusercontent.com/ohmyzsh/ohmyzsh/master/tools/install.sh)"\n', token: 'sh', message: 'run by "sh"' },
    { text: 'FROM rust:1\nRUN curl --proto "=https" -sSf https://sh.rustup.rs | sh -s -- -y\n', token: 'sh' },
    { text: 'FROM debian:12\nRUN bash <(curl -s https://example.com/install.sh)\n', token: 'bash' },
  ],
  silent: [
    'FROM debian:12\nRUN curl -fsSL https://example.com/a.tgz | tar -xz -C /opt\n',
    'FROM python:3.12\nRUN curl -s https://api.example.com/v | python3 -c "import sys, json; print(json.load(sys.stdin))"\n',
    'FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://get.docker.com && sha256sum -c sums && sh /tmp/install.sh\n',
    'FROM debian:12\nRUN echo hi | sh\n',
    'FROM debian:12\nRUN curl -fsSL https://example.com/key.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg\n',
  ],
});
