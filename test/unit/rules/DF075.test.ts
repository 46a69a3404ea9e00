import { ruleTests } from '../helpers';

ruleTests('DF075', {
  fires: [
    { text: 'FROM debian:12\nRUN apt-get update && apt-get install -y --allow-unauthenticated curl\n', token: '--allow-unauthenticated', message: 'apt-get' },
    { text: 'FROM ubuntu:16.04\nRUN apt-get install -y --force-yes git\n', token: '--force-yes' },
    { text: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/pkg.apk\n', token: '--allow-untrusted' },
    { text: 'FROM rockylinux:9\nRUN dnf install -y --nogpgcheck https://example.com/x.rpm\n', token: '--nogpgcheck' },
    { text: 'FROM centos:7\nRUN rpm -ivh --nosignature /tmp/x.rpm\n', token: '--nosignature' },
    { text: 'FROM debian:12\nRUN echo "deb [trusted=yes] http://repo.example.com/ ./" > /etc/apt/sources.list.d/x.list\n', token: '"deb [trusted=yes] http://repo.example.com/ ./"' },
    { text: 'FROM centos:7\nRUN printf "[x]\\nbaseurl=http://r/\\ngpgcheck=0\\n" > /etc/yum.repos.d/x.repo\n', message: 'yum/dnf repository' },
    { text: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y x\n', token: 'APT::Get::AllowUnauthenticated=true' },
    { text: 'FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks install -y curl\n', token: '--no-gpg-checks' },
  ],
  silent: [
    'FROM debian:12\nRUN echo "deb [ trusted=yes ] file://$tempDir ./" > /etc/apt/sources.list.d/temp.list\n',
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    'FROM rockylinux:9\nRUN dnf install -y --setopt=install_weak_deps=False curl && echo "gpgcheck=1" >> /etc/dnf/dnf.conf\n',
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    'FROM debian:12\nRUN echo "deb [signed-by=/usr/share/keyrings/x.gpg] https://repo.example.com stable main" > /etc/apt/sources.list.d/x.list\n',
    'FROM debian:12\nRUN echo --force-yes is deprecated\n',
  ],
  fixes: [
    { before: 'FROM debian:12\nRUN apt-get install -y --allow-unauthenticated curl\n', after: 'FROM debian:12\nRUN apt-get install -y curl\n' },
    { before: 'FROM rockylinux:9\r\nRUN dnf install -y \\\r\n    --nogpgcheck x\r\n', after: 'FROM rockylinux:9\r\nRUN dnf install -y \\\r\n    x\r\n' },
    { before: 'FROM debian:12\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y x\n', after: 'FROM debian:12\nRUN apt-get install -y x\n' },
    { before: 'FROM rockylinux:9\nRUN dnf --setopt=gpgcheck=0 install -y x\n', after: 'FROM rockylinux:9\nRUN dnf install -y x\n' },
    { before: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/x.apk\n', after: 'FROM alpine:3.20\nRUN apk add /tmp/x.apk\n' },
    { before: 'FROM ubuntu:16.04\nRUN apt-get install -y --force-yes git\n', after: 'FROM ubuntu:16.04\nRUN apt-get install -y git\n' },
    { before: 'FROM centos:7\nRUN rpm -ivh --nosignature /tmp/x.rpm\n', after: 'FROM centos:7\nRUN rpm -ivh /tmp/x.rpm\n' },
    { before: 'FROM opensuse/leap:15.6\nRUN zypper --no-gpg-checks install -y curl\n', after: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl\n' },
  ],
});
