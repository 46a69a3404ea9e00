import { ruleTests } from '../helpers';

ruleTests('DF084', {
  fires: [
    { text: 'FROM alpine:3.20\nRUN apk add --no-cache git\nRUN git clone https://github.com/example/app /app\n', token: 'RUN', count: 1 },
    { text: 'FROM alpine:3.20\nRUN /foo.sh\n# a comment\n# another one\nRUN /bar.sh\n', token: 'RUN' },
    { text: 'FROM alpine:3.20\nRUN --mount=type=secret,id=npm /foo.sh\nrun --mount=type=secret,id=npm /bar.sh\n', token: 'run' },
    { text: 'FROM alpine:3.20\nRUN foo && bar\nRUN one\nRUN two\nRUN three\n', count: 2 },
  ],
  silent: [
    'FROM alpine:3.20\nRUN /foo.sh\nWORKDIR /\nRUN /bar.sh\n',
    'FROM alpine:3.20\nRUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh\n',
    'FROM alpine:3.20\nRUN foo && bar\nRUN foobar\n',
    'FROM alpine:3.20\nRUN foobar\nRUN foo; bar\n',
    'FROM alpine:3.20\nRUN ["/foo.sh"]\nRUN /bar.sh\n',
    'FROM alpine:3.20 AS a\nRUN /foo.sh\nFROM a\nRUN /bar.sh\n',
    'FROM alpine:3.20\nRUN /foo.sh\nONBUILD RUN /bar.sh\n',
  ],
  fixes: [
    {
      before: 'FROM alpine:3.20\nRUN apk add --no-cache git\nRUN git clone https://github.com/example/app /app\n',
      after: 'FROM alpine:3.20\nRUN apk add --no-cache git && \\\n    git clone https://github.com/example/app /app\n',
    },
    {
      before: 'FROM alpine:3.20\r\nRUN --network=none /foo.sh\r\n\r\n# build it\r\nRUN --network=none \\\r\n    /bar.sh\r\n',
      after: 'FROM alpine:3.20\r\nRUN --network=none /foo.sh && \\\r\n# build it\r\n    /bar.sh\r\n',
    },
    {
      before: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["bash", "-c"]\nRUN make\nRUN make install\n',
      after: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["bash", "-c"]\nRUN make && `\n    make install\n',
    },
  ],
});
