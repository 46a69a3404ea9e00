import { ruleTests } from '../helpers';

ruleTests('DF038', {
  fires: [
    { text: 'FROM node:22\nCMD node server.js\n', token: 'CMD', message: 'SIGTERM' },
    { text: 'FROM gcr.io/distroless/static\nENTRYPOINT /usr/local/bin/app --serve\n', token: 'ENTRYPOINT' },
    { text: 'FROM python:3.12\nCMD gunicorn app:app && echo done\n', token: 'CMD' },
    { text: 'FROM nginx\nHEALTHCHECK --interval=30s CMD /healthcheck.sh\n', token: 'CMD', message: 'exec form' },
    { text: 'FROM alpine\nONBUILD CMD run-me\n', token: 'CMD' },
  ],
  silent: [
    'FROM node:22\nCMD ["node", "server.js"]\n',
    'FROM nginx\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
    'FROM mcr.microsoft.com/powershell\nSHELL ["pwsh", "-Command"]\nCMD Write-Host hi\n',
    'FROM scratch\nCMD [ "/bin/sh", "-c", \\\n      "echo foo && \\\n       echo bar" \\\n    ]\n',
  ],
  fixes: [
    { before: 'FROM node:22\nCMD node server.js\n', after: 'FROM node:22\nCMD ["node", "server.js"]\n' },
    { before: 'FROM alpine\r\nENTRYPOINT exec /app --port=8080 "--name=my app"\r\n', after: 'FROM alpine\r\nENTRYPOINT ["/app", "--port=8080", "--name=my app"]\r\n' },
    { before: 'FROM nginx\nHEALTHCHECK --interval=5s CMD /check.sh --quiet\n', after: 'FROM nginx\nHEALTHCHECK --interval=5s CMD ["/check.sh", "--quiet"]\n' },
    { before: 'FROM alpine\nCMD app \\\n  --verbose\n', after: 'FROM alpine\nCMD ["app", "--verbose"]\n' },
  ],
});
