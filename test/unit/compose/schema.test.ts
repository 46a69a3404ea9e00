/**
 * CM001 (Compose Specification JSON schema) and YAML syntax findings: exact
 * ranges, messages naming the offending key/value, did-you-mean fixes, and
 * silence on realistic valid files (anchors, merge keys, `!reset`, `x-`
 * extensions, interpolation).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import {
  COMPOSE_SCHEMA_INFO,
  isInterpolated,
  parseComposeDocument,
  validateComposeSchema,
  yamlSyntaxFindings,
} from '../../../src/compose/schema';
import type { Finding } from '../../../src/dockerfile/types';
import { applyEdits, LineIndex } from '../../../src/util/text';

function check(text: string): { findings: Finding[]; syntax: Finding[]; lines: LineIndex } {
  const doc = parseComposeDocument(text);
  const lines = new LineIndex(text);
  return { findings: validateComposeSchema(doc, lines, { rethrow: true }), syntax: yamlSyntaxFindings(doc, lines), lines };
}

/** The one CM001 finding of `text`, with the text its range covers. */
function one(text: string): { f: Finding; covered: string } {
  const { findings, lines } = check(text);
  assert.equal(findings.length, 1, `expected exactly one finding, got:\n${findings.map((f) => f.message).join('\n')}`);
  const f = findings[0];
  assert.equal(f.code, 'CM001');
  assert.equal(f.severity, 'error');
  return { f, covered: lines.textOf(f.range) };
}

function assertSilent(name: string, text: string): void {
  const { findings, syntax } = check(text);
  assert.deepEqual(syntax.map((f) => f.message), [], `${name}: YAML problems`);
  assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.message}`), [], `${name}: schema findings`);
}

describe('CM001 compose schema: unknown keys', () => {
  it('reports an unknown top-level key on the key, with a did-you-mean rename', () => {
    const text = 'servics:\n  web:\n    image: nginx\n';
    const { f, covered } = one(text);
    assert.equal(covered, 'servics');
    assert.match(f.message, /Unknown top-level key 'servics'/);
    assert.match(f.message, /did you mean 'services'/);
    const fix = f.fixes.find((x) => x.preferred);
    assert.ok(fix, 'a preferred fix');
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, 'services:\n  web:\n    image: nginx\n');
    assertSilent('after the fix', fixed);
  });

  it('reports an unknown service key and renames it (transposed letters)', () => {
    const text = 'services:\n  web:\n    imgae: nginx:1.27\n    ports:\n      - "8080:80"\n';
    const { f, covered } = one(text);
    assert.equal(covered, 'imgae');
    assert.equal(f.range.start.line, 2);
    assert.equal(f.range.start.character, 4);
    assert.match(f.message, /Unknown key 'imgae' in services\.web \(did you mean 'image'\?\)/);
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].preferred, true);
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.equal(fixed, 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n');
    assertSilent('after the fix', fixed);
  });

  it('keeps the quoting of a quoted key when renaming', () => {
    const text = 'services:\n  web:\n    image: nginx\n    "enviroment":\n      A: "1"\n';
    const { f, covered } = one(text);
    assert.equal(covered, '"enviroment"');
    assert.equal(applyEdits(text, f.fixes[0].edits), 'services:\n  web:\n    image: nginx\n    "environment":\n      A: "1"\n');
  });

  it('offers no rename when nothing is close, or when the close key already exists', () => {
    let r = one('services:\n  web:\n    image: nginx\n    frobnicate: true\n');
    assert.equal(r.covered, 'frobnicate');
    assert.equal(r.f.fixes.length, 0);
    assert.doesNotMatch(r.f.message, /did you mean/);
    r = one('services:\n  web:\n    image: nginx\n    imag: nginx\n');
    assert.equal(r.f.fixes.length, 0, 'renaming to image would duplicate the key');
  });

  it('reports unknown keys in nested objects (build, long port syntax)', () => {
    let r = one('services:\n  web:\n    build:\n      context: .\n      dockerfle: Dockerfile.dev\n');
    assert.equal(r.covered, 'dockerfle');
    assert.match(r.f.message, /services\.web\.build/);
    assert.match(r.f.message, /did you mean 'dockerfile'/);
    r = one('services:\n  web:\n    image: nginx\n    ports:\n      - target: 80\n        published: "8080"\n        protocl: tcp\n');
    assert.equal(r.covered, 'protocl');
    assert.match(r.f.message, /services\.web\.ports\[0\]/);
    assert.match(r.f.message, /did you mean 'protocol'/);
  });

  it('reports an invalid service name on the name', () => {
    const { f, covered } = one('services:\n  "my web":\n    image: nginx\n');
    assert.equal(covered, '"my web"');
    assert.match(f.message, /'my web' is not a valid name in services/);
  });

  it('reports an unknown key that comes from a merged anchor once, on the anchor', () => {
    const text = [
      'x-defaults: &defaults',
      '  restart: unless-stopped',
      '  enviroment:',
      '    TZ: UTC',
      'services:',
      '  a:',
      '    <<: *defaults',
      '    image: a',
      '  b:',
      '    <<: *defaults',
      '    image: b',
      '',
    ].join('\n');
    const { f, covered } = one(text);
    assert.equal(covered, 'enviroment');
    assert.equal(f.range.start.line, 2);
    assert.match(f.message, /did you mean 'environment'/);
  });
});

describe('CM001 compose schema: types and enums', () => {
  it('reports ports given as a string, on the value', () => {
    const { f, covered } = one('services:\n  web:\n    image: nginx\n    ports: "80:80"\n');
    assert.equal(covered, '"80:80"');
    assert.equal(f.message, "services.web.ports must be a list, not the string '80:80'");
  });

  it('reports a block mapping where a list is wanted on its key, not the whole block', () => {
    const { f, covered } = one('services:\n  web:\n    image: nginx\n    cap_add:\n      NET_ADMIN: true\n');
    assert.equal(covered, 'cap_add');
    assert.match(f.message, /services\.web\.cap_add must be a list, not a mapping/);
  });

  it('collapses a oneOf cascade into one message (build as a number)', () => {
    const { f, covered } = one('services:\n  web:\n    build: 42\n');
    assert.equal(covered, '42');
    assert.equal(f.message, 'services.web.build must be a string or a mapping, not the number 42');
  });

  it('explains the branch that fits the value (depends_on mapping with a bad condition)', () => {
    const text = 'services:\n  web:\n    image: app\n    depends_on:\n      db:\n        condition: service_ready\n  db:\n    image: postgres:16\n';
    const { f, covered } = one(text);
    assert.equal(covered, 'service_ready');
    assert.match(f.message, /services\.web\.depends_on\.db\.condition: 'service_ready' is not one of service_started, service_healthy, service_completed_successfully/);
    assert.match(f.message, /did you mean 'service_healthy'/);
    assert.equal(f.fixes.length, 1);
    assert.notEqual(f.fixes[0].preferred, true, 'an enum guess is not applied by fix-all');
    assertSilent('after the fix', applyEdits(text, f.fixes[0].edits));
  });

  it('reports a bad enum: cgroup and volume type', () => {
    let r = one('services:\n  web:\n    image: nginx\n    cgroup: shared\n');
    assert.equal(r.covered, 'shared');
    assert.match(r.f.message, /services\.web\.cgroup: 'shared' is not one of host, private/);
    r = one('services:\n  web:\n    image: nginx\n    volumes:\n      - type: bnd\n        source: ./src\n        target: /app\n');
    assert.equal(r.covered, 'bnd');
    assert.match(r.f.message, /did you mean 'bind'/);
  });

  it('reports a missing required key on the key that owns the mapping', () => {
    const { f, covered } = one('services:\n  web:\n    image: app\n    depends_on:\n      db:\n        restart: true\n  db:\n    image: postgres\n');
    assert.equal(covered, 'db');
    assert.equal(f.range.start.line, 4);
    assert.match(f.message, /services\.web\.depends_on\.db is missing the required key 'condition'/);
  });

  it('reports a duplicate list item on the later item', () => {
    const { f, covered } = one('services:\n  web:\n    image: nginx\n    cap_add:\n      - NET_ADMIN\n      - NET_ADMIN\n');
    assert.equal(covered, 'NET_ADMIN');
    assert.equal(f.range.start.line, 5);
    assert.match(f.message, /duplicate item 'NET_ADMIN'/);
  });

  it('reports a range violation (cpu_percent > 100)', () => {
    const { f, covered } = one('services:\n  web:\n    image: nginx\n    cpu_percent: 150\n');
    assert.equal(covered, '150');
    assert.match(f.message, /services\.web\.cpu_percent must be <= 100/);
  });

  it('reports a wrong type through an alias on the alias', () => {
    const { f, covered } = one('x-port: &port "80:80"\nservices:\n  web:\n    image: nginx\n    ports: *port\n');
    assert.equal(covered, '*port');
    assert.match(f.message, /services\.web\.ports must be a list/);
  });

  it('reports a file that is not a mapping', () => {
    const { f } = one('- just\n- a list\n');
    assert.match(f.message, /The file must be a mapping, not a list/);
  });

  it('reports several problems at once, sorted by position', () => {
    const { findings } = check('services:\n  web:\n    imgae: nginx\n    ports: 80\n    cgroup: x\n');
    assert.deepEqual(
      findings.map((f) => f.range.start.line),
      [2, 3, 4],
    );
  });
});

describe('CM001 compose schema: interpolation, extensions, tags', () => {
  it('does not judge interpolated values where numbers, booleans or enums are wanted', () => {
    assertSilent(
      'interpolated',
      [
        'services:',
        '  web:',
        '    image: "nginx:${TAG:-latest}"',
        '    cpu_count: ${CPU_COUNT:-2}',
        '    cpu_percent: ${CPU_PERCENT}',
        '    oom_score_adj: $OOM',
        '    use_api_socket: ${USE_SOCKET:-false}',
        '    cgroup: ${CGROUP:-host}',
        '    ports:',
        '      - ${PORT:-80}',
        '      - "${HOST_PORT:-8080}:80"',
        '    deploy:',
        '      replicas: ${REPLICAS:-2}',
        '    healthcheck:',
        '      retries: ${RETRIES:-3}',
        '    depends_on:',
        '      db:',
        '        condition: service_started',
        '        required: ${DB_REQUIRED:-true}',
        '  db:',
        '    image: postgres',
        '',
      ].join('\n'),
    );
  });

  it('still reports an interpolated string where only a list or mapping fits', () => {
    const { f } = one('services:\n  web:\n    image: nginx\n    environment: ${ENV}\n');
    assert.match(f.message, /services\.web\.environment must be a list or a mapping/);
  });

  it('recognises interpolation syntax ($$ is a literal dollar)', () => {
    assert.equal(isInterpolated('${A}'), true);
    assert.equal(isInterpolated('${A:-1}'), true);
    assert.equal(isInterpolated('$A'), true);
    assert.equal(isInterpolated('$$A'), false);
    assert.equal(isInterpolated('10$'), false);
    assert.equal(isInterpolated(3), false);
  });

  it('allows x- extensions at the top level and inside services, networks, volumes, build', () => {
    assertSilent(
      'extensions',
      [
        'x-common: &common',
        '  anything: [goes, here]',
        '  nested: { deeply: { yes: 1 } }',
        'x-version: 3',
        'services:',
        '  web:',
        '    image: nginx',
        '    x-owner: team-a',
        '    build:',
        '      context: .',
        '      x-cache: true',
        '    logging:',
        '      driver: json-file',
        '      x-note: keep',
        'networks:',
        '  front:',
        '    x-vlan: 12',
        'volumes:',
        '  data:',
        '    x-backup: daily',
        '',
      ].join('\n'),
    );
  });

  it('validates !override values as written and drops !reset mapping values (as compose-go does)', () => {
    assertSilent(
      'tags',
      [
        'services:',
        '  web:',
        '    image: nginx',
        '    ports: !override',
        '      - "8080:80"',
        '    command: !override ["nginx", "-g", "daemon off;"]',
        '    build: !reset null',
        '    environment: !reset {}',
        '    volumes: !reset []',
        '    cpu_count: !override 2',
        '',
      ].join('\n'),
    );
    const { f, covered } = one('services:\n  web:\n    image: nginx\n    ports: !override "80:80"\n');
    assert.equal(covered, '"80:80"');
    assert.match(f.message, /services\.web\.ports must be a list/);
  });

  it('accepts documents parsed without the compose tags registered', () => {
    const text = 'services:\n  web:\n    image: nginx\n    ports: !override\n      - "80:80"\n    imgae: x\n';
    const doc = parseDocument(text, { merge: true });
    const lines = new LineIndex(text);
    const findings = validateComposeSchema(doc, lines, { rethrow: true });
    assert.equal(findings.length, 1);
    assert.equal(lines.textOf(findings[0].range), 'imgae');
  });
});

describe('CM001 compose schema: realistic valid files stay silent', () => {
  it('FastAPI + Postgres', () => {
    assertSilent(
      'fastapi',
      `name: shop
services:
  api:
    build:
      context: .
      dockerfile: Dockerfile
      target: runtime
      args:
        PYTHON_VERSION: "3.12"
    image: ghcr.io/acme/shop-api:\${TAG:-dev}
    command: ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]
    ports:
      - "127.0.0.1:8000:8000"
    environment:
      DATABASE_URL: postgresql+psycopg://app:\${POSTGRES_PASSWORD:?set it}@db:5432/app
      LOG_LEVEL: info
    env_file:
      - path: .env
        required: false
    depends_on:
      db:
        condition: service_healthy
        restart: true
    restart: unless-stopped
    healthcheck:
      test: ["CMD", "curl", "-fsS", "http://localhost:8000/health"]
      interval: 10s
      timeout: 3s
      retries: 5
      start_period: 20s
    develop:
      watch:
        - action: sync
          path: ./app
          target: /code/app
          ignore:
            - __pycache__/
        - action: rebuild
          path: pyproject.toml
  db:
    image: postgres:16-alpine
    environment:
      POSTGRES_USER: app
      POSTGRES_DB: app
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets:
      - db_password
    volumes:
      - pgdata:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U app -d app"]
      interval: 5s
      retries: 10
    shm_size: 256mb
volumes:
  pgdata:
secrets:
  db_password:
    file: ./secrets/db_password.txt
`,
    );
  });

  it('Node + Redis', () => {
    assertSilent(
      'node',
      `services:
  web:
    build: .
    init: true
    user: node
    working_dir: /usr/src/app
    ports:
      - target: 3000
        published: "3000"
        protocol: tcp
        mode: host
    environment:
      - NODE_ENV=production
      - REDIS_URL=redis://cache:6379
    depends_on:
      - cache
    read_only: true
    tmpfs:
      - /tmp
    security_opt:
      - no-new-privileges:true
    cap_drop: [ALL]
    ulimits:
      nofile:
        soft: 65536
        hard: 65536
    logging:
      driver: json-file
      options:
        max-size: "10m"
        max-file: "3"
    deploy:
      resources:
        limits:
          cpus: "0.50"
          memory: 512M
        reservations:
          memory: 128M
  cache:
    image: redis:7-alpine
    command: redis-server --appendonly yes
    volumes:
      - type: volume
        source: redis-data
        target: /data
    networks:
      backend:
        aliases: [redis]
networks:
  backend:
    driver: bridge
    ipam:
      config:
        - subnet: 172.28.0.0/16
volumes:
  redis-data: {}
`,
    );
  });

  it('Django + Postgres + Celery with anchors and merge keys', () => {
    assertSilent(
      'django',
      `x-django: &django
  build:
    context: .
    dockerfile: docker/Dockerfile
  image: acme/django:latest
  env_file: .env
  environment: &env
    DJANGO_SETTINGS_MODULE: config.settings.production
    DATABASE_URL: postgres://django:django@postgres:5432/django
    CELERY_BROKER_URL: redis://redis:6379/0
  depends_on: &deps
    postgres:
      condition: service_healthy
    redis:
      condition: service_started
  restart: unless-stopped

services:
  django:
    <<: *django
    command: gunicorn config.wsgi --bind 0.0.0.0:8000 --workers 3
    ports:
      - "8000:8000"
  celeryworker:
    <<: *django
    command: celery -A config.celery_app worker -l INFO
  celerybeat:
    <<: *django
    environment:
      <<: *env
      CELERY_BEAT: "1"
    command: celery -A config.celery_app beat -l INFO
  flower:
    <<: [*django]
    depends_on: *deps
    command: celery -A config.celery_app flower
    ports:
      - 5555:5555
  postgres:
    image: postgres:16
    volumes:
      - postgres_data:/var/lib/postgresql/data
      - ./backups:/backups:z
    environment:
      POSTGRES_USER: django
      POSTGRES_PASSWORD: django
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U django"]
      interval: 5s
  redis:
    image: redis:7
volumes:
  postgres_data: {}
`,
    );
  });

  it('profiles, extends, !reset / !override, include, configs', () => {
    assertSilent(
      'profiles',
      `include:
  - path: ./monitoring/compose.yaml
    env_file: ./monitoring/.env
services:
  base:
    image: busybox
    profiles: [never]
    environment:
      A: "1"
  app:
    extends:
      service: base
    profiles: ["app", "dev"]
    image: !override alpine:3.20
    environment: !reset {}
    ports: !reset []
    configs:
      - source: app_config
        target: /etc/app.yaml
        mode: 0440
  debug:
    extends: base
    profiles: [debug]
    stdin_open: true
    tty: true
    pull_policy: missing
    stop_grace_period: 1m30s
    stop_signal: SIGINT
    extra_hosts:
      - "host.docker.internal:host-gateway"
    platform: linux/amd64
configs:
  app_config:
    content: |
      key: value
networks:
  default:
    name: my-shared-net
    external: true
`,
    );
  });

  it('GPUs, models, secrets from environment, volume long syntax', () => {
    assertSilent(
      'misc',
      `services:
  worker:
    image: acme/ml:1.0
    gpus: all
    models:
      - llm
    volumes:
      - type: bind
        source: ./models
        target: /models
        read_only: true
        bind:
          create_host_path: true
      - type: tmpfs
        target: /scratch
        tmpfs:
          size: 100m
    secrets:
      - source: api_key
        target: api_key
        mode: 0400
    sysctls:
      net.core.somaxconn: 1024
    labels:
      com.example.team: ml
  trainer:
    image: acme/ml:1.0
    deploy:
      resources:
        reservations:
          devices:
            - driver: nvidia
              count: 1
              capabilities: [gpu]
models:
  llm:
    model: ai/smollm2
    context_size: 4096
secrets:
  api_key:
    environment: API_KEY
`,
    );
  });

  it('empty documents and comment-only files produce nothing', () => {
    assertSilent('empty', '');
    assertSilent('comments', '# nothing here yet\n');
  });
});

describe('YAML syntax findings', () => {
  it('maps parse errors to ranges, and schema validation then stays quiet', () => {
    const text = 'services:\n  web:\n    image: nginx\n   ports: [80\n';
    const { findings, syntax } = check(text);
    assert.ok(syntax.length >= 1);
    assert.ok(syntax.every((f) => f.code === 'CM000' && f.range.start.line >= 0));
    assert.ok(syntax.some((f) => f.severity === 'error'));
    assert.equal(findings.length, 0);
  });

  it('reports duplicate keys on the duplicate', () => {
    const text = 'services:\n  web:\n    image: a\n    image: b\n';
    const { syntax, lines } = check(text);
    assert.equal(syntax.length, 1);
    assert.equal(lines.textOf(syntax[0].range), 'image');
    assert.equal(syntax[0].range.start.line, 3);
    assert.match(syntax[0].message, /unique/i);
  });

  it('accepts several documents in one file (compose-go merges them) and validates the first', () => {
    const { findings, syntax, lines } = check('services:\n  web:\n    imgae: nginx\n---\nservices:\n  db:\n    image: postgres\n');
    assert.deepEqual(syntax, []);
    assert.deepEqual(findings.map((f) => lines.textOf(f.range)), ['imgae']);
  });

  it('reports tabs used as indentation', () => {
    const { syntax } = check('services:\n\tweb:\n    image: a\n');
    assert.ok(syntax.length >= 1);
    assert.match(syntax.map((f) => f.message).join('\n'), /tab/i);
  });

  it('never throws on binary junk, deep nesting or huge input', () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const deepMap = Array.from({ length: 400 }, (_, i) => ' '.repeat(i) + 'k:').join('\n');
    const huge = 'services:\n' + Array.from({ length: 20000 }, (_, i) => `  s${i}:\n    image: img${i}\n`).join('');
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    const cycle = 'x-a: &a\n  b: *a\nservices: {}\n';
    for (const text of [junk, deep, deepMap, huge, bomb, cycle, '\u0000\u0001\u0002', '\ufeffservices: {}\n', ': : :', '---\na: 1\n---\nb: 2\n']) {
      assert.doesNotThrow(() => {
        const doc = parseComposeDocument(text);
        const lines = new LineIndex(text);
        yamlSyntaxFindings(doc, lines);
        validateComposeSchema(doc, lines, { rethrow: true });
      });
    }
  });
});

describe('CM001 compose schema: scale', () => {
  it('validates a 200-service file with merge keys in linear time (no per-alias document walk)', () => {
    let text = 'x-common: &common\n  restart: unless-stopped\n  logging:\n    driver: json-file\nservices:\n';
    for (let i = 0; i < 200; i++) {
      text += `  svc${i}:\n    <<: *common\n    image: "acme/svc${i}:1.${i}"\n    ports:\n      - "\${PORT_${i}:-${8000 + i}}:80"\n    environment:\n      LOG_LEVEL: info\n    depends_on:\n      db:\n        condition: service_healthy\n`;
    }
    text += '  db:\n    image: postgres:16\n';
    const doc = parseComposeDocument(text);
    const lines = new LineIndex(text);
    validateComposeSchema(doc, lines, { rethrow: true }); // compiles the schema
    const t0 = performance.now();
    const findings = validateComposeSchema(doc, lines, { rethrow: true });
    const ms = performance.now() - t0;
    assert.deepEqual(findings, []);
    assert.ok(ms < 1000, `validation took ${ms.toFixed(0)} ms`);
  });
});

describe('compose schema provenance', () => {
  it('names its source, draft and license', () => {
    assert.equal(COMPOSE_SCHEMA_INFO.draft, 'draft-07');
    assert.equal(COMPOSE_SCHEMA_INFO.license, 'Apache-2.0');
    assert.match(COMPOSE_SCHEMA_INFO.spec, /compose-spec/);
  });
});
