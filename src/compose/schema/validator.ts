/**
 * The Compose Specification JSON schema, compiled ahead of time with ajv's
 * standalone code generation (draft-07; `generated/validator.ts`, made by
 * scripts/gen-compose-validator.mjs: no code is generated at run time), and the
 * logic that turns ajv's raw errors into one issue per location: a failed
 * `oneOf` is resolved by picking the branch whose type fits the value and
 * explaining the value against that branch only, instead of listing every
 * branch's complaint. Pure: no `fs`, no `vscode`.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import composeSpec from './compose-spec.json';

type Generated = typeof import('./generated/validator');
let generatedModule: Generated | undefined;
/**
 * The generated validators (~450 KB of code), loaded on the first validation
 * rather than when the extension starts: workspaces without compose files
 * never evaluate them.
 */
function generated(): Generated {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (generatedModule ??= require('./generated/validator') as Generated);
}

/** JSON types as JSON schema names them, plus `integer`. */
export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

/** One problem at one instance path, after oneOf/anyOf collapsing. */
export interface SchemaIssue {
  /** Keys/indexes from the document root. */
  readonly path: readonly string[];
  /** The ajv keyword (`additionalProperties`, `type`, `enum`, `required`, ...). */
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** ajv's own message, used for keywords without a dedicated wording. */
  readonly ajvMessage: string;
  /** The schema object that holds the failing keyword. */
  readonly parentSchema?: SchemaNode;
  /** For `type` issues: the types that would have been accepted. */
  readonly expected?: readonly JsonType[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SchemaNode = Record<string, any>;

/** The root schema without `$schema` (ajv knows draft-07 as http://…#, the file says https://…). */
const ROOT: SchemaNode = (() => {
  const { $schema: _ignored, ...rest } = composeSpec as SchemaNode;
  return rest;
})();

interface State {
  readonly validate: ValidateFunction;
  /** oneOf/anyOf arrays of ROOT -> their JSON pointer. */
  readonly pointers: WeakMap<object, string>;
  /** The same by content: the generated code's errors carry its own copies of the schema objects. */
  readonly pointersByJson: Map<string, string>;
  readonly compileMs: number;
}
let state: State | undefined;

/** The precompiled validator and the schema's pointer index (built once per process, a few ms). */
export function compiledSchema(): State {
  if (state) return state;
  const t0 = Date.now();
  const pointers = new WeakMap<object, string>();
  const pointersByJson = new Map<string, string>();
  indexPointers(ROOT, '', pointers, pointersByJson);
  state = { validate: generated().root as unknown as ValidateFunction, pointers, pointersByJson, compileMs: Date.now() - t0 };
  return state;
}

/** The JSON pointer of a oneOf/anyOf array (from ROOT or from the generated code's copy of it). */
function pointerOf(s: State, branches: unknown[]): string | undefined {
  return s.pointers.get(branches) ?? s.pointersByJson.get(JSON.stringify(branches));
}

/** How long the one-time compilation took, or undefined before it ran. */
export function schemaCompileMs(): number | undefined {
  return state?.compileMs;
}

/** Validates a plain value; returns collapsed issues (empty when valid). */
export function schemaIssues(data: unknown): SchemaIssue[] {
  const s = compiledSchema();
  return explain(s.validate, data, [], 0);
}

/** The `properties` names a schema object defines (for did-you-mean), following `$ref`. */
export function knownKeys(schema: SchemaNode | undefined): string[] {
  const s = deref(schema);
  return s && s.properties && typeof s.properties === 'object' ? Object.keys(s.properties) : [];
}

export function jsonType(v: unknown): JsonType {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return Number.isInteger(v) ? 'integer' : 'number';
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}

function explain(validate: ValidateFunction, data: unknown, base: readonly string[], depth: number): SchemaIssue[] {
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).slice();
  return collapse(errors, data, base, depth);
}

function collapse(errors: readonly ErrorObject[], data: unknown, base: readonly string[], depth: number): SchemaIssue[] {
  const parsed = errors.map((e) => ({ e, path: parsePointer(e.instancePath) }));
  const choices = parsed.filter((p) => isChoice(p.e)).sort((a, b) => a.path.length - b.path.length);
  const handled: string[][] = [];
  const out: SchemaIssue[] = [];
  for (const c of choices) {
    if (handled.some((h) => isPrefix(h, c.path))) continue;
    handled.push(c.path);
    out.push(...resolveChoice(c.e, valueAt(data, c.path), [...base, ...c.path], depth));
  }
  for (const p of parsed) {
    if (isChoice(p.e) || handled.some((h) => isPrefix(h, p.path))) continue;
    out.push({
      path: [...base, ...p.path],
      keyword: p.e.keyword,
      params: p.e.params,
      ajvMessage: p.e.message ?? 'is invalid',
      parentSchema: p.e.parentSchema as SchemaNode | undefined,
    });
  }
  return out;
}

function isChoice(e: ErrorObject): boolean {
  return e.keyword === 'oneOf' || e.keyword === 'anyOf';
}

/** A failed oneOf/anyOf: explain the value against the branch that fits it best. */
function resolveChoice(e: ErrorObject, value: unknown, path: string[], depth: number): SchemaIssue[] {
  const branches = Array.isArray(e.schema) ? (e.schema as SchemaNode[]) : [];
  const generic: SchemaIssue = { path, keyword: e.keyword, params: e.params, ajvMessage: e.message ?? 'is invalid', parentSchema: e.parentSchema as SchemaNode };
  if ((e.params as { passingSchemas?: unknown }).passingSchemas) return [generic];
  const t = jsonType(value);
  const typed = branches.map((b) => typesOf(b, 0));
  const candidates = branches.map((_, i) => i).filter((i) => accepts(typed[i], t));
  if (!candidates.length) {
    const expected = new Set<JsonType>();
    for (const ts of typed) if (ts) for (const x of ts) expected.add(x);
    return [{ path, keyword: 'type', params: { type: [...expected].join(',') }, ajvMessage: e.message ?? '', parentSchema: e.parentSchema as SchemaNode, expected: [...expected] }];
  }
  const s = compiledSchema();
  const ptr = pointerOf(s, branches);
  if (ptr === undefined || depth > 32) return [generic];
  let best: SchemaIssue[] | undefined;
  for (const i of candidates) {
    const v = branchValidator(`${ptr}/${i}`);
    if (!v) continue;
    const issues = explain(v, value, path, depth + 1);
    if (!best || issues.length < best.length) best = issues;
    if (best.length === 1) break;
  }
  return best && best.length ? best : [generic];
}

function branchValidator(pointer: string): ValidateFunction | null {
  const g = generated();
  const name = g.BRANCHES[pointer];
  const v = name ? (g as unknown as Record<string, ValidateFunction | undefined>)[name] : undefined;
  return v ?? null;
}

function accepts(types: Set<JsonType> | null, t: JsonType): boolean {
  if (!types) return true;
  return types.has(t) || (t === 'integer' && types.has('number'));
}

/** The JSON types a schema can accept (null = anything). */
function typesOf(schema: unknown, depth: number): Set<JsonType> | null {
  const s = deref(schema as SchemaNode);
  if (!s || typeof s !== 'object' || depth > 10) return null;
  if (s.type) return new Set((Array.isArray(s.type) ? s.type : [s.type]) as JsonType[]);
  const alts = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (Array.isArray(alts)) {
    const out = new Set<JsonType>();
    for (const a of alts) {
      const ts = typesOf(a, depth + 1);
      if (!ts) return null;
      for (const x of ts) out.add(x);
    }
    return out;
  }
  if (Array.isArray(s.enum)) return new Set(s.enum.map((v: unknown) => jsonType(v)));
  if (s.properties || s.patternProperties || s.additionalProperties !== undefined || s.required) return new Set(['object']);
  if (s.items) return new Set(['array']);
  return null;
}

/** Follows a local `$ref` (`#/definitions/x`). */
function deref(schema: SchemaNode | undefined): SchemaNode | undefined {
  let s = schema;
  for (let i = 0; s && typeof s.$ref === 'string' && i < 10; i++) {
    const ref = s.$ref as string;
    if (!ref.startsWith('#')) return s;
    let cur: unknown = ROOT;
    for (const seg of parsePointer(ref.slice(1), true)) {
      cur = cur && typeof cur === 'object' ? (cur as SchemaNode)[seg] : undefined;
    }
    s = cur as SchemaNode | undefined;
  }
  return s;
}

function indexPointers(node: unknown, ptr: string, out: WeakMap<object, string>, byJson: Map<string, string>): void {
  if (!node || typeof node !== 'object' || out.has(node)) return;
  out.set(node, ptr);
  if (Array.isArray(node)) {
    if (/\/(?:oneOf|anyOf)$/.test(ptr)) {
      const key = JSON.stringify(node);
      if (!byJson.has(key)) byJson.set(key, ptr);
    }
    node.forEach((v, i) => indexPointers(v, `${ptr}/${i}`, out, byJson));
  } else for (const [k, v] of Object.entries(node)) indexPointers(v, `${ptr}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out, byJson);
}

/** JSON pointer (`/a/b~1c`) to segments; `uri`: the pointer is a URI fragment (percent-encoded). */
export function parsePointer(p: string, uri = false): string[] {
  if (!p) return [];
  return p
    .split('/')
    .slice(1)
    .map((s) => {
      let seg = s;
      if (uri && seg.includes('%')) {
        try {
          seg = decodeURIComponent(seg);
        } catch {
          /* keep as is */
        }
      }
      return seg.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== path[i]) return false;
  return true;
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
