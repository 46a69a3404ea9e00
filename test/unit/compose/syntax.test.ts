import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShortPort, parseShortVolume } from '../../../src/compose/syntax';

describe('parseShortPort', () => {
  const P = (s: string) => {
    const p = parseShortPort(s);
    return [p.hostIp, p.published, p.target, p.protocol, !!p.error];
  };
  it('reads every short form', () => {
    assert.deepEqual(P('80'), [undefined, undefined, '80', 'tcp', false]);
    assert.deepEqual(P('8080:80'), [undefined, '8080', '80', 'tcp', false]);
    assert.deepEqual(P('53:53/udp'), [undefined, '53', '53', 'udp', false]);
    assert.deepEqual(P('127.0.0.1:8080:80'), ['127.0.0.1', '8080', '80', 'tcp', false]);
    assert.deepEqual(P('127.0.0.1::80'), ['127.0.0.1', undefined, '80', 'tcp', false]);
    assert.deepEqual(P('[::1]:8080:80'), ['::1', '8080', '80', 'tcp', false]);
    assert.deepEqual(P('::1:8080:80'), ['::1', '8080', '80', 'tcp', false]);
    assert.deepEqual(P('8000-8010:80'), [undefined, '8000-8010', '80', 'tcp', false]);
    assert.deepEqual(P('3000-3005'), [undefined, undefined, '3000-3005', 'tcp', false]);
    // The protocol as go-connections reads it: after the first `/`, lower-cased, empty is tcp.
    assert.deepEqual(P('53:53/UDP'), [undefined, '53', '53', 'udp', false]);
    assert.deepEqual(P('80/'), [undefined, undefined, '80', 'tcp', false]);
    assert.deepEqual(P('80/tcp/extra'), [undefined, undefined, '80', 'tcp', false]);
    assert.deepEqual(P('[::1]:80/sctp'), ['::1', undefined, '80', 'sctp', false]);
  });
  it('flags invalid ones', () => {
    assert.equal(P(':80')[4], false);
    assert.equal(P('')[4], true);
    assert.equal(P('http:80')[4], true);
    assert.equal(P('80:')[4], true);
  });
});

describe('parseShortVolume', () => {
  const V = (s: string) => {
    const v = parseShortVolume(s);
    return [v.type, v.source, v.target, v.mode.join(',')];
  };
  it('reads every short form', () => {
    assert.deepEqual(V('/data'), ['volume', undefined, '/data', '']);
    assert.deepEqual(V('named:/data'), ['volume', 'named', '/data', '']);
    assert.deepEqual(V('./src:/src:ro'), ['bind', './src', '/src', 'ro']);
    assert.deepEqual(V('~/x:/x'), ['bind', '~/x', '/x', '']);
    assert.deepEqual(V('/host:/c:ro,Z'), ['bind', '/host', '/c', 'ro,Z']);
    assert.deepEqual(V('C:\\data:/data'), ['bind', 'C:\\data', '/data', '']);
    assert.deepEqual(V('\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine'), ['bind', '\\\\.\\pipe\\docker_engine', '\\\\.\\pipe\\docker_engine', '']);
  });
});
