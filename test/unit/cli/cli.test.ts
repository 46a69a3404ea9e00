import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { packageRoot } from '../../../src/cli/packageInfo';
import { COMPOSE_RULES } from '../../../src/compose/catalog';
import { MAX_LINT_BYTES } from '../../../src/dockerfile/lint';
import { ALL_RULES } from '../../../src/dockerfile/rules';
import { BAD_DOCKERFILE, CLEAN_DOCKERFILE, WARN_ONLY_DOCKERFILE, onlyRulesConfig, parseJson, runCli, tree } from './cliHelpers';

interface JsonFinding {
  code: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable: boolean;
}
interface JsonFile {
  file: string;
  findings: JsonFinding[];
  error?: string;
  fixed?: { code: string; title: string }[];
}

const ISOLATE = onlyRulesConfig(['DF001', 'DF036']);
const ESC = '\u001b';

describe('dockyard lint: text output', () => {
  it('prints file, line:col, severity, message, code and a summary', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE, Dockerfile: BAD_DOCKERFILE });
    const r = runCli(['lint'], root);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'Dockerfile');
    assert.match(lines[1], /^ {2}2:1 {2}warning {2}MAINTAINER.* {2}DF036$/);
    assert.match(lines[2], /^ {2}3:1 {2}error {4}Unknown instruction "RUNN".* {2}DF001$/);
    assert.match(r.stdout, /✖ 2 problems \(1 error, 1 warning, 0 info, 0 style\) in 1 file/);
    assert.match(r.stdout, /2 problems fixable with --fix/);
    assert.ok(!r.stdout.includes(ESC), 'no colors when not a TTY');
    assert.equal(r.stderr, '');
  });

  it('colors on a TTY unless NO_COLOR or --no-color', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE, Dockerfile: BAD_DOCKERFILE });
    assert.ok(runCli(['lint'], root, { isTTY: true }).stdout.includes(`${ESC}[31merror`));
    assert.ok(!runCli(['lint'], root, { isTTY: true, env: { NO_COLOR: '1' } }).stdout.includes(ESC));
    assert.ok(!runCli(['lint', '--no-color'], root, { isTTY: true }).stdout.includes(ESC));
  });

  it('says so when everything is clean, and nothing with -q', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE, Dockerfile: CLEAN_DOCKERFILE });
    const r = runCli(['lint'], root);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /No problems in 1 file/);
    assert.equal(runCli(['lint', '-q'], root).stdout, '');
  });

  it('-q shows only findings at the fail level', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE, Dockerfile: BAD_DOCKERFILE });
    const r = runCli(['lint', '-q'], root);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /DF001/);
    assert.doesNotMatch(r.stdout, /DF036/);
  });
});

describe('dockyard lint: JSON output', () => {
  it('follows the documented contract', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE, Dockerfile: BAD_DOCKERFILE, 'svc/api.Dockerfile': CLEAN_DOCKERFILE });
    const r = runCli(['lint', '--format', 'json'], root);
    assert.equal(r.code, 1);
    const out = parseJson<JsonFile[]>(r.stdout);
    assert.deepEqual(
      out.map((f) => f.file),
      ['Dockerfile', path.join('svc', 'api.Dockerfile')],
    );
    const [df] = out;
    assert.deepEqual(Object.keys(df).sort(), ['file', 'findings']);
    const m = df.findings.find((f) => f.code === 'DF036')!;
    assert.deepEqual(m, {
      code: 'DF036',
      severity: 'warning',
      message: m.message,
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 11, // exclusive: "MAINTAINER" is columns 1-10
      fixable: true,
    });
    assert.deepEqual(Object.keys(m), ['code', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable']);
    assert.deepEqual(out[1].findings, []);
  });

  it('keeps paths as given (absolute stays absolute, ./x stays relative)', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE, 'a/Dockerfile': CLEAN_DOCKERFILE });
    const abs = parseJson<JsonFile[]>(runCli(['lint', '--format=json', path.join(root, 'a')], root).stdout);
    assert.equal(abs[0].file, path.join(root, 'a', 'Dockerfile'));
    const rel = parseJson<JsonFile[]>(runCli(['lint', '-f', 'json', 'a/Dockerfile'], root).stdout);
    assert.equal(rel[0].file, 'a/Dockerfile');
  });

  it('lists unreadable inputs as entries with an error', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE, Dockerfile: CLEAN_DOCKERFILE, 'junk.Dockerfile': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]) });
    const r = runCli(['lint', '--format', 'json', '.', 'missing/Dockerfile'], root);
    assert.equal(r.code, 2);
    const out = parseJson<JsonFile[]>(r.stdout);
    const missing = out.find((f) => f.file === 'missing/Dockerfile')!;
    assert.match(missing.error!, /no such file/);
    const junk = out.find((f) => f.file === 'junk.Dockerfile')!;
    assert.match(junk.error!, /binary/);
    assert.deepEqual(junk.findings, []);
    assert.match(r.stderr, /missing\/Dockerfile: no such file or directory/);
  });
});

describe('dockyard lint: exit codes and fail levels', () => {
  const cases: [string, string, string[], number][] = [
    ['error finding, default level', BAD_DOCKERFILE, [], 1],
    ['warning only, default level', WARN_ONLY_DOCKERFILE, [], 0],
    ['warning only, --fail-level warning', WARN_ONLY_DOCKERFILE, ['--fail-level', 'warning'], 1],
    ['warning only, --fail-level info', WARN_ONLY_DOCKERFILE, ['--fail-level=info'], 1],
    ['warning only, --fail-level style', WARN_ONLY_DOCKERFILE, ['--fail-level', 'style'], 1],
    ['error finding, --fail-level none', BAD_DOCKERFILE, ['--fail-level', 'none'], 0],
    ['clean', CLEAN_DOCKERFILE, ['--fail-level', 'style'], 0],
    ['error rule lowered by --rule', BAD_DOCKERFILE, ['--rule', 'DF001=warning'], 0],
    ['warning rule raised by --rule', WARN_ONLY_DOCKERFILE, ['--rule', 'maintainer-deprecated=error'], 1],
    ['both off by --rule (comma list)', BAD_DOCKERFILE, ['--rule', 'DF001=off,DF036=off', '--fail-level', 'style'], 0],
  ];
  for (const [name, text, args, code] of cases) {
    it(name, () => {
      const root = tree({ '.dockyard.yaml': ISOLATE, Dockerfile: text });
      const r = runCli(['lint', ...args], root);
      assert.equal(r.code, code, r.stdout + r.stderr);
    });
  }

  it('usage errors exit 2 with a message', () => {
    const root = tree({ Dockerfile: CLEAN_DOCKERFILE });
    for (const args of [
      ['lint', '--format', 'xml'],
      ['lint', '--fail-level', 'fatal'],
      ['lint', '--bogus'],
      ['lint', '--rule', 'DF036'],
      ['lint', '--rule', 'NOPE=off'],
      ['lint', '--config'],
      ['lint', '--config', 'missing.yaml'],
      ['frobnicate'],
      ['rules', 'extra'],
    ]) {
      const r = runCli(args, root);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^dockyard: /, args.join(' '));
      assert.equal(r.stdout, '', args.join(' '));
    }
  });

  it('--help, --version, rules', () => {
    const root = tree({});
    const h = runCli(['--help'], root);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Usage: dockyard/);
    assert.equal(runCli(['lint', '--help'], root).code, 0);
    const v = runCli(['--version'], root);
    assert.equal(v.code, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot()!, 'package.json'), 'utf8')) as { version: string };
    assert.equal(v.stdout.trim(), pkg.version);
    const rules = runCli(['rules'], root);
    assert.equal(rules.code, 0);
    for (const rule of [...ALL_RULES, ...COMPOSE_RULES]) assert.match(rules.stdout, new RegExp(`^${rule.code} +${rule.defaultSeverity} +${rule.fix} `, 'm'));
    const rj = parseJson<{ code: string; severity: string; fix: string; title: string }[]>(runCli(['rules', '--format', 'json'], root).stdout);
    assert.equal(rj.length, ALL_RULES.length + COMPOSE_RULES.length);
    assert.deepEqual(rj.slice(-COMPOSE_RULES.length).map((r) => r.code), COMPOSE_RULES.map((r) => r.code));
    assert.deepEqual(rj.slice(-COMPOSE_RULES.length, -COMPOSE_RULES.length + 2).map((r) => r.code), ['CM000', 'CM001']);
    assert.deepEqual(Object.keys(rj[0]).slice(0, 5), ['code', 'name', 'title', 'severity', 'fix']);
  });
});

describe('dockyard lint: config', () => {
  it('uses the nearest .dockyard.yaml for each file', () => {
    const root = tree({
      '.dockyard.yaml': ISOLATE,
      Dockerfile: WARN_ONLY_DOCKERFILE,
      'sub/.dockyard.yaml': onlyRulesConfig(['DF001']),
      'sub/Dockerfile': WARN_ONLY_DOCKERFILE,
    });
    const out = parseJson<JsonFile[]>(runCli(['lint', '-f', 'json'], root).stdout);
    assert.equal(out.find((f) => f.file === 'Dockerfile')!.findings.length, 1);
    assert.equal(out.find((f) => f.file === path.join('sub', 'Dockerfile'))!.findings.length, 0);
  });

  it('--config replaces discovery, and --rule layers on top', () => {
    const root = tree({
      '.dockyard.yaml': ISOLATE,
      'strict.yaml': onlyRulesConfig(['DF001', 'DF036'], '').replace(/rules:\n/, 'rules:\n  DF036: error\n'),
      Dockerfile: WARN_ONLY_DOCKERFILE,
    });
    assert.equal(runCli(['lint'], root).code, 0);
    assert.equal(runCli(['lint', '--config', 'strict.yaml'], root).code, 1);
    assert.equal(runCli(['lint', '-c', 'strict.yaml', '-r', 'DF036=info'], root).code, 0);
  });

  it('applies dockerfile options from the config', () => {
    const opts = 'dockerfile:\n  allowedRegistries: [ghcr.io]\n';
    const root = tree({ '.dockyard.yaml': opts, Dockerfile: 'FROM docker.io/library/debian:12\n' });
    const r = parseJson<JsonFile[]>(runCli(['lint', '-f', 'json'], root).stdout);
    // DF063 may not have landed yet; when it has, it must fire with this option.
    if (ALL_RULES.some((x) => x.code === 'DF063')) assert.ok(r[0].findings.some((f) => f.code === 'DF063'), JSON.stringify(r));
  });

  it('prints config problems as warnings with positions and keeps going', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE + 'exlude: [x]\n', Dockerfile: WARN_ONLY_DOCKERFILE });
    const r = runCli(['lint'], root);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /\.dockyard\.yaml:\d+:1: warning: unknown top-level key "exlude"/);
    assert.match(r.stdout, /DF036/);
  });

  it('an unreadable config is an IO error (exit 2)', () => {
    const root = tree({ Dockerfile: CLEAN_DOCKERFILE });
    fs.mkdirSync(path.join(root, 'cfgdir'));
    const r = runCli(['lint', '--config', 'cfgdir'], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /directory/);
  });
});

describe('dockyard lint: bad input never throws', () => {
  it('binary junk is reported per file (exit 2), other files still linted', () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    const root = tree({ '.dockyard.yaml': ISOLATE, 'Dockerfile.bin': junk, 'a/Dockerfile': BAD_DOCKERFILE });
    const r = runCli(['lint'], root);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /Dockerfile\.bin\n {2}error {2}binary file/);
    assert.match(r.stdout, /DF001/);
    assert.match(r.stdout, /1 file could not be linted/);
  });

  it('junk without NUL bytes is linted like any text', () => {
    let s = '';
    for (let i = 0; i < 5000; i++) s += String.fromCharCode(1 + ((i * 31) % 0x2fff));
    const root = tree({ Dockerfile: s });
    const r = runCli(['lint', '-f', 'json', '--fail-level', 'none'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(Array.isArray(parseJson(r.stdout)));
  });

  it('UTF-16 files get a clear message', () => {
    const root = tree({ Dockerfile: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM x\n', 'utf16le')]) });
    const r = runCli(['lint'], root);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /UTF-16/);
  });

  it('a missing path or directory exits 2 with a message', () => {
    const root = tree({});
    for (const target of ['nope', 'no/such/dir/', 'Dockerfile']) {
      const r = runCli(['lint', target], root);
      assert.equal(r.code, 2, target);
      assert.match(r.stderr, /no such file or directory/, target);
    }
  });

  it('a 5 MB file is refused with a clear message; a file just under the size limit is linted', () => {
    const line = 'RUN echo "some reasonably long line of shell to fill space" && true\n';
    const big = 'FROM debian:12\n' + line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
    const under = 'FROM debian:12\n' + line.repeat(Math.floor((MAX_LINT_BYTES * 0.9) / line.length));
    const root = tree({ '.dockyard.yaml': ISOLATE, 'big/Dockerfile': big, 'under/Dockerfile': under + 'MAINTAINER x\n' });
    const t0 = Date.now();
    const r = runCli(['lint', 'big'], root);
    assert.equal(r.code, 2);
    assert.match(r.stdout, new RegExp(`big/Dockerfile\\n {2}error {2}file is larger than ${MAX_LINT_BYTES / 1024 / 1024} MB; not linted`));
    assert.ok(Date.now() - t0 < 5000, 'refusing must be quick');
    const u = runCli(['lint', '-f', 'json', 'under'], root);
    assert.equal(u.code, 0, u.stderr);
    const out = parseJson<JsonFile[]>(u.stdout);
    assert.equal(out[0].error, undefined);
    assert.ok(out[0].findings.some((f) => f.code === 'DF036'));
  });

  it('an empty file and a file of only comments are fine', () => {
    const root = tree({ 'a/Dockerfile': '', 'b/Dockerfile': '# nothing\n', 'c/Dockerfile': '\ufeff' });
    const r = runCli(['lint', '-f', 'json', '--fail-level', 'none'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(parseJson<JsonFile[]>(r.stdout).length, 3);
  });
});

describe('dockyard lint: spawned', () => {
  const root = packageRoot();
  const cli = root ? path.join(root, 'dist', 'cli.js') : '';
  it('node dist/cli.js lint works end to end (argument array, no shell)', { skip: !cli || !fs.existsSync(cli) ? 'dist/cli.js not built' : false }, () => {
    const dir = tree({ '.dockyard.yaml': ISOLATE, 'x y/Dockerfile': BAD_DOCKERFILE, 'x y/compose.yaml': 'services: {}\n' });
    const r = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', 'x y'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr);
    const out = parseJson<JsonFile[]>(r.stdout);
    assert.deepEqual(
      out.map((f) => f.file),
      [path.join('x y', 'Dockerfile'), path.join('x y', 'compose.yaml')],
      'the compose file is linted too',
    );
    assert.deepEqual(out[0].findings.map((f) => f.code).sort(), ['DF001', 'DF036']);
    assert.deepEqual(out[1].findings, []);
    assert.equal(r.stderr, '');
    const v = spawnSync(process.execPath, [path.join(root!, 'bin', 'dockyard.js'), '--version'], { encoding: 'utf8' });
    assert.equal(v.status, 0);
    assert.match(v.stdout, /^\d+\.\d+\.\d+/);
  });
});
