import { ruleTests } from '../helpers';

ruleTests('DF010', {
  fires: [
    { text: 'FROM alpine:3.20\nHEALTHCHECK --interval=30 CMD wget -qO- localhost:8080\n', token: '30', message: 'missing unit' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK --timeout=5sec CMD true\n', token: '5sec', message: 'unknown unit' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK --start-period=500us CMD true\n', token: '500us', message: 'at least 1ms' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK --retries=three CMD true\n', token: 'three', message: 'not an integer' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK --retries=-1 CMD true\n', token: '-1', message: 'negative' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK --interval=1m30 --timeout=abc CMD true\n', token: '1m30', count: 2 },
  ],
  silent: [
    'FROM alpine:3.20\nHEALTHCHECK --interval=1m30s --timeout=0 --start-period=1.5s --start-interval=500ms --retries=0 CMD true\n',
    'FROM alpine:3.20\nHEALTHCHECK --interval=5 NONE\n',
    'FROM alpine:3.20\nHEALTHCHECK --interval= --retries= CMD true\n',
    'FROM alpine:3.20\nHEALTHCHECK --interval=1h --timeout=2m --retries=+3 CMD ["curl", "-f", "http://localhost/"]\n',
  ],
  fixes: [
    { before: 'FROM alpine:3.20\nHEALTHCHECK --interval=30 CMD true\n', after: 'FROM alpine:3.20\nHEALTHCHECK --interval=30s CMD true\n' },
    { before: 'FROM alpine:3.20\nHEALTHCHECK --timeout=1.5 CMD true\n', after: 'FROM alpine:3.20\nHEALTHCHECK --timeout=1.5s CMD true\n' },
    {
      before: 'FROM alpine:3.20\r\nHEALTHCHECK --interval=1m30 \\\r\n  CMD true\r\n',
      after: 'FROM alpine:3.20\r\nHEALTHCHECK --interval=1m30s \\\r\n  CMD true\r\n',
    },
  ],
});
