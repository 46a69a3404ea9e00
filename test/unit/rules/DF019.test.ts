import { ruleTests } from '../helpers';

ruleTests('DF019', {
  fires: [
    { text: '# escape=\\\n# escape=`\nFROM alpine:3.20\n', token: 'escape=`', message: 'Only one "escape"' },
    { text: '# escape=x\nFROM alpine:3.20\n', token: 'x', message: 'Invalid escape directive' },
    { text: '# syntax=docker/dockerfile:1\n# syntax=docker/dockerfile:1.7\nFROM alpine:3.20\n', token: 'syntax=docker/dockerfile:1.7' },
    { text: '#escape = //\nFROM alpine:3.20\n', token: '//' },
  ],
  silent: [
    '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n',
    '# syntax=docker/dockerfile:1\n# escape=\\\n# check=skip=JSONArgsRecommended\nFROM alpine:3.20\n',
    'FROM alpine:3.20\n# escape=x\n',
    '# a comment first\n# escape=x\nFROM alpine:3.20\n',
    '\n# escape=x\nFROM alpine:3.20\n',
  ],
  fixes: [
    { before: '# escape=`\n# escape=`\nFROM x\n', after: '# escape=`\nFROM x\n' },
    { before: '# syntax=docker/dockerfile:1\r\n# syntax=docker/dockerfile:1.7\r\nFROM alpine:3.20\r\n', after: '# syntax=docker/dockerfile:1\r\nFROM alpine:3.20\r\n' },
    { before: '# escape=`\n# escape=`', after: '# escape=`' },
  ],
});
