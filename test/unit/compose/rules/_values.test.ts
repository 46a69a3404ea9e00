import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanPath, isGoIP, parsePortRange, parsePortSpec, ramInBytes } from '../../../../src/compose/rules/_values';

describe('compose rule helpers (_b)', () => {
  it('isGoIP follows net.ParseIP', () => {
    for (const ip of ['127.0.0.1', '0.0.0.0', '::', '::1', 'fe80::1', '2001:db8::8a2e:370:7334', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:1.2.3.4']) assert.ok(isGoIP(ip), ip);
    for (const ip of ['localhost', '127.0.0.256', '01.2.3.4', '1.2.3', '1:2:3:4:5:6:7:8:9', '1::2::3', 'fe80::1%eth0', '[::1]', '']) assert.ok(!isGoIP(ip), ip);
  });
  it('parsePortRange follows nat.ParsePortRange', () => {
    assert.deepEqual(parsePortRange('80'), { start: 80, end: 80 });
    assert.deepEqual(parsePortRange('8000-8010'), { start: 8000, end: 8010 });
    assert.deepEqual(parsePortRange('0'), { start: 0, end: 0 });
    for (const bad of ['', '65536', '-1', '+80', '8010-8000', '80-', 'http']) assert.equal(typeof parsePortRange(bad), 'string', bad);
  });
  it('parsePortSpec splits like nat.ParsePortSpec', () => {
    const s = parsePortSpec('127.0.0.1:8080:80/udp');
    assert.equal(s.ip?.text, '127.0.0.1');
    assert.equal(s.host?.text, '8080');
    assert.equal(s.container.text, '80');
    assert.equal(s.protocol, 'udp');
    assert.equal(s.error, undefined);
    const v6 = parsePortSpec('::1:8080:80');
    assert.equal(v6.ip?.text, '::1');
    assert.equal(v6.error, undefined);
    assert.equal(parsePortSpec('[::1]:8080:80').error, undefined);
    assert.equal(parsePortSpec('8000-8010:80').error, undefined);
    const bad = parsePortSpec('8080:80/tpc');
    assert.deepEqual(bad.error && [bad.error.start, bad.error.end], [8, 11]);
    assert.match(parsePortSpec('1-3:1-2').error?.message ?? '', /different lengths/);
    // SplitProtoPort keeps only what stands between the first and the second `/`.
    const extra = parsePortSpec('8080:80/udp/x');
    assert.equal(extra.protocol, 'udp');
    assert.equal(extra.error, undefined);
    assert.match(parsePortSpec('8080:').error?.message ?? '', /no container port/);
  });
  it('cleanPath follows path.Clean', () => {
    assert.equal(cleanPath('/app/'), '/app');
    assert.equal(cleanPath('/app//x/./y/..'), '/app/x');
    assert.equal(cleanPath('/'), '/');
    assert.equal(cleanPath('/..'), '/');
  });
  it('ramInBytes follows go-units RAMInBytes', () => {
    assert.equal(ramInBytes('1g'), ramInBytes('1024M'));
    assert.equal(ramInBytes('512m'), 512 * 1024 * 1024);
    assert.equal(ramInBytes('1.5GB'), 1.5 * 1024 ** 3);
    assert.equal(ramInBytes(2048), 2048);
    assert.equal(ramInBytes('lots'), undefined);
  });
});
