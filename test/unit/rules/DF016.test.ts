import { ruleTests } from '../helpers';

ruleTests('DF016', {
  fires: [
    { text: 'FROM debian:12\nSHELL /bin/bash -o pipefail -c\n', token: '/bin/bash -o pipefail -c', message: 'must be a JSON array' },
    { text: 'FROM debian:12\nSHELL ["/bin/bash", "-c"\n', token: '["/bin/bash", "-c"' },
    { text: 'FROM debian:12\nSHELL []\n', token: '[]', message: 'empty' },
    { text: "FROM debian:12\nSHELL ['/bin/bash', '-c']\n", token: "['/bin/bash', '-c']" },
    { text: 'FROM debian:12\nSHELL\n', token: 'SHELL' },
    { text: 'FROM debian:12\nSHELL ["/bin/sh", 1]\n', token: '["/bin/sh", 1]', message: 'only strings' },
  ],
  silent: [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["cmd", "/S", "/C"]\n',
    'FROM debian:12\nSHELL ["/bin/sh", \\\n      "-c"]\n',
    'FROM debian:12\nRUN echo SHELL bash\n',
  ],
  fixes: [
    { before: 'FROM debian:12\nSHELL /bin/bash -o pipefail -c\n', after: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n' },
    { before: "FROM debian:12\r\nSHELL ['/bin/bash', '-c']\r\n", after: 'FROM debian:12\r\nSHELL ["/bin/bash", "-c"]\r\n' },
    {
      before: 'FROM mcr.microsoft.com/powershell\nSHELL pwsh -Command "$ErrorActionPreference = \'Stop\';"\n',
      after: 'FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-Command", "$ErrorActionPreference = \'Stop\';"]\n',
    },
  ],
});
