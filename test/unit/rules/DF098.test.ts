import { ruleTests } from '../helpers';

ruleTests('DF098', {
  fires: [
    { text: 'FROM debian:12\nRUN apt-get update && apt-get install -y python3\n', token: 'python3', message: 'python3=<version>' },
    { text: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    flex=2.6.4-r1 \\\n    libffi \\\n    python3=3.12.3-r1\n', token: 'libffi', count: 1 },
    { text: 'FROM fedora:41\nRUN dnf install -y rpm-sign && dnf clean all\n', token: 'rpm-sign', message: 'rpm-sign-<version>' },
    { text: 'FROM fedora:41\nRUN dnf module install -y tomcat && dnf clean all\n', token: 'tomcat', message: 'tomcat:<stream>' },
    { text: 'FROM opensuse/leap\nRUN zypper install -y tomcat && zypper clean\n', token: 'tomcat' },
    { text: 'FROM fedora:41 AS build\nENV version=2.51.0\nFROM fedora:41\nRUN yum -y install git-core-${version}\n', token: 'git-core-${version}' },
    { text: 'FROM debian:12\nRUN apt-get install -y curl wget\n', count: 2 },
  ],
  silent: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends -t bookworm-backports python3=3.11.2-1\n',
    'FROM debian:12\nRUN apt-get install -y ./wkhtmltox_0.12.5-1.bionic_amd64.deb\n',
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual build-deps "flex>=2.6" git~2.45 mypkg-1.0.apk\n',
    'FROM fedora:41\nRUN dnf install -y openssl-1:1.1.1k gcc-c++-1.1.1 && dnf -y group install "Development Tools"\n',
    'FROM fedora:41\nARG version=2.51.0\nRUN dnf -y install git-core-$version\n',
    'FROM opensuse/leap\nRUN zypper install -y tomcat\\>=9.0 tomcat-9.0.39-1.rpm\n',
    'FROM debian:12\nARG PACKAGES="curl wget"\nRUN apt-get install -y $PACKAGES $(cat /tmp/pkgs)\n',
  ],
});
