import { ruleTests } from '../helpers';

ruleTests('DF018', {
  fires: [
    { text: 'FROM alpine:3.20\nONBUILD ONBUILD RUN make\n', token: 'ONBUILD', message: 'chaining' },
    { text: 'FROM alpine:3.20\nONBUILD FROM debian:12\n', token: 'FROM', message: 'not allowed as an ONBUILD trigger' },
    { text: 'FROM alpine:3.20\nonbuild maintainer "Jane"\n', token: 'maintainer' },
  ],
  silent: [
    'FROM alpine:3.20\nONBUILD RUN make\nONBUILD COPY . /app/\n',
    'FROM debian:12\nMAINTAINER Jane\n',
    'FROM alpine:3.20\nONBUILD ENV A=1\nONBUILD HEALTHCHECK NONE\n',
    'FROM alpine:3.20\nRUN echo ONBUILD FROM x\n',
  ],
});
