/**
 * CM001: validation of a compose file against the Compose Specification JSON
 * schema (vendored in `compose-spec.json`, see docs/compose-schema.md), with
 * ajv's errors mapped to exact YAML ranges; and YAML syntax problems as
 * findings. Works directly on a `yaml` Document. Pure: no `fs`, no `vscode`.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLParseError, YAMLSeq, type Document, type DocumentOptions, type Node as YNode, type ParseOptions, type SchemaOptions, type Tags } from 'yaml';
import { closest, LineIndex, type Range } from '../../util/text';
import { fastPlainValue } from '../fastYaml';
import type { Finding, Fix } from '../../dockerfile/types';
import { jsonType, knownKeys, schemaIssues, type JsonType, type SchemaIssue } from './validator';
import { OVERRIDE_TAG, RESET_TAG, YamlValue } from './yamlValue';

export { compiledSchema, schemaCompileMs } from './validator';
export { YamlValue } from './yamlValue';

export const SCHEMA_CODE = 'CM001';
/** YAML syntax errors and warnings (rule CM000, `yaml-syntax`). */
export const YAML_SYNTAX_CODE = 'CM000';

/** Where the vendored schema comes from (details and update steps: docs/compose-schema.md). */
export const COMPOSE_SCHEMA_INFO = {
  spec: 'Compose Specification (compose-spec/compose-spec, schema/compose-spec.json)',
  draft: 'draft-07',
  /** The copy shipped in the npm package dclint@3.1.0 (`schemas/compose.schema.json`), byte for byte. */
  obtainedFrom: 'npm: dclint@3.1.0 schemas/compose.schema.json',
  sha256: '46b7d35f19dd93a05f8fea530291bf84d881c1791ec167ecf0e6fb94e639d496',
  license: 'Apache-2.0',
} as const;

/** Compose's `!reset` / `!override` tags, on scalars, mappings and sequences. */
export const COMPOSE_YAML_TAGS: Tags = [
  { tag: RESET_TAG, resolve: (v: string) => v },
  { tag: RESET_TAG, collection: 'map', nodeClass: YAMLMap, resolve: (v: unknown) => v as YAMLMap },
  { tag: RESET_TAG, collection: 'seq', nodeClass: YAMLSeq, resolve: (v: unknown) => v as YAMLSeq },
  { tag: OVERRIDE_TAG, resolve: (v: string) => v },
  { tag: OVERRIDE_TAG, collection: 'map', nodeClass: YAMLMap, resolve: (v: unknown) => v as YAMLMap },
  { tag: OVERRIDE_TAG, collection: 'seq', nodeClass: YAMLSeq, resolve: (v: unknown) => v as YAMLSeq },
] as Tags;

/** Parse options matching compose-go: YAML 1.2 core, merge keys, compose tags, unique keys. */
export const COMPOSE_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  merge: true,
  customTags: COMPOSE_YAML_TAGS,
  prettyErrors: false,
  uniqueKeys: true,
  strict: false,
};

/** Parses compose YAML with {@link COMPOSE_YAML_OPTIONS}; never throws. */
export function parseComposeDocument(text: string): Document {
  try {
    return parseDocument(text, COMPOSE_YAML_OPTIONS);
  } catch (e) {
    // Not expected (`yaml` reports problems in `doc.errors`), but never throw: an empty
    // document carrying the failure as an error, so callers still report something.
    const doc = parseDocument('', COMPOSE_YAML_OPTIONS);
    doc.errors.push(new YAMLParseError([0, 0], 'IMPOSSIBLE', `YAML parser failure: ${(e as Error)?.message ?? String(e)}`));
    return doc;
  }
}

export interface SchemaValidationOptions {
  /** Rethrow internal errors instead of returning no findings (tests). */
  readonly rethrow?: boolean;
}

/**
 * CM001 findings for one compose document. Returns nothing when the YAML has
 * syntax errors (report those with {@link yamlSyntaxFindings}) or is empty.
 * Never throws (unless `rethrow`).
 */
export function validateComposeSchema(doc: Document, lines: LineIndex, options: SchemaValidationOptions = {}): Finding[] {
  try {
    if (doc.errors.some((e) => !IGNORED_YAML_ERRORS.has(e.code))) return [];
    if (!doc.contents || (isScalar(doc.contents) && doc.contents.value === null)) return [];
    // Most files are valid: validate the plain value first, and record where each key came
    // from (a second conversion) only when there is an issue to place.
    // The fast reader builds that value while reading; other documents are converted here.
    const fast = fastPlainValue(doc);
    const issues = schemaIssues(fast ? fast.value : new YamlValue(doc, false).root);
    if (!issues.length) return [];
    return toFindings(issues, new YamlValue(doc), lines);
  } catch (e) {
    if (options.rethrow) throw e;
    return [];
  }
}

/**
 * `parseDocument` flags a file with several `---` documents, which compose-go
 * accepts (it merges them): not a problem of the file. Callers that want every
 * document checked pass each document of `parseAllDocuments` separately.
 */
const IGNORED_YAML_ERRORS = new Set(['MULTIPLE_DOCS']);

/** YAML syntax errors (severity error) and warnings of a parsed document. Never throws. */
export function yamlSyntaxFindings(doc: Document, lines: LineIndex): Finding[] {
  const out: Finding[] = [];
  try {
    const add = (list: readonly { code: string; message: string; pos: [number, number] }[], severity: 'error' | 'warning') => {
      for (const e of list) {
        if (IGNORED_YAML_ERRORS.has(e.code)) continue;
        const [start, widened] = widen(e.pos[0], e.pos[1], lines);
        const end = e.code === 'DUPLICATE_KEY' ? Math.max(widened, keyTokenEnd(lines.text, start)) : widened;
        out.push({ code: YAML_SYNTAX_CODE, severity, message: cleanYamlMessage(e.message), range: lines.rangeOf(start, end), fixes: [] });
      }
    };
    add(doc.errors, 'error');
    add(doc.warnings, 'warning');
  } catch {
    /* never throw */
  }
  return out;
}

function cleanYamlMessage(m: string): string {
  const first = (m.split(/\r?\n/)[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '').trim();
  return first ? first[0].toUpperCase() + first.slice(1) : 'YAML syntax error';
}

/** End of a plain or quoted mapping key starting at `start` (before its `:`), on the same line. */
function keyTokenEnd(text: string, start: number): number {
  const q = text[start];
  if (q === '"' || q === "'") {
    const close = text.indexOf(q, start + 1);
    const eol = text.slice(start).search(/[\r\n]/);
    return close > 0 && (eol < 0 || close < start + eol) ? close + 1 : start;
  }
  let i = start;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r' && !(text[i] === ':' && /[\s]|$/.test(text[i + 1] ?? ''))) i++;
  while (i > start && /\s/.test(text[i - 1])) i--;
  return i;
}

/** A zero-width range becomes one character when the text allows it. */
function widen(start: number, end: number, lines: LineIndex): [number, number] {
  const len = lines.text.length;
  let s = Math.max(0, Math.min(start, len));
  let e = Math.max(s, Math.min(end, len));
  if (e === s) {
    if (s < len && lines.text[s] !== '\n' && lines.text[s] !== '\r') e = s + 1;
    else if (s > 0 && lines.text[s - 1] !== '\n' && lines.text[s - 1] !== '\r') s = s - 1;
  }
  return [s, e];
}

// ---------------------------------------------------------------------------
// issues -> findings

/** Keywords that judge a value (so an interpolated `${VAR}` string cannot be judged statically). */
const VALUE_KEYWORDS = new Set(['type', 'enum', 'pattern', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'format', 'oneOf', 'anyOf']);

/** `${VAR}`, `${VAR:-default}` or `$VAR` (`$$` is a literal dollar). */
export function isInterpolated(v: unknown): boolean {
  return typeof v === 'string' && /\$(?:\{|[A-Za-z_])/.test(v.replace(/\$\$/g, ''));
}

function toFindings(issues: readonly SchemaIssue[], value: YamlValue, lines: LineIndex): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const f = toFinding(issue, value, lines);
    if (!f) continue;
    const id = `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${issue.keyword}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(f);
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return out;
}

function toFinding(issue: SchemaIssue, value: YamlValue, lines: LineIndex): Finding | undefined {
  const { path, keyword } = issue;
  const data = value.valueAt(path);
  const where = label(path, value);

  if (VALUE_KEYWORDS.has(keyword) && isInterpolated(data)) {
    // compose-go interpolates (and casts numbers/booleans) before validating.
    if (keyword !== 'type') return undefined;
    const expected = expectedTypes(issue);
    if (expected.some((t) => t !== 'object' && t !== 'array')) return undefined;
  }

  const fixes: Fix[] = [];
  let message: string;
  let range: Range;

  switch (keyword) {
    case 'additionalProperties': {
      const key = String(issue.params.additionalProperty);
      const loc = value.locate([...path, key]);
      range = loc.exact && loc.key ? nodeRange(loc.key, lines) : valueRange(value, path, lines);
      const known = knownKeys(issue.parentSchema);
      if (!known.length && issue.parentSchema?.patternProperties) {
        const pattern = Object.keys(issue.parentSchema.patternProperties).find((p) => p !== '^x-') ?? '';
        message = `'${key}' is not a valid name in ${where}: it must match ${pattern}`;
        break;
      }
      const present = new Set(value.keysAt(path));
      const suggestion = closest(key, known.filter((k) => !present.has(k)), suggestionBudget(key));
      message = path.length ? `Unknown key '${key}' in ${where}` : `Unknown top-level key '${key}'`;
      if (suggestion) {
        message += ` (did you mean '${suggestion}'?)`;
        if (loc.exact && loc.key && isScalar(loc.key)) {
          fixes.push({ title: `Rename '${key}' to '${suggestion}'`, edits: [{ range, newText: quoteLike(loc.key, suggestion) }], preferred: true });
        }
      }
      break;
    }
    case 'type': {
      const expected = expectedTypes(issue);
      range = valueRange(value, path, lines);
      message = `${capital(where)} must be ${describeTypes(expected)}, not ${describeValue(data)}`;
      break;
    }
    case 'enum': {
      const allowed = ((issue.params.allowedValues as unknown[]) ?? []).map((v) => String(v));
      range = valueRange(value, path, lines);
      message = `${capital(where)}: ${shortValue(data)} is not one of ${allowed.join(', ')}`;
      const loc = value.locate(path);
      if (typeof data === 'string' && loc.exact && loc.value && isScalar(loc.value) && !isAlias(loc.value)) {
        const suggestion = closest(data, allowed, suggestionBudget(data));
        if (suggestion) {
          message += ` (did you mean '${suggestion}'?)`;
          fixes.push({ title: `Change to '${suggestion}'`, edits: [{ range: nodeRange(loc.value, lines), newText: quoteLike(loc.value, suggestion) }] });
        }
      }
      break;
    }
    case 'required': {
      const missing = String(issue.params.missingProperty);
      const loc = value.locate(path);
      range = loc.exact && loc.key ? nodeRange(loc.key, lines) : valueRange(value, path, lines);
      message = `${capital(where)} is missing the required key '${missing}'`;
      break;
    }
    case 'uniqueItems': {
      const i = Number(issue.params.i);
      const j = Number(issue.params.j);
      const later = String(Math.max(i, j));
      const item = value.valueAt([...path, later]);
      range = valueRange(value, [...path, later], lines);
      message = `${capital(where)} has a duplicate item ${shortValue(item)}`;
      break;
    }
    case 'pattern':
      range = valueRange(value, path, lines);
      message = `${capital(where)}: ${shortValue(data)} does not match the pattern ${String(issue.params.pattern)}`;
      break;
    case 'oneOf':
    case 'anyOf':
      range = valueRange(value, path, lines);
      message = (issue.params as { passingSchemas?: unknown }).passingSchemas ? `${capital(where)} is ambiguous: it matches more than one allowed form` : `${capital(where)} does not match any allowed form`;
      break;
    default:
      range = valueRange(value, path, lines);
      message = `${capital(where)} ${issue.ajvMessage}${data !== undefined && (data === null || typeof data !== 'object') ? ` (got ${describeValue(data)})` : ''}`;
  }
  return { code: SCHEMA_CODE, severity: 'error', message, range, fixes };
}

function expectedTypes(issue: SchemaIssue): JsonType[] {
  if (issue.expected) return [...issue.expected];
  const t = issue.params.type;
  if (Array.isArray(t)) return t as JsonType[];
  return String(t ?? '')
    .split(',')
    .filter(Boolean) as JsonType[];
}

const TYPE_NAMES: Record<JsonType, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'a boolean',
  null: 'empty',
};

function describeTypes(types: readonly JsonType[]): string {
  const set = new Set(types);
  if (set.has('number')) set.delete('integer');
  const order: JsonType[] = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];
  const names = order.filter((t) => set.has(t)).map((t) => TYPE_NAMES[t]);
  if (names.length <= 1) return names[0] ?? 'something else';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function describeValue(v: unknown): string {
  const t = jsonType(v);
  if (t === 'object' || t === 'array' || t === 'null') return TYPE_NAMES[t];
  let s = typeof v === 'string' ? v : String(v);
  if (s.length > 40) s = s.slice(0, 37) + '...';
  return t === 'string' ? `the string '${s}'` : `the ${t === 'integer' ? 'number' : t} ${s}`;
}

/** A scalar as `'text'` / `42` / `true`; collections by kind. */
function shortValue(v: unknown): string {
  const t = jsonType(v);
  if (t === 'object' || t === 'array' || t === 'null') return TYPE_NAMES[t];
  let s = String(v);
  if (s.length > 40) s = s.slice(0, 37) + '...';
  return t === 'string' ? `'${s}'` : s;
}

/** Paths stay as written; only the file itself gets a capital. */
function capital(s: string): string {
  return s === 'the file' ? 'The file' : s;
}

/** Edit budget for did-you-mean: a transposition (`imgae`) costs 2, so allow 2 from 5 letters on. */
function suggestionBudget(word: string): number | undefined {
  return word.length >= 5 ? Math.max(2, Math.floor(word.length / 3)) : undefined;
}

/** `services.web.ports[0]`; `the file` for the root. */
function label(path: readonly string[], value: YamlValue): string {
  if (!path.length) return 'the file';
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const parent = value.valueAt(path.slice(0, i));
    const seg = path[i];
    if (Array.isArray(parent)) out += `[${seg}]`;
    else out += (out ? '.' : '') + (/^[A-Za-z0-9_-]+$/.test(seg) ? seg : `'${seg}'`);
  }
  return out;
}

function quoteLike(node: YNode, text: string): string {
  if (isScalar(node)) {
    if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(text);
    if (node.type === Scalar.QUOTE_SINGLE) return `'${text.replace(/'/g, "''")}'`;
  }
  return text;
}

function nodeRange(node: YNode, lines: LineIndex): Range {
  const r = node.range;
  if (!r) return lines.rangeOf(0, 0);
  const s = r[0];
  let e = r[1];
  while (e > s && /\s/.test(lines.text[e - 1] ?? '')) e--;
  return lines.rangeOf(s, e);
}

/**
 * The range of the value at `path`: the value itself when it is on one line;
 * its key when the value is empty or spans lines (a block mapping or list);
 * the first line of the value otherwise.
 */
function valueRange(value: YamlValue, path: readonly string[], lines: LineIndex): Range {
  const loc = value.locate(path);
  const node = loc.value;
  if (!node || !node.range) return loc.key ? nodeRange(loc.key, lines) : lines.rangeOf(0, 0);
  // A block mapping or list under a key: point at the key, not at the whole block.
  if (loc.key && (isMap(node) || isSeq(node)) && !node.flow) return nodeRange(loc.key, lines);
  const r = nodeRange(node, lines);
  const empty = r.start.line === r.end.line && r.start.character === r.end.character;
  if (!empty && r.start.line === r.end.line) return r;
  if (loc.key) return nodeRange(loc.key, lines);
  if (empty) return r;
  const endOfLine = lines.lineEndOffset(r.start.line);
  const start = lines.offsetAt(r.start);
  let end = endOfLine;
  while (end > start && /\s/.test(lines.text[end - 1] ?? '')) end--;
  return lines.rangeOf(start, end);
}
