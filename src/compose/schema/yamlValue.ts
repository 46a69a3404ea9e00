/**
 * Turns a `yaml` Document into the plain value compose-go validates (merge
 * keys applied, aliases resolved, `!reset` mapping values removed as compose-go's
 * ResetProcessor does, `!override` values kept as written) and remembers, for every object and array it builds, which
 * YAML nodes each key and item came from, so a JSON-schema instance path can be
 * mapped back to an exact source range. Pure: no `fs`, no `vscode`.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Alias, type Document, type Node as YNode, type Pair } from 'yaml';
import { aliasTargets } from '../anchors';

/** Where one key or item of a built object/array was written. */
export interface SourceEntry {
  /** The key node (absent for sequence items). */
  readonly key?: YNode;
  /** The value node as written at that place (an Alias stays an Alias). */
  readonly value: YNode | null;
}

interface MapSource {
  readonly kind: 'map';
  readonly entries: Map<string, SourceEntry>;
}
interface SeqSource {
  readonly kind: 'seq';
  readonly items: (YNode | null)[];
}

/** The tags compose gives a meaning to. */
export const RESET_TAG = '!reset';
export const OVERRIDE_TAG = '!override';

/** Deeper than this, values are cut off (a guard against pathological input). */
const MAX_DEPTH = 200;

/** The result of a lookup by instance path. */
export interface Located {
  /** Key node of the last path segment, when it names a mapping key. */
  readonly key?: YNode;
  /** Value node written at the path (may be an Alias); undefined for the root of an empty doc. */
  readonly value?: YNode | null;
  /** True when every segment was found (otherwise `key`/`value` belong to the deepest ancestor found). */
  readonly exact: boolean;
}

export class YamlValue {
  /** The plain value, ready for JSON-schema validation. */
  readonly root: unknown;
  private readonly sources = new WeakMap<object, MapSource | SeqSource>();
  private readonly cache = new Map<YNode, unknown>();
  private readonly active = new Set<YNode>();
  /** Alias -> anchored node, resolved in one pass (`Alias.resolve` walks the whole document per call). */
  private targets = new Map<Alias, YNode>();

  /**
   * @param locations record where each key and item came from (needed only to
   * report schema issues: the validator first builds the value without them,
   * and again with them when there is something to report).
   */
  constructor(
    private readonly doc: Document,
    private readonly locations = true,
  ) {
    const contents = doc.contents as YNode | null;
    if (contents) this.targets = aliasTargets(doc);
    this.root = contents ? this.convert(contents, 0) : null;
  }

  private resolveAlias(node: Alias): YNode | null {
    return this.targets.get(node) ?? null;
  }

  get rootNode(): YNode | null {
    return (this.doc.contents as YNode | null) ?? null;
  }

  /** The value at a path of keys/indexes, or undefined. */
  valueAt(path: readonly string[]): unknown {
    let cur: unknown = this.root;
    for (const seg of path) {
      if (cur === null || typeof cur !== 'object') return undefined;
      if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
    return cur;
  }

  /** The keys of the object at `path` (empty when it is not an object). */
  keysAt(path: readonly string[]): string[] {
    const v = this.valueAt(path);
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
  }

  /** Source nodes for a path of keys/indexes. */
  locate(path: readonly string[]): Located {
    let cur: unknown = this.root;
    let key: YNode | undefined;
    let value: YNode | null | undefined = this.rootNode;
    for (const seg of path) {
      const src = cur !== null && typeof cur === 'object' ? this.sources.get(cur) : undefined;
      if (!src) return { key, value, exact: false };
      let entry: SourceEntry | undefined;
      if (src.kind === 'map') entry = src.entries.get(seg);
      else {
        const i = Number(seg);
        if (Number.isInteger(i) && i >= 0 && i < src.items.length) entry = { value: src.items[i] };
      }
      if (!entry) return { key, value, exact: false };
      key = entry.key;
      value = entry.value;
      cur = (cur as Record<string, unknown>)[seg];
    }
    return { key, value, exact: true };
  }

  private convert(node: YNode | Pair | null | undefined, depth: number): unknown {
    if (node === null || node === undefined || depth > MAX_DEPTH) return null;
    if (isAlias(node)) {
      const target = this.resolveAlias(node);
      return target ? this.convert(target, depth + 1) : null;
    }
    if (isScalar(node)) return scalarValue(node);
    if (isPair(node)) {
      // A bare pair inside a flow sequence (`[a: 1]`): a one-entry mapping.
      const obj: Record<string, unknown> = {};
      const entries = new Map<string, SourceEntry>();
      const k = this.keyOf(node.key as YNode | null);
      if (!isReset(node.value as YNode | null)) {
        define(obj, k, this.convert(node.value as YNode | null, depth + 1));
        entries.set(k, { key: (node.key as YNode | null) ?? undefined, value: (node.value as YNode | null) ?? null });
      }
      if (this.locations) this.sources.set(obj, { kind: 'map', entries });
      return obj;
    }
    // Only an anchored node can be reached more than once (through aliases or merge keys)
    // or be part of a cycle: the others need neither the cache nor the cycle guard.
    if (!(node as { anchor?: string }).anchor) return this.convertCollection(node, depth);
    if (this.cache.has(node)) return this.cache.get(node);
    if (this.active.has(node)) return null; // an alias cycle
    this.active.add(node);
    try {
      const out = this.convertCollection(node, depth);
      this.cache.set(node, out);
      return out;
    } finally {
      this.active.delete(node);
    }
  }

  private convertCollection(node: YNode, depth: number): unknown {
    if (isMap(node)) return this.convertMap(node.items as Pair[], depth);
    if (!isSeq(node)) return null;
    const arr: unknown[] = [];
    const items: (YNode | null)[] = [];
    const locations = this.locations;
    for (const it of node.items as (YNode | Pair | null)[]) {
      // compose-go records `!reset` on sequence items but does not remove them.
      arr.push(this.convert(it, depth + 1));
      if (locations) items.push(isPair(it) ? (it.value as YNode | null) ?? (it.key as YNode | null) ?? null : it);
    }
    if (locations) this.sources.set(arr, { kind: 'seq', items });
    return arr;
  }

  private convertMap(pairs: readonly Pair[], depth: number): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    const locations = this.locations;
    const entries = new Map<string, SourceEntry>();
    const merges: (YNode | null)[] = [];
    for (const pair of pairs) {
      const keyNode = (pair.key as YNode | null) ?? null;
      const valueNode = (pair.value as YNode | null) ?? null;
      if (isMergeKey(keyNode)) {
        merges.push(valueNode);
        continue;
      }
      // compose-go drops `!reset` values before validating.
      if (isReset(valueNode)) continue;
      const k = this.keyOf(keyNode);
      define(obj, k, this.convert(valueNode, depth + 1));
      if (locations) entries.set(k, { key: keyNode ?? undefined, value: valueNode });
    }
    // Merge keys: explicit keys win, then earlier sources win over later ones.
    for (const m of merges) {
      for (const src of this.mergeSources(m)) {
        const merged = this.convert(src, depth + 1);
        if (!merged || typeof merged !== 'object' || Array.isArray(merged)) continue;
        const srcInfo = this.sources.get(merged);
        for (const k of Object.keys(merged)) {
          if (Object.prototype.hasOwnProperty.call(obj, k)) continue;
          define(obj, k, (merged as Record<string, unknown>)[k]);
          const e = srcInfo?.kind === 'map' ? srcInfo.entries.get(k) : undefined;
          if (e) entries.set(k, e);
        }
      }
    }
    if (locations) this.sources.set(obj, { kind: 'map', entries });
    return obj;
  }

  /** The mappings a `<<` value stands for: one mapping, an alias, or a sequence of them. */
  private mergeSources(node: YNode | null): YNode[] {
    const target = this.deref(node);
    if (!target) return [];
    if (isSeq(target)) return (target.items as (YNode | null)[]).map((i) => this.deref(i)).filter((i): i is YNode => !!i && isMap(i));
    return isMap(target) ? [target] : [];
  }

  private deref(node: YNode | null | undefined): YNode | null {
    let n = node ?? null;
    for (let i = 0; n && isAlias(n) && i < 50; i++) n = this.resolveAlias(n);
    return n;
  }

  /** Mapping keys as compose-go sees them: always strings. */
  private keyOf(node: YNode | null): string {
    const n = node && isAlias(node) ? this.deref(node) : node;
    if (!n) return 'null';
    return isScalar(n) ? scalarKey(n) : String(n);
  }
}

/** A scalar mapping key as compose-go sees it: a string. */
export function scalarKey(n: Scalar): string {
  const v = n.value;
  if (typeof v === 'symbol') return v.description ?? '';
  return v === null ? 'null' : String(v);
}

export function define(obj: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty only for `__proto__`, so it stays an ordinary key (and objects stay fast).
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

function isReset(node: YNode | null | undefined): boolean {
  return !!node && !isAlias(node) && (node as { tag?: string }).tag === RESET_TAG;
}

export function isMergeKey(node: YNode | null): boolean {
  if (!node || !isScalar(node)) return false;
  const v = node.value;
  if (typeof v === 'symbol') return v.description === '<<';
  return v === '<<' && (!node.type || node.type === Scalar.PLAIN);
}

const CORE_NULL = /^(?:~|null|Null|NULL)?$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_OCT = /^0o[0-7]+$/;
const CORE_HEX = /^0x[0-9a-fA-F]+$/;
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** A scalar's value as compose-go validates it. */
export function scalarValue(node: Scalar): unknown {
  const tag = node.tag;
  let v = node.value as unknown;
  if (typeof v === 'symbol') return v.description ?? '';
  // `!override` (and unknown custom tags registered as plain strings): resolve the
  // text as the YAML 1.2 core schema would, like an untagged scalar.
  if ((tag === OVERRIDE_TAG || tag === RESET_TAG) && typeof v === 'string' && (!node.type || node.type === Scalar.PLAIN)) {
    const s = v;
    if (CORE_NULL.test(s)) return null;
    if (/^(?:true|True|TRUE)$/.test(s)) return true;
    if (/^(?:false|False|FALSE)$/.test(s)) return false;
    if (CORE_INT.test(s)) return Number.parseInt(s, 10);
    if (CORE_OCT.test(s)) return Number.parseInt(s.slice(2), 8);
    if (CORE_HEX.test(s)) return Number.parseInt(s.slice(2), 16);
    if (CORE_FLOAT.test(s)) return Number.parseFloat(s);
    return s;
  }
  if (typeof v === 'bigint') v = Number(v);
  if (v instanceof Date) return node.source ?? v.toISOString();
  if (v !== null && typeof v === 'object') return String(v); // e.g. !!binary buffers
  return v;
}
