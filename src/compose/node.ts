/**
 * A ranged value tree: the YAML of a compose file with anchors, aliases and
 * merge keys resolved, every node keeping the file and exact source range it
 * came from. Interpolation, `extends`, `include` and merging work on this
 * tree; the typed model is read from it last. Pure: no `fs`, no `vscode`.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, YAMLMap, YAMLSeq, type Alias, type Document, type Node as YNode, type Tags } from 'yaml';
import { LineIndex, type Range } from '../util/text';
import { aliasTargets } from './anchors';
import { fastParseYaml } from './fastYaml';
import type { ComposeProblem } from './model';

/** Compose's custom tags on a value: `!reset` removes it, `!override` replaces without merging. */
export type ComposeTag = '!reset' | '!override';

interface CBase {
  /** Path of the file the node was read from. */
  file: string;
  /** 0-based LSP range of the value in `file`. */
  range: Range;
  tag?: ComposeTag;
}
export interface CScalar extends CBase {
  kind: 'scalar';
  /** The value as YAML 1.2 (core schema) resolves it, like compose-go. */
  value: string | number | boolean | null;
  /** Source text of a plain (unquoted) scalar, for YAML 1.1 checks; undefined when quoted or block. */
  plain?: string;
  /**
   * When the string value maps 1:1 onto one source line (plain, or quoted
   * without escapes): the column offset of its first character from
   * `range.start` (0 plain, 1 quoted). Lets interpolation point at `${VAR}`.
   */
  exact?: number;
}
export interface CEntry {
  key: string;
  keyRange: Range;
  value: CNode;
}
export interface CMap extends CBase {
  kind: 'map';
  entries: CEntry[];
}
export interface CSeq extends CBase {
  kind: 'seq';
  items: CNode[];
}
export type CNode = CScalar | CMap | CSeq;

export const COMPOSE_TAGS: Tags = [
  { tag: '!reset', resolve: (v: string) => v },
  { tag: '!reset', collection: 'map', nodeClass: YAMLMap, resolve: (v: unknown) => v as YAMLMap },
  { tag: '!reset', collection: 'seq', nodeClass: YAMLSeq, resolve: (v: unknown) => v as YAMLSeq },
  { tag: '!override', resolve: (v: string) => v },
  { tag: '!override', collection: 'map', nodeClass: YAMLMap, resolve: (v: unknown) => v as YAMLMap },
  { tag: '!override', collection: 'seq', nodeClass: YAMLSeq, resolve: (v: unknown) => v as YAMLSeq },
] as Tags;

export interface ParsedYaml {
  doc: Document;
  lines: LineIndex;
  root: CNode | undefined;
  problems: ComposeProblem[];
}

/** Parses YAML text; never throws. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineIndex(text);
  const problems: ComposeProblem[] = [];
  let doc: Document;
  try {
    const options = { merge: true, customTags: COMPOSE_TAGS, prettyErrors: false, uniqueKeys: true, strict: false };
    // The fast path builds the same Document for the common subset, or declines.
    doc = fastParseYaml(text, options) ?? parseDocument(text, options);
  } catch (e) {
    doc = parseDocument('');
    problems.push({ code: 'yaml', severity: 'error', message: `YAML: ${(e as Error).message}`, file, range: lines.rangeOf(0, 0) });
    return { doc, lines, root: undefined, problems };
  }
  for (const err of doc.errors) {
    problems.push({ code: 'yaml', severity: 'error', message: `YAML: ${firstLine(err.message)}`, file, range: lines.rangeOf(err.pos[0], err.pos[1]) });
  }
  for (const w of doc.warnings) {
    problems.push({ code: 'yaml', severity: 'warning', message: `YAML: ${firstLine(w.message)}`, file, range: lines.rangeOf(w.pos[0], w.pos[1]) });
  }
  const root = treeFromDocument(doc, lines, file, problems);
  return { doc, lines, root, problems };
}

/**
 * The ranged tree of an already parsed document (the linter parses once and
 * shares the document between schema validation and the rules). Problems of
 * the conversion (unknown alias, bad merge key) go to `problems`; never throws.
 */
export function treeFromDocument(doc: Document, lines: LineIndex, file: string, problems: ComposeProblem[]): CNode | undefined {
  try {
    return doc.contents ? convert(doc.contents as YNode, aliasTargets(doc), lines, file, problems, 0) : undefined;
  } catch (e) {
    problems.push({ code: 'yaml', severity: 'error', message: `YAML: ${(e as Error).message}`, file, range: lines.rangeOf(0, 0) });
    return undefined;
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

function nodeRange(n: YNode | null | undefined, lines: LineIndex): Range {
  const r = n?.range;
  return r ? lines.rangeOf(r[0], r[1]) : lines.rangeOf(0, 0);
}

function tagOf(n: YNode): ComposeTag | undefined {
  return n.tag === '!reset' || n.tag === '!override' ? n.tag : undefined;
}

function keyString(k: unknown): string {
  if (isScalar(k)) return k.value === null || k.value === undefined ? 'null' : String(k.value);
  if (k === null || k === undefined) return 'null';
  return String(k);
}

const MAX_DEPTH = 200;

function convert(n: YNode, aliases: Map<Alias, YNode>, lines: LineIndex, file: string, problems: ComposeProblem[], depth: number): CNode {
  if (depth > MAX_DEPTH) throw new Error('document nested too deeply (alias loop?)');
  if (isAlias(n)) {
    const target = aliases.get(n);
    if (!target) {
      problems.push({ code: 'yaml', severity: 'error', message: `Unknown alias *${n.source}`, file, range: nodeRange(n, lines) });
      return { kind: 'scalar', value: null, file, range: nodeRange(n, lines) };
    }
    return convert(target as YNode, aliases, lines, file, problems, depth + 1);
  }
  const range = nodeRange(n, lines);
  const tag = tagOf(n);
  if (isMap(n)) {
    const entries: CEntry[] = [];
    const merged: CEntry[] = [];
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const k = pair.key as YNode | null;
      const isMerge = isScalar(k) && (typeof k.value === 'symbol' || (k.value === '<<' && k.type === 'PLAIN'));
      if (isMerge) {
        const v = pair.value as YNode | null;
        const sources = isSeq(v) ? v.items : [v];
        for (const s of sources) {
          const c = s ? convert(s as YNode, aliases, lines, file, problems, depth + 1) : undefined;
          if (c?.kind === 'map') {
            for (const e of c.entries) if (!merged.some((m) => m.key === e.key)) merged.push(e);
          } else {
            problems.push({ code: 'yaml', severity: 'error', message: 'Merge key `<<` needs a mapping or a list of mappings', file, range: nodeRange(v, lines) });
          }
        }
        continue;
      }
      const key = keyString(k);
      const value: CNode = pair.value
        ? convert(pair.value as YNode, aliases, lines, file, problems, depth + 1)
        : { kind: 'scalar', value: null, file, range: nodeRange(k, lines) };
      const i = entries.findIndex((e) => e.key === key);
      const entry = { key, keyRange: nodeRange(k, lines), value };
      if (i >= 0) entries[i] = entry;
      else entries.push(entry);
    }
    // Explicit keys win over merged ones.
    for (const m of merged) if (!entries.some((e) => e.key === m.key)) entries.push(m);
    return { kind: 'map', entries, file, range, tag };
  }
  if (isSeq(n)) {
    const items = n.items.map((it) =>
      it ? convert(it as YNode, aliases, lines, file, problems, depth + 1) : ({ kind: 'scalar', value: null, file, range } as CScalar),
    );
    return { kind: 'seq', items, file, range, tag };
  }
  if (isScalar(n)) {
    let value = n.value as unknown;
    if (typeof value === 'bigint') value = Number(value);
    if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') value = String(value);
    if (tag) value = n.source ?? (typeof value === 'string' ? value : value);
    const plain = n.type === 'PLAIN' && typeof n.source === 'string' ? n.source : undefined;
    if (plain !== undefined && !tag) {
      const g = goYamlInt(plain);
      if (g !== undefined) value = g;
    }
    let exact: number | undefined;
    if (typeof value === 'string' && n.range && range.start.line === range.end.line) {
      const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
      const inner = lines.text.slice(n.range[0] + (quoted ? 1 : 0), n.range[1] - (quoted ? 1 : 0));
      if ((quoted || n.type === 'PLAIN') && inner === value) exact = quoted ? 1 : 0;
    }
    return { kind: 'scalar', value: value as CScalar['value'], plain, exact, file, range, tag };
  }
  return { kind: 'scalar', value: null, file, range, tag };
}

/**
 * go-yaml v3 (compose-go's parser) reads plain integers with Go's
 * `strconv.ParseInt(s, 0, 64)` after dropping `_`: `0777` is octal (511),
 * `0b101` binary, `1_000` is 1000; `08` falls through to a float (8). The
 * YAML 1.2 core schema of `yaml` would read `0777` as 777. Returns undefined
 * when the core schema already agrees.
 */
export function goYamlInt(src: string): number | undefined {
  const m = /^([-+]?)(0[0-7_]+|0[bB][01_]+|0[oO][0-7_]+|[0-9][0-9_]*_[0-9_]*|0[0-9]+)$/.exec(src);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const body = m[2].replace(/_/g, '');
  let v: number;
  if (/^0[bB]/.test(body)) v = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2), 8);
  else if (/^0[0-7]+$/.test(body)) v = parseInt(body, 8);
  else v = Number(body);
  return Number.isFinite(v) ? sign * v : undefined;
}

// ---------- helpers over the tree ----------

export function get(n: CNode | undefined, key: string): CNode | undefined {
  if (n?.kind !== 'map') return undefined;
  for (const e of n.entries) if (e.key === key) return e.value;
  return undefined;
}
export function entry(n: CNode | undefined, key: string): CEntry | undefined {
  if (n?.kind !== 'map') return undefined;
  return n.entries.find((e) => e.key === key);
}
export function scalarString(n: CNode | undefined): string | undefined {
  if (n?.kind !== 'scalar' || n.value === null) return undefined;
  return String(n.value);
}
export function isNull(n: CNode | undefined): boolean {
  return !n || (n.kind === 'scalar' && n.value === null);
}
export function mkScalar(value: CScalar['value'], like: CBase): CScalar {
  return { kind: 'scalar', value, file: like.file, range: like.range };
}
export function mkMap(entries: CEntry[], like: CBase): CMap {
  return { kind: 'map', entries, file: like.file, range: like.range };
}

/** Plain JS value of a node (tags dropped). */
export function toJS(n: CNode | undefined): unknown {
  if (!n) return undefined;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(toJS);
  const o: Record<string, unknown> = {};
  for (const e of n.entries) o[e.key] = toJS(e.value);
  return o;
}

/** Deep copy with a transform on scalars. */
export function mapScalars(n: CNode, f: (s: CScalar, path: string[]) => CNode, path: string[] = []): CNode {
  if (n.kind === 'scalar') return f(n, path);
  if (n.kind === 'seq') return { ...n, items: n.items.map((it) => mapScalars(it, f, [...path, '[]'])) };
  return { ...n, entries: n.entries.map((e) => ({ ...e, value: mapScalars(e.value, f, [...path, e.key]) })) };
}
