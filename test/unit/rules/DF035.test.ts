import { ruleTests } from '../helpers';

ruleTests('DF035', {
  fires: [
    { text: 'FROM node:22\nCMD ["node", "a.js"]\nRUN npm ci\nCMD ["node", "server.js"]\n', token: 'CMD', count: 1, message: 'line 4' },
    { text: 'FROM debian:12\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]\n', count: 2 },
    { text: 'FROM nginx\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK NONE\n', token: 'HEALTHCHECK' },
    { text: 'FROM debian AS a\ncmd bash\ncmd other\nFROM debian AS b\nCMD x\n', token: 'cmd', count: 1 },
  ],
  silent: [
    'FROM debian AS a\nCMD ["a"]\nFROM debian AS b\nCMD ["b"]\n',
    'FROM debian\nENTRYPOINT ["/entry.sh"]\nCMD ["run"]\nHEALTHCHECK CMD true\n',
    'FROM debian\nCMD ["a"]\nONBUILD CMD ["b"]\n',
  ],
  fixes: [
    {
      before: 'FROM node:22\nCMD ["node", "a.js"]\nRUN npm ci\nCMD ["node", "server.js"]\n',
      after: 'FROM node:22\nRUN npm ci\nCMD ["node", "server.js"]\n',
    },
    {
      before: 'FROM debian\r\nENTRYPOINT ["a", \\\r\n  "b"]\r\nENTRYPOINT ["c"]\r\n',
      after: 'FROM debian\r\nENTRYPOINT ["c"]\r\n',
    },
    { before: 'FROM x\nHEALTHCHECK NONE\nHEALTHCHECK CMD true', after: 'FROM x\nHEALTHCHECK CMD true' },
  ],
});
