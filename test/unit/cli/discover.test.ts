import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { classifyExplicitFile, classifyFile, discover } from '../../../src/cli/discover';
import { createExcludeMatcher } from '../../../src/config/configFile';
import { getLinter, registerLinter, unregisterLinter } from '../../../src/cli/linters';
import { CLEAN_DOCKERFILE, runCli, tree } from './cliHelpers';

describe('classifyFile', () => {
  const dockerfiles = [
    'Dockerfile',
    'dockerfile',
    'Dockerfile.dev',
    'Dockerfile.windows',
    'api.Dockerfile',
    'base.dockerfile',
    'Containerfile',
    'Containerfile.in',
    'x.containerfile',
  ];
  const compose = ['compose.yaml', 'compose.yml', 'compose.override.yaml', 'docker-compose.yml', 'docker-compose.prod.yaml', 'compose-dev.yml'];
  const neither = [
    'Dockerfile.dockerignore',
    'app.Dockerfile.dockerignore',
    '.dockerignore',
    'Dockerfile_debug',
    'MyDockerfile',
    'README.md',
    'compose.json',
    'my-compose.yml',
    'docker-compose',
    '.dockerfile',
  ];
  for (const n of dockerfiles) it(`${n} is a Dockerfile`, () => assert.equal(classifyFile(n), 'dockerfile'));
  for (const n of compose) it(`${n} is a Compose file`, () => assert.equal(classifyFile(n), 'compose'));
  for (const n of neither) it(`${n} is neither`, () => assert.equal(classifyFile(n), undefined));
  it('explicit files are Dockerfiles unless named like Compose files or YAML', () => {
    assert.equal(classifyExplicitFile('whatever.txt'), 'dockerfile');
    assert.equal(classifyExplicitFile('Dockerfile.yml'), 'dockerfile');
    assert.equal(classifyExplicitFile('docker-compose.yml'), 'compose');
    assert.equal(classifyExplicitFile('prod.stack.YAML'), 'compose');
  });
});

describe('discover', () => {
  const files = {
    Dockerfile: CLEAN_DOCKERFILE,
    'README.md': '# hi',
    'compose.yaml': 'services: {}\n',
    'svc/api/Dockerfile.prod': CLEAN_DOCKERFILE,
    'svc/web.Dockerfile': CLEAN_DOCKERFILE,
    'node_modules/pkg/Dockerfile': CLEAN_DOCKERFILE,
    '.git/Dockerfile': CLEAN_DOCKERFILE,
    'vendor/lib/Dockerfile': CLEAN_DOCKERFILE,
    'images/Containerfile': CLEAN_DOCKERFILE,
    'odd-name.txt': CLEAN_DOCKERFILE,
  };

  it('walks directories for Dockerfiles and Compose files, skipping node_modules and .git, in a stable order', () => {
    const root = tree(files);
    const d = discover(['.'], { cwd: root });
    assert.deepEqual(d.problems, []);
    assert.deepEqual(
      d.files.map((f) => [f.display, f.kind, f.explicit]),
      [
        ['Dockerfile', 'dockerfile', false],
        ['compose.yaml', 'compose', false],
        [path.join('images', 'Containerfile'), 'dockerfile', false],
        [path.join('svc', 'web.Dockerfile'), 'dockerfile', false],
        [path.join('svc', 'api', 'Dockerfile.prod'), 'dockerfile', false],
        [path.join('vendor', 'lib', 'Dockerfile'), 'dockerfile', false],
      ],
    );
    for (const f of d.files) assert.ok(path.isAbsolute(f.absPath));
  });

  it('applies exclude patterns to walked paths only', () => {
    const root = tree(files);
    const isExcluded = createExcludeMatcher({ baseDir: root, exclude: ['vendor/**', '*.prod'] });
    const d = discover(['.', 'vendor/lib/Dockerfile'], { cwd: root, isExcluded });
    const shown = d.files.map((f) => f.display);
    assert.ok(!shown.includes(path.join('svc', 'api', 'Dockerfile.prod')));
    // Named explicitly: linted even though excluded.
    assert.ok(shown.includes('vendor/lib/Dockerfile'));
  });

  it('excludes from .dockyard.yaml in the CLI', () => {
    const root = tree({ ...files, '.dockyard.yaml': 'exclude: ["vendor/", "svc/**"]\n' });
    const r = runCli(['lint', '-f', 'json', '--fail-level', 'none'], root);
    const out = JSON.parse(r.stdout) as { file: string }[];
    assert.deepEqual(
      out.map((f) => f.file),
      ['Dockerfile', 'compose.yaml', path.join('images', 'Containerfile')],
    );
  });

  it('lints explicit files whatever their name, once', () => {
    const root = tree(files);
    const d = discover(['odd-name.txt', './odd-name.txt', 'Dockerfile', '.'], { cwd: root });
    assert.equal(d.files[0].display, 'odd-name.txt');
    assert.equal(d.files[0].kind, 'dockerfile');
    assert.equal(d.files.filter((f) => f.absPath === path.join(root, 'odd-name.txt')).length, 1);
    assert.equal(d.files.filter((f) => f.absPath === path.join(root, 'Dockerfile')).length, 1);
  });

  it('reports missing paths and keeps going', () => {
    const root = tree(files);
    const d = discover(['missing', 'Dockerfile', 'also/missing/'], { cwd: root });
    assert.deepEqual(
      d.problems.map((p) => p.path),
      ['missing', 'also/missing/'],
    );
    assert.equal(d.files.length, 1);
  });

  it('does not follow directory symlinks (no loops)', () => {
    const root = tree({ 'a/Dockerfile': CLEAN_DOCKERFILE });
    try {
      fs.symlinkSync(root, path.join(root, 'a', 'loop'), 'dir');
    } catch {
      return; // no symlinks on this platform
    }
    const d = discover(['.'], { cwd: root });
    assert.equal(d.files.length, 1);
  });

  it('lints walked and explicitly named Compose files', () => {
    const root = tree({ 'compose.yaml': 'services: {}\n', 'docker-compose.yml': 'services: {}\n' });
    const walked = runCli(['lint', '-f', 'json'], root);
    assert.equal(walked.code, 0, walked.stderr);
    assert.equal(walked.stderr, '');
    assert.deepEqual(
      (JSON.parse(walked.stdout) as { file: string }[]).map((f) => f.file),
      ['compose.yaml', 'docker-compose.yml'],
    );
    const named = runCli(['lint', 'compose.yaml'], root);
    assert.equal(named.code, 0);
    assert.equal(named.stderr, '');
    assert.doesNotMatch(named.stdout + named.stderr, /not available/);
  });

  it('lints Compose files through the registry (a registered linter replaces the built-in one)', () => {
    const root = tree({ 'compose.yaml': 'services: {}\n' });
    const builtIn = getLinter('compose');
    assert.ok(builtIn, 'the Compose linter is registered');
    assert.deepEqual(
      builtIn.rules.slice(0, 2).map((r) => r.code),
      ['CM000', 'CM001'],
    );
    registerLinter({
      kind: 'compose',
      label: 'Compose',
      rules: [{ code: 'CM999', name: 'fake', title: 'Fake', defaultSeverity: 'warning', fix: 'no' }],
      lint: () => ({
        findings: [{ code: 'CM999', severity: 'warning', message: 'fake finding', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } }, fixes: [] }],
        errors: [],
      }),
    });
    try {
      const r = runCli(['lint', '-f', 'json'], root);
      assert.equal(r.code, 0);
      const out = JSON.parse(r.stdout) as { file: string; findings: { code: string }[] }[];
      assert.deepEqual(out, [{ file: 'compose.yaml', findings: [{ code: 'CM999', severity: 'warning', message: 'fake finding', line: 1, column: 1, endLine: 1, endColumn: 9, fixable: false }] }]);
      assert.match(runCli(['rules'], root).stdout, /CM999/);
    } finally {
      registerLinter(builtIn);
    }
    // Without a linter for a kind, its files are skipped silently.
    unregisterLinter('compose');
    try {
      const r = runCli(['lint', 'compose.yaml'], root);
      assert.equal(r.code, 0);
      assert.equal(r.stderr, '');
    } finally {
      registerLinter(builtIn);
    }
  });
});
