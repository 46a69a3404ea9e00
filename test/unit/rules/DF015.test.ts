import { ruleTests } from '../helpers';

ruleTests('DF015', {
  fires: [
    { text: 'FROM nginx:1.27\nSTOPSIGNAL SIGFOO\n', token: 'SIGFOO', message: 'Invalid STOPSIGNAL' },
    { text: 'FROM nginx:1.27\nSTOPSIGNAL 0\n', token: '0', message: 'signal 0' },
    { text: 'FROM nginx:1.27\nSTOPSIGNAL SIGTERM SIGKILL\n', token: 'SIGTERM SIGKILL' },
    { text: 'FROM nginx:1.27\nSTOPSIGNAL TERM9\n', token: 'TERM9' },
    { text: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT # graceful\n', token: 'SIGQUIT # graceful', message: 'no inline comments' },
  ],
  silent: [
    'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\n',
    'FROM nginx:1.27\nstopsignal sigterm\nSTOPSIGNAL 9\nSTOPSIGNAL KILL\n',
    'FROM nginx:1.27\nSTOPSIGNAL SIGRTMIN+3\nSTOPSIGNAL SIGRTMAX-1\n',
    'FROM nginx:1.27\nSTOPSIGNAL $SIGNAL\n',
  ],
});
