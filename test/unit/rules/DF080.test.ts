import { ruleTests } from '../helpers';

ruleTests('DF080', {
  fires: [
    { text: 'FROM debian:12\nRUN curl -fsSL https://example.com/setup.sh | bash -\n', token: '|', message: '"curl"' },
    {
      text: 'FROM debian:12\nRUN apt-get update && \\\n    wget -qO- https://example.com/key.asc \\\n      | gpg --dearmor -o /usr/share/keyrings/example.gpg\n',
      token: '|',
      message: '"wget"',
    },
    {
      // A SHELL without pipefail, and one that only sets it for sh (dash has none).
      text: 'FROM ubuntu:24.04\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -O - https://example.com | wc -l > /number\n',
      token: '|',
    },
    {
      // pipefail does not carry over to the next stage.
      text: 'FROM debian:12 AS build\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ls | sort\nFROM debian:12\nRUN ls | sort\n',
      count: 1,
    },
    { text: 'FROM alpine:3.20\nRUN <<EOF\nset -e\nwget -qO- https://example.com/data | tar -xz\nEOF\n', token: '|' },
    { text: 'FROM debian:12\nONBUILD RUN cat /etc/os-release | grep -q bookworm\n', token: '|' },
  ],
  silent: [
    'FROM debian:12\nRUN wget -O - https://example.com && wc -l file > /number\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/setup.sh | bash -\n',
    'FROM debian:12\nSHELL ["/usr/bin/env", "bash", "-o", "pipefail", "-c"]\nRUN ls | sort\n',
    'FROM debian:12\nRUN set -euo pipefail; curl -fsSL https://example.com/setup.sh | bash -\n',
    'FROM mcr.microsoft.com/powershell:ubuntu-22.04\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value\n',
    'FROM ubuntu:24.04\nRUN yes | unminimize\n',
    'FROM debian:12\nRUN echo "a || b" && test -f x || true\n',
    'FROM debian:12\nRUN <<EOF\n#!/bin/bash\nset -o pipefail\nls | sort\nEOF\n',
  ],
  fixes: [
    {
      before: 'FROM debian:12\nRUN curl -fsSL https://example.com/setup.sh | bash -\n',
      after: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/setup.sh | bash -\n',
    },
    {
      before: 'FROM node:22-alpine\r\n# fetch data\r\nRUN wget -qO- https://example.com/x.tgz \\\r\n  | tar -xz\r\n',
      after: 'FROM node:22-alpine\r\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\r\n# fetch data\r\nRUN wget -qO- https://example.com/x.tgz \\\r\n  | tar -xz\r\n',
    },
    {
      // Every finding of the region shares the edit: one SHELL before the first piped RUN.
      before: 'FROM debian:12\nRUN true\nRUN ls | sort\nRUN ls | wc -l\n',
      after: 'FROM debian:12\nRUN true\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN ls | sort\nRUN ls | wc -l\n',
    },
  ],
});
