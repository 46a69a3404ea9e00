/** The precompiled schema validator (src/compose/schema/generated/validator.ts) matches the schema and ajv in use. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import * as generated from '../../../src/compose/schema/generated/validator';
import { COMPOSE_SCHEMA_INFO } from '../../../src/compose/schema';
import { schemaIssues } from '../../../src/compose/schema/validator';

const root = resolve(__dirname, '..', '..', '..', '..');

describe('precompiled Compose schema validator', () => {
  it('was generated from the vendored schema (sha256) with the installed ajv: run npm run build after changing either', () => {
    const sha = createHash('sha256').update(readFileSync(join(root, 'src', 'compose', 'schema', 'compose-spec.json'))).digest('hex');
    assert.equal(generated.SCHEMA_SHA256, sha);
    assert.equal(generated.SCHEMA_SHA256, COMPOSE_SCHEMA_INFO.sha256);
    const ajv = JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8')) as { version: string };
    assert.equal(generated.AJV_VERSION, ajv.version);
  });

  it('needs no code generation at run time', () => {
    const src = readFileSync(join(root, 'src', 'compose', 'schema', 'generated', 'validator.ts'), 'utf8');
    assert.doesNotMatch(src, /new Function|\beval\(/);
    const validator = readFileSync(join(root, 'src', 'compose', 'schema', 'validator.ts'), 'utf8');
    assert.doesNotMatch(validator, /^import Ajv/m, 'only types from ajv');
  });

  it('has a validator for every oneOf/anyOf branch, and explains a failed choice against the fitting branch', () => {
    for (const name of Object.values(generated.BRANCHES)) assert.equal(typeof (generated as unknown as Record<string, unknown>)[name], 'function', name);
    const issues = schemaIssues({ services: { web: { image: 'x', ports: [{ target: 80, published: [1] }] } } });
    assert.deepEqual(
      issues.map((i) => [i.path.join('.'), i.keyword]),
      [['services.web.ports.0.published', 'type']],
    );
  });
});
