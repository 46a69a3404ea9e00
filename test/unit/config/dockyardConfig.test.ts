import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  LABEL_FORMATS,
  SEVERITY_SETTINGS,
  mergeConfigs,
  normalizeRuleKey,
  parseDockyardConfig,
  parseRuleOverride,
  toLintConfig,
  type KnownRule,
} from '../../../src/config/dockyardConfig';
import { createExcludeMatcher, findConfigFile, loadConfigFile } from '../../../src/config/configFile';
import { COMPOSE_RULES } from '../../../src/compose/catalog';
import { ALL_RULES } from '../../../src/dockerfile/rules';
import { lintDockerfile } from '../../../src/dockerfile/lint';
import { lintCompose } from '../../../src/compose/lint';

/** Rules the tests name, independent of which rules have landed. */
const KNOWN: KnownRule[] = [
  { code: 'DF036', name: 'maintainer-deprecated' },
  { code: 'DF090', name: 'apt-get-no-install-recommends' },
  { code: 'DF001', name: 'unknown-instruction' },
];

const EXAMPLE = `# Dockyard config
rules:
  DF090: off
  maintainer-deprecated: error
dockerfile:
  allowedRegistries: [docker.io, ghcr.io]
  requiredLabels: [org.opencontainers.image.source]
  labelSchema: { org.opencontainers.image.created: rfc3339 }
exclude: ["vendor/**"]
`;

function tmpDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-config-'));
}

describe('parseDockyardConfig', () => {
  it('parses the documented example without problems', () => {
    const { config, problems } = parseDockyardConfig(EXAMPLE, '/repo/.dockyard.yaml', { knownRules: KNOWN });
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { DF090: 'off', DF036: 'error' });
    assert.deepEqual(config.dockerfile, {
      allowedRegistries: ['docker.io', 'ghcr.io'],
      requiredLabels: ['org.opencontainers.image.source'],
      labelSchema: { 'org.opencontainers.image.created': 'rfc3339' },
    });
    assert.deepEqual(config.exclude, ['vendor/**']);
    assert.equal(config.baseDir, '/repo');
    assert.equal(config.path, '/repo/.dockyard.yaml');
  });

  it('treats an empty file or a file of comments as an empty config', () => {
    for (const text of ['', '\n', '# nothing\n', '---\n']) {
      const { config, problems } = parseDockyardConfig(text, '/r/.dockyard.yaml');
      assert.deepEqual(problems, [], JSON.stringify(text));
      assert.equal(config.rules, undefined);
    }
  });

  it('reports unknown top-level keys with their position and a suggestion', () => {
    const { problems } = parseDockyardConfig('rules:\n  DF090: off\nexlude: [x]\n', '/r/.dockyard.yaml', { knownRules: KNOWN });
    assert.equal(problems.length, 1);
    assert.deepEqual({ line: problems[0].line, column: problems[0].column }, { line: 3, column: 1 });
    assert.match(problems[0].message, /unknown top-level key "exlude".*did you mean exclude/);
  });

  it('reports bad severities at the value and keeps the good ones', () => {
    const { config, problems } = parseDockyardConfig('rules:\n  DF090: warn\n  DF036: off\n  DF001: 3\n', '/r/.dockyard.yaml', {
      knownRules: KNOWN,
    });
    assert.deepEqual(config.rules, { DF036: 'off' });
    assert.equal(problems.length, 2);
    assert.deepEqual([problems[0].line, problems[0].column], [2, 10]);
    assert.match(problems[0].message, /bad severity warn for DF090.*did you mean warning/);
    assert.match(problems[1].message, /bad severity 3 for DF001/);
  });

  it('reports unknown rules but keeps them (they may exist in a newer version)', () => {
    const { config, problems } = parseDockyardConfig('rules:\n  DF999: off\n  maintainer-deprecatd: off\n', '/r/x.yaml', {
      knownRules: KNOWN,
    });
    assert.equal(problems.length, 2);
    assert.match(problems[0].message, /unknown rule "DF999"/);
    assert.match(problems[1].message, /did you mean maintainer-deprecated/);
    assert.equal(config.rules?.DF999, 'off');
  });

  it('knows the Compose rules by default (codes and names); unknown Compose codes are reported', () => {
    const { config, problems } = parseDockyardConfig('rules:\n  CM000: warning\n  compose-schema: off\n  obsolete-version: info\n  CM998: off\n', '/r/x.yaml');
    assert.deepEqual(config.rules, { CM000: 'warning', CM001: 'off', CM002: 'info', CM998: 'off' });
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /unknown rule "CM998"/);
    assert.deepEqual(parseDockyardConfig('rules:\n  CM998: off\n', '/r/x.yaml', { knownRules: KNOWN, acceptRuleKey: (k) => k.startsWith('CM') }).problems, []);
  });

  it('normalizes rule names and lowercase codes to codes', () => {
    const { config } = parseDockyardConfig('rules:\n  df090: info\n  maintainer-deprecated: style\n', '/r/x.yaml', { knownRules: KNOWN });
    assert.deepEqual(config.rules, { DF090: 'info', DF036: 'style' });
    assert.equal(normalizeRuleKey('apt-get-no-install-recommends', KNOWN), 'DF090');
    assert.equal(normalizeRuleKey('something-else', KNOWN), 'something-else');
  });

  it('reports wrong types instead of throwing', () => {
    const text = 'rules: [DF090]\ndockerfile:\n  allowedRegistries: 5\n  labelSchema:\n    a: date\n    b: url\n  extra: 1\nexclude: {a: 1}\n';
    const { config, problems } = parseDockyardConfig(text, '/r/x.yaml', { knownRules: KNOWN });
    const messages = problems.map((p) => p.message).join('\n');
    assert.match(messages, /rules must be a mapping/);
    assert.match(messages, /allowedRegistries must be a list of strings/);
    assert.match(messages, /unknown format date for a/);
    assert.match(messages, /unknown key in dockerfile "extra"/);
    assert.match(messages, /exclude must be a list of strings/);
    assert.deepEqual(config.dockerfile?.labelSchema, { b: 'url' });
    for (const p of problems) assert.ok(p.line >= 1 && p.column >= 1);
  });

  it('reports YAML syntax errors and duplicate keys with positions', () => {
    const { problems } = parseDockyardConfig('rules:\n  DF090: off\n  DF090: info\nexclude: [a\n', '/r/x.yaml', { knownRules: KNOWN });
    assert.ok(problems.length >= 2, JSON.stringify(problems));
    assert.ok(problems.every((p) => p.message.startsWith('YAML: ') || /rule|severity/.test(p.message)));
    assert.ok(problems.some((p) => /unique/i.test(p.message) && p.line === 3));
  });

  it('reports a root that is not a mapping', () => {
    for (const text of ['- a\n- b\n', 'just a string\n', '42\n']) {
      const { problems } = parseDockyardConfig(text, '/r/x.yaml');
      assert.equal(problems.length, 1, text);
      assert.match(problems[0].message, /expected a mapping/);
    }
  });

  it('rejects exclude patterns that leave the config folder', () => {
    const { config, problems } = parseDockyardConfig('exclude: ["../x", "ok/**"]\n', '/r/x.yaml');
    assert.deepEqual(config.exclude, ['ok/**']);
    assert.match(problems[0].message, /outside/);
  });

  it('never throws on junk', () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = 'rules:dockerfile-exclude[]{}"\'\n\t #&*!|>%@`,?\u0000\ufeff\ud800é';
    for (let i = 0; i < 300; i++) {
      let s = '';
      const n = Math.floor(rnd() * 200);
      for (let j = 0; j < n; j++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      const r = parseDockyardConfig(s, '/r/x.yaml');
      assert.ok(Array.isArray(r.problems));
    }
  });
});

describe('mergeConfigs / toLintConfig', () => {
  it('layers override rules over base by code, whatever the key form', () => {
    const base = parseDockyardConfig(EXAMPLE, '/repo/.dockyard.yaml', { knownRules: KNOWN }).config;
    const merged = mergeConfigs(base, { rules: { 'apt-get-no-install-recommends': 'warning', DF001: 'off' } }, KNOWN);
    assert.deepEqual(merged.rules, { DF090: 'warning', DF036: 'error', DF001: 'off' });
    // Lists and options survive when the override does not set them.
    assert.deepEqual(merged.dockerfile?.allowedRegistries, ['docker.io', 'ghcr.io']);
    assert.deepEqual(merged.exclude, ['vendor/**']);
    assert.equal(merged.baseDir, '/repo');
  });

  it('replaces lists and merges the label schema', () => {
    const merged = mergeConfigs(
      { dockerfile: { allowedRegistries: ['a'], labelSchema: { x: 'url' } } },
      { dockerfile: { allowedRegistries: ['b'], labelSchema: { y: 'semver' } } },
    );
    assert.deepEqual(merged.dockerfile, { allowedRegistries: ['b'], labelSchema: { x: 'url', y: 'semver' } });
  });

  it('handles missing sides', () => {
    assert.deepEqual(mergeConfigs(undefined, undefined), {});
    assert.deepEqual(mergeConfigs(undefined, { rules: { DF036: 'off' } }).rules, { DF036: 'off' });
  });

  it('turns a config into the linter config', () => {
    const base = parseDockyardConfig(EXAMPLE, '/repo/.dockyard.yaml', { knownRules: KNOWN }).config;
    const lc = toLintConfig(base, KNOWN);
    assert.deepEqual(lc.severities, { DF090: 'off', DF036: 'error' });
    assert.deepEqual(lc.options, {
      allowedRegistries: ['docker.io', 'ghcr.io'],
      requiredLabels: ['org.opencontainers.image.source'],
      labelSchema: { 'org.opencontainers.image.created': 'rfc3339' },
    });
    assert.deepEqual(toLintConfig(undefined), { severities: {}, options: {} });
  });

  it('drives the linter: a rule turned off in the file stays silent', () => {
    const text = 'FROM debian:12\nMAINTAINER x\n';
    const on = lintDockerfile(text).findings.filter((f) => f.code === 'DF036');
    assert.equal(on.length, 1);
    const { config } = parseDockyardConfig('rules:\n  maintainer-deprecated: off\n', '/r/.dockyard.yaml');
    assert.equal(lintDockerfile(text, { config: toLintConfig(config) }).findings.filter((f) => f.code === 'DF036').length, 0);
    const err = mergeConfigs(config, { rules: { DF036: 'error' } });
    const again = lintDockerfile(text, { config: toLintConfig(err) }).findings.filter((f) => f.code === 'DF036');
    assert.equal(again[0]?.severity, 'error');
  });
});

describe('parseRuleOverride', () => {
  it('parses CODE=severity and name=severity', () => {
    assert.deepEqual(parseRuleOverride('DF090=off', KNOWN), { key: 'DF090', severity: 'off' });
    assert.deepEqual(parseRuleOverride('maintainer-deprecated=ERROR', KNOWN), { key: 'DF036', severity: 'error' });
  });
  it('rejects bad input with a message', () => {
    for (const bad of ['DF090', 'DF090=loud', '=off', 'DF9999=off', 'nope=off']) {
      const r = parseRuleOverride(bad, KNOWN);
      assert.ok('error' in r, bad);
    }
  });
});

describe('config files on disk', () => {
  it('finds the nearest config walking up, .yaml before .yml', () => {
    const root = tmpDir();
    const deep = path.join(root, 'a', 'b', 'c');
    fs.mkdirSync(deep, { recursive: true });
    fs.writeFileSync(path.join(root, '.dockyard.yml'), 'rules: {}\n');
    assert.equal(findConfigFile(deep), path.join(root, '.dockyard.yml'));
    fs.writeFileSync(path.join(root, 'a', '.dockyard.yaml'), 'rules: {}\n');
    fs.writeFileSync(path.join(root, 'a', '.dockyard.yml'), 'rules: {}\n');
    assert.equal(findConfigFile(deep), path.join(root, 'a', '.dockyard.yaml'));
    // stopDir: do not look above it.
    assert.equal(findConfigFile(deep, path.join(root, 'a', 'b')), undefined);
    assert.equal(findConfigFile(deep, path.join(root, 'a')), path.join(root, 'a', '.dockyard.yaml'));
    // A directory named like the config is not a config.
    const other = tmpDir();
    fs.mkdirSync(path.join(other, '.dockyard.yaml'));
    assert.equal(findConfigFile(other, other), undefined);
    // A start folder that does not exist is not an error.
    assert.equal(findConfigFile(path.join(other, 'missing', 'dir'), other), undefined);
  });

  it('loads a file, and reports IO problems as errors', () => {
    const root = tmpDir();
    const p = path.join(root, '.dockyard.yaml');
    fs.writeFileSync(p, EXAMPLE);
    const ok = loadConfigFile(p);
    assert.ok(ok.ok);
    assert.equal(ok.ok && ok.config.baseDir, root);
    const missing = loadConfigFile(path.join(root, 'nope.yaml'));
    assert.ok(!missing.ok && /no such file/.test(missing.error));
    const dir = loadConfigFile(root);
    assert.ok(!dir.ok && /directory/.test(dir.error));
    fs.writeFileSync(path.join(root, 'bin.yaml'), Buffer.from([0, 1, 2, 3]));
    const bin = loadConfigFile(path.join(root, 'bin.yaml'));
    assert.ok(!bin.ok && /binary/.test(bin.error));
  });

  it('matches exclude patterns relative to the config folder', () => {
    const m = createExcludeMatcher({ baseDir: '/repo', exclude: ['vendor/**', '*.tmp.Dockerfile', 'build/'] });
    assert.equal(m('/repo/vendor/x/Dockerfile'), true);
    assert.equal(m('/repo/a/b.tmp.Dockerfile'), true);
    assert.equal(m('/repo/build', true), true);
    assert.equal(m('/repo/src/Dockerfile'), false);
    assert.equal(m('/elsewhere/vendor/Dockerfile'), false);
    assert.equal(m('/repo'), false);
    assert.equal(createExcludeMatcher(undefined)('/x'), false);
  });
});

describe('schemas/dockyard.schema.json', () => {
  const root = path.resolve(__dirname, '../../../..');
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas', 'dockyard.schema.json'), 'utf8')) as {
    properties: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }>;
    additionalProperties: boolean;
    definitions: { severity: { enum: string[] }; labelFormat: { enum: string[] } };
  };
  it('describes the same keys and values as the parser', () => {
    assert.deepEqual(Object.keys(schema.properties).sort(), ['compose', 'dockerfile', 'exclude', 'rules']);
    assert.deepEqual(Object.keys(schema.properties.compose.properties ?? {}), ['allUnboundPorts']);
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.properties.dockerfile.properties ?? {}).sort(), ['allowedRegistries', 'forbidInlineIgnores', 'instructionCasing', 'labelSchema', 'requiredLabels', 'strictLabels']);
    assert.deepEqual(schema.definitions.severity.enum, [...SEVERITY_SETTINGS]);
    assert.deepEqual(schema.definitions.labelFormat.enum, [...LABEL_FORMATS]);
  });
  it('accepts every shipped rule code and name as a rules key', () => {
    const rules = schema.properties.rules as unknown as { propertyNames: { pattern: string } };
    const re = new RegExp(rules.propertyNames.pattern);
    for (const r of [...ALL_RULES, ...COMPOSE_RULES]) {
      assert.ok(re.test(r.code), r.code);
      assert.ok(re.test(r.name), r.name);
    }
  });
});

describe('rule options in the dockerfile section', () => {
  it('passes instructionCasing, strictLabels and forbidInlineIgnores to the rules', () => {
    const { config, problems } = parseDockyardConfig('dockerfile:\n  instructionCasing: uppercase\n  strictLabels: true\n  forbidInlineIgnores: false\n', '/r/.dockyard.yaml');
    assert.deepEqual(problems, []);
    const o = toLintConfig(config).options ?? {};
    assert.equal(o.instructionCasing, 'uppercase');
    assert.equal(o.strictLabels, true);
    assert.equal(o.forbidInlineIgnores, false);
  });
  it('reports bad values', () => {
    const { problems } = parseDockyardConfig('dockerfile:\n  instructionCasing: lower\n  strictLabels: yes please\n', '/r/.dockyard.yaml');
    assert.equal(problems.length, 2);
  });
});

describe('.dockyard.yaml compose section', () => {
  const PORTS = 'services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n    ports:\n      - "8080:80"\n';
  it('allUnboundPorts turns CM023 on for every published port', () => {
    const { config, problems } = parseDockyardConfig('compose:\n  allUnboundPorts: true\n', '/r/.dockyard.yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.compose, { allUnboundPorts: true });
    const codes = (c: typeof config | undefined) => lintCompose(PORTS, { config: toLintConfig(c, COMPOSE_RULES) }).findings.map((f) => f.code);
    assert.ok(codes(config).includes('CM023'));
    assert.ok(!codes(undefined).includes('CM023'));
  });
  it('reports unknown keys and bad values, and merges with the override winning', () => {
    const { problems } = parseDockyardConfig('compose:\n  allUnboundPort: true\n  allUnboundPorts: maybe\n', '/r/.dockyard.yaml');
    assert.equal(problems.length, 2);
    assert.match(problems[0].message, /allUnboundPorts/);
    const merged = mergeConfigs(parseDockyardConfig('compose:\n  allUnboundPorts: true\n', '/a').config, parseDockyardConfig('compose:\n  allUnboundPorts: false\n', '/b').config);
    assert.deepEqual(merged.compose, { allUnboundPorts: false });
  });
});
