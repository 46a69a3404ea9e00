/** `dockyard lint` on Compose files: discovery, exit codes, --fix, JSON/SARIF output, config and --rule. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { SarifLog } from '../../../src/cli/format/sarif';
import { CLEAN_DOCKERFILE, parseJson, runCli, tree } from './cliHelpers';

// Clean for every other compose rule (tagged image, a restart policy), so only CM001 shows.
const UNKNOWN_KEY = 'services:\n  web:\n    imgae: nginx:1.27\n    restart: unless-stopped\n';
const FIXED = 'services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n';

interface JsonFile {
  file: string;
  findings: { code: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number; fixable: boolean }[];
  error?: string;
  fixed?: { code: string; title: string }[];
}

describe('dockyard lint: Compose files', () => {
  it('directory discovery lints compose.yaml: an unknown key is an error, exit 1', () => {
    const root = tree({ 'app/compose.yaml': UNKNOWN_KEY, 'app/Dockerfile': CLEAN_DOCKERFILE, 'notes.yaml': 'imgae: x\n' });
    const r = runCli(['lint'], root);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, new RegExp(`${path.join('app', 'compose.yaml').replace(/\\/g, '\\\\')}`));
    assert.match(r.stdout, /3:5 +error +Unknown key 'imgae' in services\.web \(did you mean 'image'\?\) +CM001/);
    assert.match(r.stdout, /fixable with --fix/);
    assert.doesNotMatch(r.stdout, /notes\.yaml/, 'other YAML files are not Compose files when walking');
  });

  it('docker-compose*.yml and compose.*.yaml are found too; a clean project exits 0', () => {
    const root = tree({ 'docker-compose.prod.yml': FIXED, 'compose.override.yaml': 'services:\n  web:\n    ports: ["8080:80"]\n' });
    const r = runCli(['lint', '-f', 'json'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      parseJson<JsonFile[]>(r.stdout).map((f) => [f.file, f.findings.length]),
      [
        ['compose.override.yaml', 0],
        ['docker-compose.prod.yml', 0],
      ],
    );
  });

  it('JSON output includes Compose findings with positions and fixability', () => {
    const root = tree({ 'compose.yaml': UNKNOWN_KEY });
    const r = runCli(['lint', '--format', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(parseJson<JsonFile[]>(r.stdout), [
      {
        file: 'compose.yaml',
        findings: [
          {
            code: 'CM001',
            severity: 'error',
            message: "Unknown key 'imgae' in services.web (did you mean 'image'?)",
            line: 3,
            column: 5,
            endLine: 3,
            endColumn: 10,
            fixable: true,
          },
        ],
      },
    ]);
  });

  it('a YAML syntax error is CM000', () => {
    const root = tree({ 'compose.yml': 'services:\n  web:\n    image: a\n    image: b\n' });
    const r = runCli(['lint', '-f', 'json'], root);
    assert.equal(r.code, 1, r.stderr);
    const [f] = parseJson<JsonFile[]>(r.stdout);
    assert.deepEqual(
      f.findings.map((x) => [x.code, x.severity, x.line, x.column, x.endColumn]),
      [['CM000', 'error', 4, 5, 10]],
    );
  });

  it('--fix renames the unknown key and exits 0', () => {
    const root = tree({ 'compose.yaml': UNKNOWN_KEY });
    const r = runCli(['lint', '--fix'], root);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8'), FIXED);
    assert.match(r.stdout, /fixed {2}Rename 'imgae' to 'image' {2}CM001/);
    const again = runCli(['lint', '-f', 'json', '--fix'], root);
    assert.equal(again.code, 0);
    assert.deepEqual(parseJson<JsonFile[]>(again.stdout)[0].findings, []);
  });

  it('--fix in JSON reports the fix; findings without a preferred fix stay', () => {
    const root = tree({ 'compose.yaml': 'services:\n  web:\n    imgae: nginx:1.27\n    restart: unless-stopped\n    ports: {a: 1}\n' });
    const r = runCli(['lint', '-f', 'json', '--fix'], root);
    assert.equal(r.code, 1);
    const [f] = parseJson<JsonFile[]>(r.stdout);
    assert.deepEqual(f.fixed?.filter((x) => x.code === 'CM001'), [{ code: 'CM001', title: "Rename 'imgae' to 'image'" }]);
    assert.deepEqual(
      f.findings.filter((x) => x.code === 'CM001').map((x) => [x.code, x.line]),
      [['CM001', 5]],
    );
    assert.equal(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8'), 'services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n    ports: {a: 1}\n');
  });

  it('an explicitly named .yml file is linted as a Compose file', () => {
    const root = tree({ 'deploy/stack.yml': UNKNOWN_KEY });
    const r = runCli(['lint', '-f', 'json', 'deploy/stack.yml'], root);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(parseJson<JsonFile[]>(r.stdout)[0].findings[0].code, 'CM001');
  });

  it('SARIF output has the Compose results and CM rule metadata with docs', () => {
    const root = tree({ 'compose.yaml': UNKNOWN_KEY });
    const r = runCli(['lint', '-f', 'sarif'], root);
    assert.equal(r.code, 1, r.stderr);
    const run = parseJson<SarifLog>(r.stdout).runs[0];
    const res = run.results.find((x) => x.ruleId === 'CM001');
    assert.ok(res);
    assert.equal(res.level, 'error');
    assert.deepEqual(res.locations[0].physicalLocation.artifactLocation, { uri: 'compose.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 3, startColumn: 5, endLine: 3, endColumn: 10 });
    assert.equal(res.fixes?.length, 1);
    for (const code of ['CM000', 'CM001']) {
      const rule = run.tool.driver.rules.find((x) => x.id === code);
      assert.ok(rule, code);
      assert.match(rule.help?.markdown ?? '', new RegExp(`^# ${code}: `));
    }
  });

  it('dockyard rules lists the CM rules', () => {
    const r = runCli(['rules'], tree({}));
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^CM000 +error +no +yaml-syntax +YAML syntax error$/m);
    assert.match(r.stdout, /^CM001 +error +partial +compose-schema +/m);
  });

  it('.dockyard.yaml and --rule set Compose severities; suppression comments work', () => {
    const root = tree({ 'a/.dockyard.yaml': 'rules:\n  CM001: off\n', 'a/compose.yaml': UNKNOWN_KEY, 'b/compose.yaml': '# dockyard-ignore=CM001\n' + UNKNOWN_KEY.replace('    imgae', '    # dockyard-ignore=CM001\n    imgae'), 'c/compose.yaml': UNKNOWN_KEY });
    const r = runCli(['lint', '-f', 'json'], root);
    assert.equal(r.stderr, '');
    assert.deepEqual(
      parseJson<JsonFile[]>(r.stdout).map((f) => [f.file, f.findings.map((x) => x.code)]),
      [
        [path.join('a', 'compose.yaml'), []],
        [path.join('b', 'compose.yaml'), []],
        [path.join('c', 'compose.yaml'), ['CM001']],
      ],
    );
    assert.equal(r.code, 1);
    const w = runCli(['lint', '-f', 'json', '--rule', 'compose-schema=warning', 'c'], root);
    assert.equal(w.code, 0, w.stderr);
    assert.equal(parseJson<JsonFile[]>(w.stdout)[0].findings[0].severity, 'warning');
    const bad = runCli(['lint', '--rule', 'CM999=off'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown rule "CM999"/);
  });

  it('a config that names an unknown Compose rule gets a warning', () => {
    const root = tree({ '.dockyard.yaml': 'rules:\n  CM998: off\n', 'compose.yaml': FIXED });
    const r = runCli(['lint'], root);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /unknown rule "CM998"/);
  });
});
