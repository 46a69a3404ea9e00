import { ruleTests } from '../helpers';

ruleTests('DF091', {
  fires: [
    { text: 'FROM debian:12\nRUN apt-get update && apt-get install -y python3\n', token: 'update', message: '/var/lib/apt/lists' },
    { text: 'FROM ubuntu AS foo\nRUN hey\nFROM scratch\nRUN apt-get update && apt-get install python\n', token: 'update' },
    { text: 'FROM ubuntu AS foo\nRUN apt-get update && apt-get install python\nFROM foo\nRUN hey\n', token: 'update' },
    { text: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install -y python3\n', token: 'update' },
    { text: 'FROM ubuntu AS foo\nONBUILD RUN apt update && apt install -y python3\nFROM scratch\n', token: 'update' },
  ],
  silent: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y python3 && rm -rf /var/lib/apt/lists/*\n',
    'FROM ubuntu AS foo\nRUN apt-get update && apt-get install python\nFROM scratch\nCOPY --from=foo /usr/bin/python /python\n',
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y python3\n',
    'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt \\\n    apt-get update && apt-get install -y python3\n',
    'FROM debian:13\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends tk-dev; apt-get dist-clean\n',
    'FROM debian:12\nRUN apt-get install -y ./local.deb\n',
  ],
  fixes: [
    {
      before: 'FROM debian:12\nRUN apt-get update && apt-get install -y python3\n',
      after: 'FROM debian:12\nRUN apt-get update && apt-get install -y python3 && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      before: 'FROM debian:12\r\nRUN set -eux; \\\r\n    apt-get update; \\\r\n    apt-get install -y curl; # tools\r\nCMD ["bash"]\r\n',
      after: 'FROM debian:12\r\nRUN set -eux; \\\r\n    apt-get update; \\\r\n    apt-get install -y curl; rm -rf /var/lib/apt/lists/* # tools\r\nCMD ["bash"]\r\n',
    },
    {
      before: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\n',
      after: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    },
  ],
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, lint } from '../helpers';
import { fixAll } from '../../../src/dockerfile/fixAll';

describe('DF091 fix ordering', () => {
  it('offers no cleanup fix on a RUN that only updates (it would delete the lists the next RUN needs)', () => {
    const fs = findingsOf('DF091', 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n');
    assert.equal(fs.length, 1);
    assert.deepEqual(fs[0].fixes, []);
  });
  it('fix-all merges first and cleans up after the install', () => {
    const r = fixAll('FROM debian:12\nRUN apt-get update\nRUN apt-get install curl\n', (t) => lint(t));
    assert.match(r.text, /apt-get update && \\\n\s+apt-get install[^\n]*curl && rm -rf \/var\/lib\/apt\/lists\/\*\n/, r.text);
  });
});
