import { ruleTests } from '../helpers';

ruleTests('DF011', {
  fires: [
    { text: 'FROM nginx:1.27\nHEALTHCHECK curl -f http://localhost/ || exit 1\n', token: 'curl', message: 'Unknown HEALTHCHECK type' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK CMD\n', token: 'CMD', message: 'no command' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK --interval=5s CMD []\n', token: 'CMD' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK CMD-SHELL curl -f localhost\n', token: 'CMD-SHELL' },
  ],
  silent: [
    'FROM alpine:3.20\nhealthcheck cmd curl -f http://localhost/\n',
    'FROM alpine:3.20\nHEALTHCHECK NONE\n',
    'FROM alpine:3.20\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
    'FROM alpine:3.20\nHEALTHCHECK --interval=5s \\\n  CMD curl -f http://localhost/\n',
  ],
});
