import { ruleTests } from '../helpers';

ruleTests('DF083', {
  fires: [
    { text: 'FROM debian:12\nRUN ln -sfv /bin/bash /bin/sh\n', token: '/bin/sh', message: 'SHELL' },
    { text: 'FROM ubuntu:24.04\nRUN rm /bin/sh && \\\n    ln -s /bin/bash /bin/sh\n', token: '/bin/sh' },
    { text: 'FROM debian:12\nRUN ln -sf /usr/bin/bash /usr/bin/sh\n', token: '/usr/bin/sh' },
    { text: 'FROM debian:12\nONBUILD RUN ln -sf bash /bin/sh\n', token: '/bin/sh' },
  ],
  silent: [
    'FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl\n',
    'FROM debian:12\nRUN ln -s foo bar && unrelated && something_with /bin/sh\n',
    'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/sh\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo ok\n',
  ],
});
