import { ruleTests } from '../helpers';

ruleTests('DF074', {
  fires: [
    { text: 'FROM alpine:3.20\nRUN curl -k -o /tmp/x.tgz https://example.com/x.tgz\n', token: '-k', message: '"-k"' },
    { text: 'FROM alpine:3.20\nRUN curl -fsSLk https://example.com/install.sh -o /tmp/i.sh\n', token: 'k', message: 'curl' },
    { text: 'FROM debian:12\nRUN wget --no-check-certificate https://example.com/a.deb\n', token: '--no-check-certificate' },
    { text: 'FROM python:3.12\nRUN pip install --trusted-host pypi.org --trusted-host files.pythonhosted.org requests\n', count: 2, token: '--trusted-host' },
    { text: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', token: 'NODE_TLS_REJECT_UNAUTHORIZED', message: 'Node.js' },
    { text: 'FROM node:22\nRUN npm config set strict-ssl false && npm ci\n', token: 'strict-ssl' },
    { text: 'FROM alpine/git:2.45\nRUN git -c http.sslVerify=false clone https://git.corp.example/app.git\n', token: 'http.sslVerify=false' },
    { text: 'FROM centos:7\nRUN echo "sslverify=0" >> /etc/yum.conf\n', token: '"sslverify=0"' },
    { text: 'FROM python:3.12\nRUN GIT_SSL_NO_VERIFY=1 pip install git+https://git.corp.example/lib.git\n', token: 'GIT_SSL_NO_VERIFY=1' },
    { text: 'FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=false update\n', token: 'Acquire::https::Verify-Peer=false' },
    { text: 'ARG PYTHONHTTPSVERIFY=0\nFROM python:3.12\nARG PYTHONHTTPSVERIFY\nRUN pip install x\n', token: 'PYTHONHTTPSVERIFY', count: 1, message: 'ARG PYTHONHTTPSVERIFY=0' },
  ],
  silent: [
    'FROM alpine:3.20\nRUN curl -fsSL -o kubectl https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl\n',
    'FROM alpine:3.20\nRUN curl -H "X-Flag: -k" https://example.com && wget -q https://example.com/a\n',
    'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1\nRUN npm config set strict-ssl true\n',
    'FROM python:3.12\nRUN pip install --index-url https://pypi.org/simple requests\n',
    // a global ARG only reaches RUN when a stage declares it again
    'ARG NODE_TLS_REJECT_UNAUTHORIZED=0\nFROM node:22\nRUN npm ci\n',
    'FROM debian:12\n# RUN curl -k https://x\nRUN git config --global http.sslVerify true\n',
    'FROM rockylinux:9\nRUN echo "sslverify=1" >> /etc/yum.conf && dnf install -y --setopt=install_weak_deps=False tar\n',
  ],
  fixes: [
    { before: 'FROM alpine:3.20\nRUN curl -k -o /tmp/x https://example.com/x\n', after: 'FROM alpine:3.20\nRUN curl -o /tmp/x https://example.com/x\n' },
    { before: 'FROM alpine:3.20\nRUN curl -fsSLk https://example.com/i.sh -o /tmp/i.sh\n', after: 'FROM alpine:3.20\nRUN curl -fsSL https://example.com/i.sh -o /tmp/i.sh\n' },
    { before: 'FROM debian:12\r\nRUN wget \\\r\n    --no-check-certificate \\\r\n    https://example.com/a.deb\r\n', after: 'FROM debian:12\r\nRUN wget \\\r\n    \\\r\n    https://example.com/a.deb\r\n' },
    { before: 'FROM python:3.12\nRUN pip install --trusted-host pypi.org requests\n', after: 'FROM python:3.12\nRUN pip install requests\n' },
    { before: 'FROM alpine/git:2.45\nRUN git -c http.sslVerify=false clone https://x/a.git\n', after: 'FROM alpine/git:2.45\nRUN git clone https://x/a.git\n' },
    { before: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm ci\n', after: 'FROM node:22\nRUN npm ci\n' },
    { before: 'FROM python:3.12\nRUN GIT_SSL_NO_VERIFY=1 pip install x\n', after: 'FROM python:3.12\nRUN pip install x\n' },
    { before: 'FROM node:22\nRUN npm install --strict-ssl=false express\n', after: 'FROM node:22\nRUN npm install express\n' },
    { before: 'FROM alpine/helm:3.15\nRUN helm repo add --insecure-skip-tls-verify corp https://charts.corp.example\n', after: 'FROM alpine/helm:3.15\nRUN helm repo add corp https://charts.corp.example\n' },
    { before: 'FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=false update\n', after: 'FROM debian:12\nRUN apt-get update\n' },
    { before: 'FROM rockylinux:9\nRUN dnf --setopt=sslverify=0 install -y tar\n', after: 'FROM rockylinux:9\nRUN dnf install -y tar\n' },
  ],
});
