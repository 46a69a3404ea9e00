import { ruleTests } from '../helpers';

ruleTests('DF050', {
  fires: [
    { text: 'FROM alpine\n# the version to install\nARG VERSION=1\n', token: 'the', message: '# VERSION <description>' },
    { text: '# a non-descriptive comment\nFROM scratch AS base\n', token: 'a' },
    { text: 'ARG A\n# Go version\nARG GO_VERSION=1.23\nFROM golang:${GO_VERSION}\n', token: 'Go' },
  ],
  silent: [
    '# base is a stage for compiling source\nFROM scratch AS base\n# VERSION This is the version number.\nARG VERSION=1\n',
    '# a non-descriptive comment\n\nFROM scratch AS base\n#\nARG VERSION=1\n',
    '# syntax=docker/dockerfile:1\nARG VERSION=1\n# hadolint ignore=DL3006\nFROM alpine AS x\n# unnamed stage\nFROM alpine\n',
  ],
  fixes: [
    { before: 'FROM alpine\n# the version to install\nARG VERSION=1\n', after: 'FROM alpine\n# VERSION the version to install\nARG VERSION=1\n' },
    {
      before: '# a non-descriptive comment\r\nFROM scratch AS base\r\n',
      after: '# a non-descriptive comment\r\n\r\nFROM scratch AS base\r\n',
      title: 'Separate the comment with a blank line',
    },
  ],
});
