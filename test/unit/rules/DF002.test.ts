import { ruleTests } from '../helpers';

ruleTests('DF002', {
  fires: [
    { text: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt\n', token: 'requirements.txt', message: 'source and a destination' },
    { text: 'FROM alpine:3.20\nENV DEBUG\n', token: 'DEBUG', message: 'has no value' },
    { text: 'FROM node:22-slim\nWORKDIR\nCOPY . .\n', token: 'WORKDIR', count: 1 },
    { text: 'FROM\nRUN echo hi\n', token: 'FROM' },
    { text: 'FROM alpine:3.20\nHEALTHCHECK --interval=30s\n', token: 'HEALTHCHECK' },
    { text: 'FROM alpine:3.20\nVOLUME ["/data", ""]\n', token: '""' },
    { text: 'FROM alpine:3.20\nONBUILD ADD app.tar.gz\n', token: 'app.tar.gz' },
    { text: 'FROM alpine:3.20\nCOPY --chown=app:app\n', token: 'COPY' },
    { text: 'FROM alpine:3.20\nLABEL\nUSER\n', count: 2 },
  ],
  silent: [
    'FROM alpine:3.20\nCOPY ["my file.txt", "/dst/"]\nCOPY a \\\n  /b\n',
    'FROM alpine:3.20\nENV A=\nENV B ""\nENV C x y z\nLABEL a=b\nARG V\n',
    // BuildKit accepts RUN, CMD and ENTRYPOINT without arguments
    'FROM alpine:3.20\nRUN\nCMD\nENTRYPOINT\n',
    'FROM alpine:3.20\nCOPY <<EOF /etc/app.conf\nkey=value\nEOF\n',
    'FROM alpine:3.20\nHEALTHCHECK NONE\nSTOPSIGNAL SIGTERM\nUSER app\nEXPOSE 80\nVOLUME /data\n',
  ],
});
