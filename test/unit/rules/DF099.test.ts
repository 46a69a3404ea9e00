import { ruleTests } from '../helpers';

ruleTests('DF099', {
  fires: [
    { text: 'FROM python:3.12\nRUN pip install --no-cache-dir flask gunicorn==22.0.0\n', token: 'flask', count: 1, message: 'flask==<version>' },
    { text: 'FROM python:3.12\nRUN python -m pip install --index-url https://eg.com/simple example\n', token: 'example' },
    { text: 'FROM node:22\nRUN npm install --global @myorg/tool express@4.1.1\n', token: '@myorg/tool', message: '@myorg/tool@<version>' },
    { text: 'FROM ruby:3.3\nRUN gem install bundler:2.5.0 nokogiri\n', token: 'nokogiri' },
    { text: 'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n', token: 'golang.org/x/tools/gopls@latest' },
    { text: 'FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git#egg=repo\n', token: 'git+https://github.com/org/repo.git#egg=repo' },
  ],
  silent: [
    'FROM python:3.12\nRUN pip install -r requirements.txt && pip install . && pip install "alabaster>=0.7"\n',
    'FROM python:3.12\nRUN pip install pykafka -c constraints.txt && pipenv install black\n',
    'FROM node:22\nRUN npm install && npm ci && npm install ./local-pkg express@"4.1.1"\n',
    'FROM ruby:3.3\nRUN gem install bundler -v 2.5.0 && gem install rake:13.0 -- --use-system-libraries=true\n',
    'FROM golang:1.22\nRUN go install ./cmd/... && go run example.com/tool@v1.2.3 --flag arg\n',
    'FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git@v1.0#egg=repo https://example.com/pkg.zip\n',
  ],
});
