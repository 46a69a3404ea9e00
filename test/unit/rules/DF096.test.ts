import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, ruleTests } from '../helpers';

ruleTests('DF096', {
  fires: [
    { text: 'FROM centos:7\nRUN yum install -y mariadb-10.4\n', token: 'install', message: 'yum clean all' },
    { text: 'FROM fedora:41\nRUN rm -rf /var/cache/libdnf5 && dnf in -y mariadb-10.4\n', token: 'in' },
    { text: 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper install -y mariadb=10.4\n', token: 'install', message: 'zypper clean' },
    { text: 'FROM fedora:41\nRUN dnf install -y gcc && \\\n    microdnf clean all\n', token: 'install' },
    { text: 'FROM fedora:41\nRUN dnf -y upgrade\n', token: 'upgrade' },
    {
      // Inside a branch: reported, but appending `dnf clean all` could run where dnf does not exist.
      text: 'FROM fedora:41\nRUN if command -v dnf; then dnf install -y gcc; else yum install -y gcc; fi\n',
      count: 2,
    },
  ],
  silent: [
    'FROM centos:7\nRUN yum install -y mariadb-10.4 && yum clean all\n',
    'FROM centos:7\nRUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*\n',
    'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb\n',
    'FROM fedora:41\nRUN --mount=type=cache,dst=/var/cache dnf5 install -y mariadb\n',
    'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb && zypper cc -a\n',
    'FROM fedora:41\nRUN dnf -y remove vim && dnf repolist\n',
  ],
  fixes: [
    { before: 'FROM centos:7\nRUN yum install -y mariadb-10.4\n', after: 'FROM centos:7\nRUN yum install -y mariadb-10.4 && yum clean all\n' },
    {
      before: 'FROM opensuse/leap:15.6\r\nRUN zypper -n refresh && \\\r\n    zypper -n install \\\r\n      curl\r\n',
      after: 'FROM opensuse/leap:15.6\r\nRUN zypper -n refresh && \\\r\n    zypper -n install \\\r\n      curl && zypper clean --all\r\n',
    },
    {
      before: 'FROM fedora:41\nRUN <<EOF\nset -e\ndnf5 install -y gcc\nEOF\n',
      after: 'FROM fedora:41\nRUN <<EOF\nset -e\ndnf5 install -y gcc\ndnf5 clean all\nEOF\n',
    },
  ],
});

void it('DF096: no fix when the install sits in a branch', () => {
  const fs = findingsOf('DF096', 'FROM fedora:41\nRUN if command -v dnf; then dnf install -y gcc; else yum install -y gcc; fi\n');
  assert.equal(fs.length, 2);
  for (const f of fs) assert.equal(f.fixes.length, 0);
});
