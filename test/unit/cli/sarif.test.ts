/**
 * SARIF 2.1.0 output, checked against the spec's required properties and
 * value constraints for every object we emit (OASIS SARIF 2.1.0, §3; the
 * JSON schema's `required`, `enum`, `minimum` and `additionalProperties`),
 * written out here so the test needs no network.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { helpFromDoc, toSarif, type SarifLog } from '../../../src/cli/format/sarif';
import { COMPOSE_RULES } from '../../../src/compose/catalog';
import { ALL_RULES } from '../../../src/dockerfile/rules';
import type { Finding } from '../../../src/dockerfile/types';
import { BAD_DOCKERFILE, onlyRulesConfig, parseJson, runCli, tree } from './cliHelpers';

type Obj = Record<string, unknown>;

class SarifChecker {
  readonly errors: string[] = [];
  private fail(where: string, msg: string): void {
    this.errors.push(`${where}: ${msg}`);
  }
  private obj(v: unknown, where: string, required: string[], allowed: string[]): v is Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(where, 'must be an object');
      return false;
    }
    for (const k of required) if (!(k in v)) this.fail(where, `missing required property "${k}"`);
    for (const k of Object.keys(v)) if (![...required, ...allowed, 'properties'].includes(k)) this.fail(where, `property "${k}" is not defined by SARIF 2.1.0 here`);
    return true;
  }
  private int(v: unknown, where: string, min: number): void {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) this.fail(where, `must be an integer >= ${min}, got ${String(v)}`);
  }
  private str(v: unknown, where: string): void {
    if (typeof v !== 'string') this.fail(where, 'must be a string');
  }
  private arr(v: unknown, where: string, minItems = 0): v is unknown[] {
    if (!Array.isArray(v)) {
      this.fail(where, 'must be an array');
      return false;
    }
    if (v.length < minItems) this.fail(where, `must have at least ${minItems} item(s)`);
    return true;
  }
  private message(v: unknown, where: string): void {
    // message: anyOf required text | id
    if (this.obj(v, where, [], ['text', 'markdown', 'id', 'arguments'])) {
      if (!('text' in v) && !('id' in v)) this.fail(where, 'needs text or id');
      if ('text' in v) this.str(v.text, `${where}.text`);
    }
  }
  private mfString(v: unknown, where: string): void {
    // multiformatMessageString: required text
    if (this.obj(v, where, ['text'], ['markdown'])) this.str(v.text, `${where}.text`);
  }
  private level(v: unknown, where: string): void {
    if (!['none', 'note', 'warning', 'error'].includes(v as string)) this.fail(where, `bad level ${String(v)}`);
  }
  private region(v: unknown, where: string): void {
    if (!this.obj(v, where, [], ['startLine', 'startColumn', 'endLine', 'endColumn', 'charOffset', 'charLength', 'byteOffset', 'byteLength', 'snippet', 'message', 'sourceLanguage'])) return;
    this.int(v.startLine, `${where}.startLine`, 1);
    if ('startColumn' in v) this.int(v.startColumn, `${where}.startColumn`, 1);
    if ('endLine' in v) {
      this.int(v.endLine, `${where}.endLine`, 1);
      if ((v.endLine as number) < (v.startLine as number)) this.fail(where, 'endLine < startLine');
    }
    if ('endColumn' in v) {
      this.int(v.endColumn, `${where}.endColumn`, 1);
      if (v.endLine === v.startLine && (v.endColumn as number) < (v.startColumn as number)) this.fail(where, 'endColumn < startColumn on one line');
    }
  }
  private artifactLocation(v: unknown, where: string, baseIds: Obj): void {
    if (!this.obj(v, where, [], ['uri', 'uriBaseId', 'index', 'description'])) return;
    this.str(v.uri, `${where}.uri`);
    const uri = v.uri as string;
    if (uri.includes('\\')) this.fail(where, `uri has backslashes: ${uri}`);
    if ('uriBaseId' in v) {
      if (/^[a-z]+:/i.test(uri)) this.fail(where, 'absolute uri with a uriBaseId');
      if (!((v.uriBaseId as string) in baseIds)) this.fail(where, `uriBaseId ${String(v.uriBaseId)} not in originalUriBaseIds`);
    } else if (!/^file:\/\//.test(uri)) this.fail(where, `relative uri without uriBaseId: ${uri}`);
  }
  private physicalLocation(v: unknown, where: string, baseIds: Obj, regionRequired: boolean): void {
    if (!this.obj(v, where, [], ['artifactLocation', 'region', 'contextRegion', 'address'])) return;
    if (!('artifactLocation' in v) && !('address' in v)) this.fail(where, 'needs artifactLocation or address');
    this.artifactLocation(v.artifactLocation, `${where}.artifactLocation`, baseIds);
    if ('region' in v) this.region(v.region, `${where}.region`);
    else if (regionRequired) this.fail(where, 'results need a region');
  }
  private notification(v: unknown, where: string, baseIds: Obj): void {
    if (!this.obj(v, where, ['message'], ['level', 'locations', 'descriptor', 'associatedRule', 'exception', 'timeUtc', 'threadId'])) return;
    this.message(v.message, `${where}.message`);
    if ('level' in v) this.level(v.level, `${where}.level`);
    if ('locations' in v && this.arr(v.locations, `${where}.locations`)) {
      v.locations.forEach((l, i) => {
        if (this.obj(l, `${where}.locations[${i}]`, [], ['physicalLocation'])) this.physicalLocation(l.physicalLocation, `${where}.locations[${i}].physicalLocation`, baseIds, false);
      });
    }
  }

  check(log: unknown): string[] {
    if (!this.obj(log, 'sarifLog', ['version', 'runs'], ['$schema', 'inlineExternalProperties'])) return this.errors;
    if (log.version !== '2.1.0') this.fail('sarifLog.version', 'must be "2.1.0"');
    if (!this.arr(log.runs, 'sarifLog.runs')) return this.errors;
    log.runs.forEach((run, ri) => {
      const w = `runs[${ri}]`;
      if (!this.obj(run, w, ['tool'], ['invocations', 'originalUriBaseIds', 'columnKind', 'results', 'artifacts'])) return;
      if ('columnKind' in run && !['utf16CodeUnits', 'unicodeCodePoints'].includes(run.columnKind as string)) this.fail(`${w}.columnKind`, 'bad value');
      const baseIds = (run.originalUriBaseIds ?? {}) as Obj;
      for (const [k, b] of Object.entries(baseIds)) {
        if (this.obj(b, `${w}.originalUriBaseIds.${k}`, [], ['uri', 'uriBaseId', 'index', 'description'])) {
          if (!/\/$/.test(String(b.uri))) this.fail(`${w}.originalUriBaseIds.${k}.uri`, 'must end with a slash');
        }
      }
      const rules: Obj[] = [];
      if (this.obj(run.tool, `${w}.tool`, ['driver'], ['extensions'])) {
        const d = run.tool.driver;
        if (this.obj(d, `${w}.tool.driver`, ['name'], ['version', 'semanticVersion', 'informationUri', 'rules', 'fullName', 'organization'])) {
          this.str(d.name, `${w}.tool.driver.name`);
          if ('informationUri' in d && !/^https?:\/\//.test(String(d.informationUri))) this.fail(`${w}.tool.driver.informationUri`, 'must be an absolute URI');
          if ('rules' in d && this.arr(d.rules, `${w}.tool.driver.rules`)) {
            const ids = new Set<string>();
            d.rules.forEach((r, i) => {
              const rw = `${w}.tool.driver.rules[${i}]`;
              if (!this.obj(r, rw, ['id'], ['name', 'shortDescription', 'fullDescription', 'defaultConfiguration', 'help', 'helpUri', 'messageStrings', 'guid', 'deprecatedIds', 'relationships'])) return;
              rules.push(r);
              this.str(r.id, `${rw}.id`);
              if (ids.has(r.id as string)) this.fail(rw, `duplicate rule id ${String(r.id)}`);
              ids.add(r.id as string);
              if ('shortDescription' in r) this.mfString(r.shortDescription, `${rw}.shortDescription`);
              if ('help' in r) this.mfString(r.help, `${rw}.help`);
              if ('defaultConfiguration' in r && this.obj(r.defaultConfiguration, `${rw}.defaultConfiguration`, [], ['enabled', 'level', 'rank', 'parameters'])) {
                const dc = r.defaultConfiguration;
                if ('level' in dc) this.level(dc.level, `${rw}.defaultConfiguration.level`);
                if ('enabled' in dc && typeof dc.enabled !== 'boolean') this.fail(`${rw}.defaultConfiguration.enabled`, 'must be boolean');
              }
            });
          }
        }
      }
      if ('invocations' in run && this.arr(run.invocations, `${w}.invocations`)) {
        run.invocations.forEach((inv, i) => {
          const iw = `${w}.invocations[${i}]`;
          if (!this.obj(inv, iw, ['executionSuccessful'], ['toolExecutionNotifications', 'toolConfigurationNotifications', 'exitCode', 'commandLine'])) return;
          if (typeof inv.executionSuccessful !== 'boolean') this.fail(`${iw}.executionSuccessful`, 'must be boolean');
          for (const k of ['toolExecutionNotifications', 'toolConfigurationNotifications']) {
            if (k in inv && this.arr(inv[k], `${iw}.${k}`)) (inv[k] as unknown[]).forEach((n, j) => this.notification(n, `${iw}.${k}[${j}]`, baseIds));
          }
        });
      }
      if ('results' in run && this.arr(run.results, `${w}.results`)) {
        run.results.forEach((res, i) => {
          const rw = `${w}.results[${i}]`;
          if (!this.obj(res, rw, ['message'], ['ruleId', 'ruleIndex', 'level', 'locations', 'fixes', 'kind', 'rule', 'partialFingerprints', 'fingerprints'])) return;
          this.message(res.message, `${rw}.message`);
          if ('level' in res) this.level(res.level, `${rw}.level`);
          if ('ruleIndex' in res) {
            this.int(res.ruleIndex, `${rw}.ruleIndex`, 0);
            const r = rules[res.ruleIndex as number];
            if (!r || r.id !== res.ruleId) this.fail(rw, `ruleIndex ${String(res.ruleIndex)} does not point at rule ${String(res.ruleId)}`);
          }
          if (this.arr(res.locations, `${rw}.locations`, 1)) {
            res.locations.forEach((l, j) => {
              if (this.obj(l, `${rw}.locations[${j}]`, [], ['physicalLocation', 'message', 'id', 'logicalLocations'])) this.physicalLocation(l.physicalLocation, `${rw}.locations[${j}].physicalLocation`, baseIds, true);
            });
          }
          if ('fixes' in res && this.arr(res.fixes, `${rw}.fixes`)) {
            res.fixes.forEach((fx, j) => {
              const fw = `${rw}.fixes[${j}]`;
              if (!this.obj(fx, fw, ['artifactChanges'], ['description'])) return;
              if ('description' in fx) this.message(fx.description, `${fw}.description`);
              if (!this.arr(fx.artifactChanges, `${fw}.artifactChanges`, 1)) return;
              fx.artifactChanges.forEach((ac, k) => {
                const aw = `${fw}.artifactChanges[${k}]`;
                if (!this.obj(ac, aw, ['artifactLocation', 'replacements'], [])) return;
                this.artifactLocation(ac.artifactLocation, `${aw}.artifactLocation`, baseIds);
                if (!this.arr(ac.replacements, `${aw}.replacements`, 1)) return;
                ac.replacements.forEach((rp, m) => {
                  const pw = `${aw}.replacements[${m}]`;
                  if (!this.obj(rp, pw, ['deletedRegion'], ['insertedContent'])) return;
                  this.region(rp.deletedRegion, `${pw}.deletedRegion`);
                  if ('insertedContent' in rp && this.obj(rp.insertedContent, `${pw}.insertedContent`, [], ['text', 'binary', 'rendered'])) {
                    if (!('text' in rp.insertedContent) && !('binary' in rp.insertedContent)) this.fail(pw, 'insertedContent needs text or binary');
                  }
                });
              });
            });
          }
        });
      }
    });
    return this.errors;
  }
}

function validateSarif(log: unknown): void {
  const errors = new SarifChecker().check(log);
  assert.deepEqual(errors, [], errors.join('\n'));
}

describe('SARIF output', () => {
  const ISOLATE = onlyRulesConfig(['DF001', 'DF036']);

  it('is valid SARIF 2.1.0 with rules, results, regions and fixes', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE, 'app/Dockerfile': BAD_DOCKERFILE });
    const r = runCli(['lint', '--format', 'sarif'], root);
    assert.equal(r.code, 1, r.stderr);
    const log = parseJson<SarifLog>(r.stdout);
    validateSarif(log);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'dockyard');
    assert.deepEqual(
      run.tool.driver.rules.map((x) => x.id),
      [...ALL_RULES, ...COMPOSE_RULES].map((x) => x.code),
    );
    const maint = run.results.find((x) => x.ruleId === 'DF036')!;
    assert.equal(maint.level, 'warning');
    assert.deepEqual(maint.locations[0].physicalLocation.artifactLocation, { uri: 'app/Dockerfile', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(maint.locations[0].physicalLocation.region, { startLine: 2, startColumn: 1, endLine: 2, endColumn: 11 });
    assert.equal(maint.fixes?.length, 1);
    assert.equal(maint.fixes![0].artifactChanges[0].artifactLocation.uri, 'app/Dockerfile');
    const unknown = run.results.find((x) => x.ruleId === 'DF001')!;
    assert.equal(unknown.level, 'error');
    // Help text comes from docs/rules/<CODE>.md when it is there.
    const df036 = run.tool.driver.rules.find((x) => x.id === 'DF036')!;
    assert.match(df036.help?.markdown ?? '', /^# DF036/);
    assert.ok(df036.help!.text.length > 10);
    assert.equal(df036.defaultConfiguration.level, 'warning');
  });

  it('reports unreadable files as execution notifications and is still valid', () => {
    const root = tree({ '.dockyard.yaml': ISOLATE + 'bogus: 1\n', Dockerfile: Buffer.from([1, 0, 2]) });
    const r = runCli(['lint', '-f', 'sarif', '.', 'nope'], root);
    assert.equal(r.code, 2);
    const log = parseJson<SarifLog>(r.stdout);
    validateSarif(log);
    const inv = log.runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.ok(inv.toolExecutionNotifications.some((n) => /binary/.test(n.message.text)));
    assert.ok(inv.toolExecutionNotifications.some((n) => /nope/.test(n.message.text)));
    assert.ok(inv.toolConfigurationNotifications.some((n) => /bogus/.test(n.message.text)));
    assert.deepEqual(log.runs[0].results, []);
  });

  it('maps severities, off rules, files outside the cwd and Fix.files', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } };
    const findings: Finding[] = [
      { code: 'T1', severity: 'info', message: 'i', range, fixes: [] },
      { code: 'T2', severity: 'style', message: 's', range, fixes: [] },
      {
        code: 'T3',
        severity: 'warning',
        message: 'w',
        range,
        fixes: [
          { title: 'not preferred', edits: [{ range, newText: 'x' }] },
          {
            title: 'add .dockerignore',
            preferred: true,
            edits: [],
            files: [
              { path: '/outside/ctx/.dockerignore', create: '.git\n' },
              { path: '/outside/ctx/existing', edits: [{ range, newText: 'y' }] },
            ],
          },
        ],
      },
    ];
    const log = toSarif([{ file: '../outside/ctx/Dockerfile', absPath: '/outside/ctx/Dockerfile', kind: 'dockerfile', findings }], {
      cwd: '/work/repo',
      toolVersion: '1.2.3',
      rules: [
        { code: 'T1', name: 't-one', title: 'One', defaultSeverity: 'info', fix: 'no' },
        { code: 'T2', name: 't-two', title: 'Two', defaultSeverity: 'off', fix: 'no' },
        { code: 'T3', name: 't-three', title: 'Three', defaultSeverity: 'warning', fix: 'yes' },
      ],
      exists: (p) => p === '/outside/ctx/existing',
    });
    validateSarif(log);
    const run = log.runs[0];
    assert.deepEqual(
      run.results.map((r) => r.level),
      ['note', 'note', 'warning'],
    );
    assert.deepEqual(run.tool.driver.rules[1].defaultConfiguration, { enabled: false, level: 'warning' });
    if (path.sep === '/') {
      assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'file:///outside/ctx/Dockerfile');
      const changes = run.results[2].fixes![0].artifactChanges;
      assert.deepEqual(
        changes.map((c) => c.artifactLocation.uri),
        ['file:///outside/ctx/.dockerignore', 'file:///outside/ctx/existing'],
      );
      assert.deepEqual(changes[0].replacements[0], { deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, insertedContent: { text: '.git\n' } });
    }
    assert.equal(run.results[0].fixes, undefined);
  });

  it('help text falls back to the title without a doc', () => {
    assert.deepEqual(helpFromDoc('Title', undefined), { text: 'Title' });
    const h = helpFromDoc('T', '# X\n\n## What it detects\nA `thing`.\n\n## Why it matters\nBecause.\n\n## Bad\n```\nx\n```\n');
    assert.equal(h.text, 'A thing.\n\nBecause.');
  });

  it('`dockyard rules --format sarif` is a valid log with every rule and no results', () => {
    const r = runCli(['rules', '--format', 'sarif'], tree({}));
    const log = parseJson<SarifLog>(r.stdout);
    validateSarif(log);
    assert.equal(log.runs[0].tool.driver.rules.length, ALL_RULES.length + COMPOSE_RULES.length);
  });
});
