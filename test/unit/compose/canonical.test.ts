import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { shellSplit, toCanonical } from '../../../src/compose/canonical';
import { load } from './helpers';

describe('toCanonical', () => {
  it('prints what docker compose config prints', async () => {
    const p = await load({
      '/proj/compose.yaml': `name: demo
services:
  web:
    image: nginx
    build: .
    command: sh -c "echo 'hi there'"
    ports: ["8080:80", "127.0.0.1:53:53/udp", "3000-3001"]
    volumes: ["./data:/data:ro", "named:/x", "/anon"]
    depends_on: [db]
    environment: [A=1, B]
    networks: [front]
  db:
    image: postgres
    network_mode: host
volumes:
  named: {}
networks:
  front: {}
  ext: {external: true}
`,
    });
    assert.deepEqual(toCanonical(p), {
      name: 'demo',
      services: {
        db: { image: 'postgres', network_mode: 'host' },
        web: {
          build: { context: '/proj', dockerfile: 'Dockerfile' },
          command: ['sh', '-c', "echo 'hi there'"],
          depends_on: { db: { condition: 'service_started', required: true, restart: true } },
          environment: { A: '1', B: null },
          image: 'nginx',
          networks: { front: null },
          ports: [
            { mode: 'ingress', target: 80, published: '8080', protocol: 'tcp' },
            { mode: 'ingress', host_ip: '127.0.0.1', target: 53, published: '53', protocol: 'udp' },
            { mode: 'ingress', target: 3000, protocol: 'tcp' },
            { mode: 'ingress', target: 3001, protocol: 'tcp' },
          ],
          volumes: [
            { type: 'bind', source: '/proj/data', target: '/data', read_only: true, bind: { create_host_path: true } },
            { type: 'volume', source: 'named', target: '/x', volume: {} },
            { type: 'volume', target: '/anon' },
          ],
        },
      },
      networks: { ext: { external: true, name: 'ext' }, front: { name: 'demo_front' } },
      volumes: { named: { name: 'demo_named' } },
    });
  });
  it('adds the default network when a service uses it', async () => {
    const p = await load({ '/proj/compose.yaml': 'services:\n  a:\n    image: x\n' });
    const c = toCanonical(p);
    assert.deepEqual(c.networks, { default: { name: 'proj_default' } });
    assert.deepEqual((c.services as Record<string, Record<string, unknown>>).a.networks, { default: null });
  });
  it('expands published ranges matching target ranges', async () => {
    const p = await load({ '/proj/compose.yaml': 'services:\n  a:\n    image: x\n    ports: ["9000-9001:8000-8001"]\n' });
    const ports = (toCanonical(p).services as Record<string, Record<string, unknown>>).a.ports as { published: string; target: number }[];
    assert.deepEqual(ports.map((x) => [x.published, x.target]), [['9000', 8000], ['9001', 8001]]);
  });
});

describe('shellSplit', () => {
  it('splits like shellwords', () => {
    assert.deepEqual(shellSplit(`a "b c" 'd e' f\\ g`), ['a', 'b c', 'd e', 'f g']);
    assert.deepEqual(shellSplit('  '), []);
    assert.deepEqual(shellSplit('x ""'), ['x', '']);
  });
});
