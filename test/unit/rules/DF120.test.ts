import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, ruleTests } from '../helpers';

ruleTests('DF120', {
  fires: [
    {
      text: 'FROM python:3.12-slim\nENV WORKERS=4\nCMD ["gunicorn", "--workers", "${WORKERS}", "app:app"]\n',
      token: '${WORKERS}',
      message: '"${WORKERS}" is passed literally',
    },
    { text: 'FROM node:22-slim\nENV PORT=3000\nCMD ["node", "server.js", "--port=$PORT"]\n', token: '$PORT' },
    { text: 'FROM eclipse-temurin:21-jre\nENTRYPOINT ["java", "$JAVA_OPTS", "-jar", "/app.jar"]\n', token: '$JAVA_OPTS', message: 'ENTRYPOINT' },
    { text: 'FROM python:3.12-slim\nARG REQS=requirements.txt\nRUN ["pip", "install", "-r", "${REQS}"]\n', token: '${REQS}', message: 'RUN' },
    { text: 'FROM nginx:1.27\nHEALTHCHECK --interval=10s CMD ["curl", "-f", "http://localhost:${PORT}/"]\n', token: '${PORT}', message: 'HEALTHCHECK CMD' },
    { text: 'FROM gcr.io/distroless/python3\nCMD ["app.py", "--db", "$DATABASE_URL"]\n', token: '$DATABASE_URL' },
    { text: 'FROM alpine\nONBUILD CMD ["app", "$A", "${B}"]\n', count: 1, message: '"$A" and "${B}" are' },
  ],
  silent: [
    'FROM python:3.12-slim\nCMD gunicorn --workers "${WORKERS}" app:app\n',
    'FROM python:3.12-slim\nCMD ["sh", "-c", "exec gunicorn --workers ${WORKERS} app:app"]\n',
    'FROM alpine\nRUN ["sed", "-i", "$d", "/etc/motd"]\nCMD ["node", "-e", "console.log(`${process.pid}`)"]\n',
    'FROM eclipse-temurin:21-jre\nENTRYPOINT ["java", "-jar", "/app.jar", "--server.port=${PORT}"]\n',
    'FROM alpine\nCMD ["echo", "costs $5", "\\\\$HOME"]\n',
    'FROM alpine\nCMD ["/usr/bin/env", "bash", "-lc", "echo $HOME"]\n',
    "FROM alpine\nCMD ['echo', '$HOME']\n",
  ],
  fixes: [
    {
      before: 'FROM python:3.12-slim\nCMD ["gunicorn", "--workers", "${WORKERS}", "--bind", "0.0.0.0:$PORT", "app:app"]\n',
      after: 'FROM python:3.12-slim\nCMD exec gunicorn --workers "${WORKERS}" --bind "0.0.0.0:$PORT" app:app\n',
    },
    {
      before: 'FROM python:3.12-slim\nENTRYPOINT ["gunicorn", "--workers", "${WORKERS}"]\nCMD ["app:app"]\n',
      after: 'FROM python:3.12-slim\nENTRYPOINT ["/bin/sh", "-c", "exec gunicorn --workers \\"${WORKERS}\\" \\"$@\\"", "sh"]\nCMD ["app:app"]\n',
    },
    {
      before: 'FROM eclipse-temurin:21-jre\r\nCMD ["java", "$JAVA_OPTS", "-jar", "/app/my app.jar"]\r\n',
      after: 'FROM eclipse-temurin:21-jre\r\nCMD exec java $JAVA_OPTS -jar \'/app/my app.jar\'\r\n',
    },
    {
      before: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache ["pip", "install", \\\n    "-r", "$REQS"]\nRUN true\n',
      after: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install -r "$REQS"\nRUN true\n',
    },
    {
      before: 'FROM nginx:1.27\nHEALTHCHECK --interval=10s CMD ["curl", "-f", "http://localhost:${PORT}/"]\n',
      after: 'FROM nginx:1.27\nHEALTHCHECK --interval=10s CMD curl -f "http://localhost:${PORT}/"\n',
    },
    {
      before: 'FROM alpine\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nENTRYPOINT ["app", "--name=${NAME}"]\n',
      after: 'FROM alpine\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nENTRYPOINT ["/bin/bash", "-o", "pipefail", "-c", "exec app \\"--name=${NAME}\\" \\"$@\\"", "bash"]\n',
    },
  ],
});


describe('DF120 fix limits', () => {
  it('offers no fix where a shell form would break the image', () => {
    // no shell in the image
    assert.deepEqual(findingsOf('DF120', 'FROM gcr.io/distroless/python3\nCMD ["app.py", "--db", "$DATABASE_URL"]\n')[0].fixes, []);
    // CMD only feeds arguments to an exec-form ENTRYPOINT
    assert.deepEqual(findingsOf('DF120', 'FROM python:3.12-slim\nENTRYPOINT ["python"]\nCMD ["app.py", "--port", "$PORT"]\n')[0].fixes, []);
    // Windows (non-POSIX SHELL)
    assert.deepEqual(findingsOf('DF120', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["app.exe", "$PORT"]\n')[0].fixes, []);
  });
});
