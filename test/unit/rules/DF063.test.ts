import { ruleTests } from '../helpers';

const allow = (...allowedRegistries: string[]) => ({ config: { options: { allowedRegistries } } });

ruleTests('DF063', {
  fires: [
    { text: 'FROM quay.io/prometheus/node-exporter:v1.8.0\n', token: 'quay.io', message: '"quay.io"', opts: allow('docker.io', 'ghcr.io') },
    { text: 'FROM debian:12\n', token: 'debian:12', message: '"docker.io"', opts: allow('registry.corp.example') },
    { text: 'ARG REG=evil.example.com\nFROM ${REG}/base:1\n', token: '${REG}/base:1', opts: allow('*.corp.example') },
    { text: 'FROM ghcr.io/acme/base:1\nCOPY --from=ghcr.io/other/tool:2 /t /t\n', token: 'ghcr.io', count: 1, opts: allow('ghcr.io/acme') },
    { text: 'FROM alpine:3.20\nFROM docker.io/bitnami/redis:7\n', token: 'docker.io', count: 1, opts: allow('docker.io/library') },
  ],
  silent: [
    // inactive when not configured
    'FROM random.com/debian\n',
    { text: 'FROM random.com/debian\n', opts: allow() },
    { text: 'FROM debian:12\nFROM hub.docker.com/library/debian:12\n', opts: allow('docker.io') },
    { text: 'FROM ghcr.io/acme/base:1 AS base\nFROM base\nFROM scratch\n', opts: allow('GHCR.io') },
    { text: 'FROM registry.corp.example/team/app:1\nFROM eu.registry.corp.example/x:2\n', opts: allow('registry.corp.example', '*.registry.corp.example') },
    { text: 'ARG BASE\nFROM $BASE\n', opts: allow('ghcr.io') },
    { text: 'FROM ghcr.io/acme/tools/base:1\n', opts: allow('https://ghcr.io/acme/') },
  ],
});
