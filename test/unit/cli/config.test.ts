/** `dockyard config`: file selection, environment, options, output formats, problems and exit codes, and the corpus against `toCanonical`. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { parseArgs } from '../../../src/cli/args';
import { runMain } from '../../../src/cli/cli';
import { configDocument } from '../../../src/cli/config';
import { loadProjectFromDisk } from '../../../src/compose/load';
import { parseJson, tree, type CliRun } from './cliHelpers';

async function config(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runMain(['config', ...args], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, env, isTTY: false });
  return { code, stdout, stderr };
}

type Obj = Record<string, unknown>;
const services = (doc: unknown): Obj => (doc as { services: Obj }).services;

const BASE = 'services:\n  web:\n    image: "nginx:${TAG}"\n    ports: ["${PORT:-80}:80"]\n    environment:\n      GREETING: $$HOME\n  db:\n    image: postgres:16\n    profiles: [debug]\n    volumes: [data:/var/lib/postgresql/data]\nvolumes:\n  data:\n';
const OVERRIDE = 'services:\n  web:\n    depends_on: [api]\n  api:\n    build: ./api\n';

describe('dockyard config', () => {
  it('default files (compose.yaml + override), .env interpolation, YAML like docker compose config', async () => {
    const root = tree({ 'app/compose.yaml': BASE, 'app/compose.override.yaml': OVERRIDE, 'app/.env': 'TAG=1.27\n' });
    const r = await config([], path.join(root, 'app'));
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    const doc = parseYaml(r.stdout) as Obj;
    assert.equal(doc.name, 'app');
    assert.deepEqual(Object.keys(services(doc)), ['api', 'web'], 'sorted; db is in an inactive profile');
    const web = services(doc).web as Obj;
    assert.equal(web.image, 'nginx:1.27');
    assert.deepEqual(web.ports, [{ mode: 'ingress', target: 80, published: '80', protocol: 'tcp' }]);
    assert.deepEqual(web.environment, { GREETING: '$$HOME' }, '$ is escaped as compose prints it');
    assert.deepEqual(Object.keys(web.depends_on as Obj), ['api']);
    assert.equal(((services(doc).api as Obj).build as Obj).context, path.join(root, 'app', 'api').split(path.sep).join('/'));
    assert.deepEqual(doc.networks, { default: { name: 'app_default' } });
    assert.deepEqual(doc.volumes, { data: { name: 'app_data' } });
  });

  it('the environment wins over .env; COMPOSE_FILE, COMPOSE_PROFILES and COMPOSE_PROJECT_NAME apply', async () => {
    const root = tree({ 'base.yml': BASE, '.env': 'TAG=from-dotenv\nCOMPOSE_FILE=base.yml\n' });
    const r = await config(['--format', 'json'], root, { TAG: 'from-env', COMPOSE_PROFILES: 'debug', COMPOSE_PROJECT_NAME: 'demo' });
    assert.equal(r.code, 0, r.stderr);
    const doc = parseJson<Obj>(r.stdout);
    assert.equal(doc.name, 'demo');
    assert.equal((services(doc).web as Obj).image, 'nginx:from-env');
    assert.deepEqual(Object.keys(services(doc)), ['db', 'web']);
  });

  it('-f (repeatable), positional files, -p, --profile, --env-file, --project-directory', async () => {
    const root = tree({ 'a.yml': BASE, 'b.yml': OVERRIDE, 'vars.env': 'TAG=7\nPORT=8080\n', 'proj/.keep': '' });
    const r = await config(['-f', 'a.yml', 'b.yml', '-p', 'named', '--profile', 'debug', '--env-file', 'vars.env', '--project-directory', 'proj', '--format=json'], root);
    assert.equal(r.code, 0, r.stderr);
    const doc = parseJson<Obj>(r.stdout);
    assert.equal(doc.name, 'named');
    assert.deepEqual(Object.keys(services(doc)), ['api', 'db', 'web']);
    const web = services(doc).web as Obj;
    assert.equal(web.image, 'nginx:7');
    assert.equal((web.ports as Obj[])[0].published, '8080');
    assert.match(String(((services(doc).api as Obj).build as Obj).context), /\/proj\/api$/, 'relative paths resolve against the project directory');
  });

  it('--services and --volumes list names, one per line', async () => {
    const root = tree({ 'compose.yaml': BASE, 'compose.override.yaml': OVERRIDE });
    const s = await config(['--services'], root, { TAG: 'x' });
    assert.equal(s.code, 0, s.stderr);
    assert.equal(s.stdout, 'api\nweb\n');
    const all = await config(['--services', '--profile', '*'], root, { TAG: 'x' });
    assert.equal(all.stdout, 'api\ndb\nweb\n');
    const v = await config(['--volumes'], root, { TAG: 'x' });
    assert.equal(v.stdout, 'data\n');
  });

  it('an unset variable is a warning with its position; the project still prints (exit 0)', async () => {
    const root = tree({ 'compose.yaml': BASE });
    const r = await config([], root);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^compose\.yaml:3:19: warning: The "TAG" variable is not set\. Defaulting to a blank string\.$/m);
    assert.equal((services(parseYaml(r.stdout)).web as Obj).image, 'nginx:');
  });

  it('schema errors fail like docker compose config: file:line:col on stderr, nothing on stdout, exit 1', async () => {
    const root = tree({ 'compose.yaml': 'services:\n  web:\n    imgae: nginx\n    ports: "80"\n' });
    const r = await config([], root);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      "compose.yaml:3:5: error: Unknown key 'imgae' in services.web (did you mean 'image'?)\ncompose.yaml:4:12: error: services.web.ports must be a list, not the string '80'\n",
    );
  });

  it('YAML syntax errors, missing files and folders without a compose file are errors (exit 1), never a stack trace', async () => {
    const root = tree({ 'broken.yml': 'services:\n  web:\n    image: a\n   bad: [\n', 'empty/.keep': '' });
    const syntax = await config(['-f', 'broken.yml'], root);
    assert.equal(syntax.code, 1);
    assert.match(syntax.stderr, /^broken\.yml:4:1: error: YAML: /m);
    assert.doesNotMatch(syntax.stderr, /must be a mapping/, 'no follow-up complaints from a partial tree');
    const missing = await config(['-f', 'nope.yml'], root);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /error: Cannot read compose file .*nope\.yml/);
    const none = await config([], path.join(root, 'empty'));
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no configuration file provided/);
    for (const x of [syntax, missing, none]) {
      assert.equal(x.stdout, '');
      assert.doesNotMatch(x.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('-o writes the output atomically; -q prints nothing; an unwritable output is exit 2', async () => {
    const root = tree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n' });
    const w = await config(['-o', 'resolved.yaml'], root);
    assert.equal(w.code, 0, w.stderr);
    assert.equal(w.stdout, '');
    assert.equal((services(parseYaml(fs.readFileSync(path.join(root, 'resolved.yaml'), 'utf8'))).web as Obj).image, 'nginx');
    assert.deepEqual(fs.readdirSync(root).filter((f) => f.includes('dockyard-tmp')), []);
    const q = await config(['-q'], root);
    assert.deepEqual([q.code, q.stdout, q.stderr], [0, '', '']);
    const bad = await config(['--output', path.join(root, 'no', 'such', 'dir', 'x.yaml')], root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /cannot write .*x\.yaml/);
  });

  it('usage errors are exit 2; -f means --file for config and --format for lint', async () => {
    const root = tree({ 'compose.yaml': 'services:\n  web:\n    image: nginx\n' });
    for (const args of [['--format', 'xml'], ['--fix'], ['--services', '--volumes'], ['-f'], ['-f', '-']]) {
      const r = await config(args, root);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^dockyard: /);
    }
    assert.deepEqual(parseArgs(['config', '-f', 'a.yml', '--file=b.yml', 'c.yml']), { command: 'config', files: ['a.yml', 'b.yml', 'c.yml'], envFiles: [], format: 'yaml', quiet: false });
    assert.equal((parseArgs(['-f', 'json', 'lint']) as { format?: string }).format, 'json');
    assert.equal(parseArgs(['lint', '-f', 'json', 'config']).command, 'lint', '"config" after lint is a path');
  });
});

// ---------------------------------------------------------------------------
// The corpus: the CLI prints what the oracle compares with docker-compose.

const repo = path.resolve(__dirname, '..', '..', '..', '..');
const corpus = path.join(process.env.DOCKYARD_CORPUS ?? path.resolve(repo, '..', 'shared', 'corpus'), 'compose');
const CORPUS_FILES = [
  'dockersamples__example-voting-app__docker-compose.yml',
  'deviantony__docker-elk__docker-compose.yml',
  'minio__minio__docs__orchestration__docker-compose__docker-compose.yaml',
  'temporalio__docker-compose__docker-compose.yml',
  'appwrite__appwrite__docker-compose.yml',
  'jitsi__docker-jitsi-meet__docker-compose.yml',
  'wodby__docker4drupal__compose.yml',
  'mailcow__mailcow-dockerized__docker-compose.yml',
];

describe('dockyard config on corpus files', () => {
  it('prints toCanonical(loadProject) ($ escaped), in JSON and in YAML', async () => {
    assert.ok(fs.existsSync(corpus), `compose corpus not found at ${corpus} (set DOCKYARD_CORPUS)`);
    for (const name of CORPUS_FILES) {
      const root = tree({ [name]: fs.readFileSync(path.join(corpus, name)) });
      const expected = configDocument(await loadProjectFromDisk({ files: [path.join(root, name)], workingDir: root, env: {} }));
      const json = await config(['--format', 'json', '-f', name], root);
      assert.equal(json.code, 0, `${name}: ${json.stderr}`);
      assert.deepEqual(JSON.parse(json.stdout), expected, name);
      const yaml = await config(['-f', name], root);
      assert.deepEqual(parseYaml(yaml.stdout, { version: '1.2' }), expected, `${name} (YAML)`);
    }
  });
});
