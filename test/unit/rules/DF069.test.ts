import { ruleTests } from '../helpers';

// Fake credentials, assembled at run time so no secret scanner mistakes this file for a leak.
const GH = 'ghp_' + 'R8x2Kq7Lm4Np9Zt3Vb6Wc1Yd5Fg0Hj2Sa8Qe';
const AWS = 'AKIA' + 'Z7QW3ERT9YUI2OPL';
const SLACK = 'xoxb-' + '123456789012-1234567890123-' + 'AbCdEfGhIjKlMnOpQrStUvWx';
const PEM = '-----BEGIN ' + 'RSA PRIVATE KEY-----';
const PW = 'Zx9' + 'qL2vR7tW';

ruleTests('DF069', {
  fires: [
    { text: `FROM node:22\nENV GITHUB_TOKEN=${GH}\n`, token: GH, message: 'GitHub token "ghp_R8x2' },
    { text: `FROM python:3.12\nARG AWS_ACCESS_KEY_ID=${AWS}\n`, token: AWS, message: 'AWS access key id' },
    { text: `FROM alpine:3.20\nRUN curl -X POST -H "Authorization: Bearer ${SLACK}" https://slack.com/api/chat.postMessage\n`, token: SLACK },
    { text: `FROM alpine:3.20\nRUN echo "${PEM}" > /root/.ssh/id_rsa\n`, token: PEM, message: 'private key' },
    { text: `FROM postgres:16\nENV POSTGRES_USER=app \\\n    POSTGRES_PASSWORD="${PW}"\n`, token: PW, message: 'POSTGRES_PASSWORD' },
    { text: `FROM python:3.12\nRUN pip install --index-url https://deploy:${PW}@pypi.corp.example/simple app\n`, token: PW, message: 'password in URL' },
    { text: `FROM alpine:3.20\nLABEL ci.token=${GH}\n`, token: GH, count: 1 },
    { text: `FROM alpine:3.20\nRUN <<EOF\nset -e\nexport TOKEN=${GH}\nEOF\n`, token: GH, count: 1 },
  ],
  silent: [
    // checksums, fingerprints, digests, URLs, placeholders, expansions
    'FROM python:3.12\nENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nENV PYTHON_SHA256=24887b92e2afd4a2ac602419ad4b596372f67ac9b077190f459aba390faf5550\n',
    'FROM debian:12@sha256:7959ed6f7e35f8b1aaa06d1d8259d4ee25aa85a086d5c125480c333183f9deeb\nRUN echo "9c5a1c5e2f0f7f1e5a0b3d8c2e4f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f  node.tar.xz" | sha256sum -c -\n',
    'FROM node:22\nRUN gpg --keyserver hkps://keys.openpgp.org --recv-keys 4ED778F539E3634C779C87C6D7062848A1AB005C\n',
    'FROM node:22\nENV DB_PASSWORD=changeme API_TOKEN=${API_TOKEN} SECRET_KEY=your-secret-key-here\n',
    'FROM node:22\nENV DATABASE_URL=postgres://postgres:postgres@db:5432/app\nENV REDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379\n',
    'FROM node:22\nARG AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nENV NPM_TOKEN_FILE=/run/secrets/Np9Zt3Vb6Wc1\n',
    'FROM alpine:3.20\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n',
  ],
});

// Credentials on RUN command lines (needs the shell parser).
ruleTests('DF069', {
  fires: [
    { text: `FROM node:22\nRUN npm config set //registry.npmjs.org/:_authToken ${PW} && npm ci\n`, token: PW, message: '_authToken' },
    { text: `FROM alpine:3.20\nRUN curl -fsSL -u deploy:${PW} https://nexus.corp.example/repo/app.tgz -o /tmp/app.tgz\n`, token: `deploy:${PW}` },
    { text: `FROM postgres:16\nRUN DB_PASSWORD=${PW} ./init-db.sh\n`, token: PW, message: 'DB_PASSWORD' },
    { text: `FROM alpine:3.20\nRUN ./configure --admin-password="${PW}" && make\n`, token: PW, message: '--admin-password' },
    { text: `FROM alpine:3.20\nRUN docker login --username ci --password ${PW} registry.corp.example\n`, token: PW },
  ],
  silent: [
    'FROM postgres:16\nRUN set -eux; \\\n\tkey=\'B97B0AFCAA1A47F044F244A07FCC7D46ACCC4CF8\'; \\\n\tgpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"\n',
    'FROM alpine:3.20\nRUN --mount=type=secret,id=pw ./configure --admin-password="$(cat /run/secrets/pw)"\n',
    'FROM alpine:3.20\nRUN echo "$REGISTRY_PASSWORD" | docker login --username ci --password-stdin registry.corp.example\n',
    'FROM alpine:3.20\nRUN docker buildx build --secret id=npm,src=/root/.npmrc .\n',
    'FROM debian:12\nRUN gpg --batch --keyserver keyserver.ubuntu.com --recv-keys 0x8B48AD6246925553 B42F6819007F00F88E364FD4036A9C25BF357DD4\n',
    'FROM alpine:3.20\nRUN export PASSWORD_FILE=/run/secrets/Zx9qL2vR && ./start\n',
  ],
});
