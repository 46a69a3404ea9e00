import { ruleTests } from '../helpers';

ruleTests('DF095', {
  fires: [
    { text: 'FROM centos:7\nRUN yum install httpd-2.4.24 && yum clean all\n', token: 'install', message: 'yum install' },
    { text: 'FROM fedora:41\nRUN microdnf install httpd-2.4.24 && microdnf clean all\n', token: 'install' },
    { text: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.24 && zypper clean\n', token: 'install' },
    { text: 'FROM rockylinux:9\nRUN dnf group install "Development Tools" && dnf clean all\n', token: 'install', message: 'dnf group install' },
    { text: 'FROM rockylinux:9\nRUN dnf -q \\\n    upgrade && dnf clean all\n', token: 'upgrade' },
  ],
  silent: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.24 && yum clean all\n',
    'FROM fedora:41\nRUN dnf --assumeyes install httpd && dnf clean all\n',
    'FROM opensuse/leap:15.6\nRUN zypper -n install httpd && zypper --non-interactive clean\n',
    'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper install --no-confirm vim\n',
    'FROM fedora:41\nRUN dnf makecache && dnf list installed && notdnf install x\n',
  ],
  fixes: [
    { before: 'FROM centos:7\nRUN yum install httpd && yum clean all\n', after: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n' },
    {
      before: 'FROM opensuse/leap:15.6\r\nRUN zypper refresh && \\\r\n    zypper in \\\r\n      curl && zypper clean\r\n',
      after: 'FROM opensuse/leap:15.6\r\nRUN zypper refresh && \\\r\n    zypper in -y \\\r\n      curl && zypper clean\r\n',
    },
    {
      before: 'FROM rockylinux:9\nRUN dnf module install nodejs:20 && dnf clean all\n',
      after: 'FROM rockylinux:9\nRUN dnf module install -y nodejs:20 && dnf clean all\n',
    },
  ],
});
