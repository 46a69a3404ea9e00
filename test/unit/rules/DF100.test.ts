import { ruleTests } from '../helpers';

ruleTests('DF100', {
  fires: [
    { text: 'FROM python:3.12\nRUN pip install -r requirements.txt\n', token: 'install', message: '--no-cache-dir' },
    { text: 'FROM python:3.12\nRUN python3 -m pip install \\\n    --upgrade pip\n', token: 'install' },
    { text: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip3 install flask==3.0.3\n', token: 'install' },
    { text: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install six\n', token: 'install' },
    { text: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=false && pip install six\n', token: 'install' },
  ],
  silent: [
    'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n',
    'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n',
    'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=on pip install six && export PIP_NO_CACHE_DIR=yes && pip install seven\n',
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install six\n',
    'FROM python:3.12\nRUN pipx install black && pipenv install && pip download six\n',
  ],
  fixes: [
    { before: 'FROM python:3.12\nRUN pip install six\n', after: 'FROM python:3.12\nRUN pip install --no-cache-dir six\n' },
    {
      before: 'FROM python:3.12\r\nRUN python3 -m pip install \\\r\n    --upgrade pip\r\n',
      after: 'FROM python:3.12\r\nRUN python3 -m pip install --no-cache-dir \\\r\n    --upgrade pip\r\n',
    },
    {
      before: 'FROM python:3.12\nRUN <<EOF\nset -e\npip install six\nEOF\n',
      after: 'FROM python:3.12\nRUN <<EOF\nset -e\npip install --no-cache-dir six\nEOF\n',
    },
  ],
});
