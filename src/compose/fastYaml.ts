/**
 * A fast path for the YAML that compose files are made of: one document,
 * block mappings and sequences, single-line plain and quoted scalars,
 * single-line flow collections of scalars, anchors, aliases, merge keys and
 * compose's `!reset` / `!override` tags. It builds the same `yaml` Document
 * the library would (same node classes, `range` triples, scalar `type`,
 * `source`, resolved `value` through the document's own schema tags,
 * `anchor`, `tag`, `flow`; no errors or warnings), about ten times faster.
 * Comments are not kept (nothing reads them).
 *
 * Anything it does not reproduce exactly makes it decline (return
 * undefined) and the caller uses `yaml`'s own parser: directives, `---`,
 * several documents, block scalars, multi-line plain or quoted scalars,
 * complex keys, other tags, tabs, CR, empty sequence items, anything that
 * would be a YAML error or warning. The equivalence with `yaml` is checked by
 * test/unit/compose/fastYaml.test.ts. Pure: no `fs`, no `vscode`.
 */
import { Alias, Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type Node as YNode, type ParseOptions, type SchemaOptions } from 'yaml';
import { recordAliasTargets } from './anchors';
import { define, isMergeKey, RESET_TAG, scalarKey, scalarValue } from './schema/yamlValue';

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** Thrown to decline; caught in {@link fastParseYaml}. */
class Decline extends Error {}
const DECLINE = new Decline('decline');
function decline(): never {
  throw DECLINE;
}

interface TagLike {
  tag: string;
  default?: boolean | 'key';
  test?: RegExp;
  collection?: string;
  format?: string;
  resolve: (value: string, onError: (msg: string) => void, options: unknown) => unknown;
}

/** Trailing blank and comment lines after the last value of a collection, waiting to be placed. */
interface Pending {
  /** Indentation of each comment line. */
  comments: number[];
  /** Offset where the trailing lines end (the next content, or the end of the text). */
  end: number;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

const NAME = /^[A-Za-z0-9_.-]+$/;

/** The value of an anchor whose node is still being read (an alias to it is a cycle). */
const PENDING = Symbol('pending');
/**
 * Deeper indentation than this and the plain value is left to `YamlValue`, whose depth
 * cut-off (200 levels) such a file could reach.
 */
const MAX_VALUE_INDENT = 60;

/**
 * The plain value read along with a Document, and the contents it was read from, kept on
 * the Document under a symbol (a WeakMap holding the value tree made the garbage collector's
 * work on it, ephemerons, cost more than the conversion it saves).
 */
const PLAIN = Symbol('plainValue');
interface WithPlain {
  [PLAIN]?: { contents: unknown; value: unknown };
}

/**
 * The value `new YamlValue(doc, false).root` gives (what the schema validator
 * checks), when the fast path built `doc` and could build it while reading
 * (test/unit/compose/fastYaml.test.ts checks they are identical).
 */
export function fastPlainValue(doc: Document): { value: unknown } | undefined {
  const hit = (doc as WithPlain)[PLAIN];
  return hit && hit.contents === doc.contents ? hit : undefined;
}

/** Merge keys applied as `YamlValue` does: explicit keys win, then earlier sources over later ones. */
function applyMerges(obj: Record<string, unknown>, merges: readonly unknown[]): void {
  for (const m of merges) {
    // A mapping, or a sequence of them (other items are ignored).
    const sources = Array.isArray(m) ? m : [m];
    for (const src of sources) {
      if (!src || typeof src !== 'object' || Array.isArray(src)) continue;
      for (const k of Object.keys(src)) {
        if (!Object.prototype.hasOwnProperty.call(obj, k)) define(obj, k, (src as Record<string, unknown>)[k]);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// nodes

/**
 * yaml's node constructors define the node type on every instance
 * (`Object.defineProperty(this, NODE_TYPE, …)`), the largest single cost of
 * building a document. These classes carry it on their prototype instead,
 * which sits between the instance and yaml's own class prototype: `isScalar`,
 * `isMap`, … (they read `node[NODE_TYPE]`), `instanceof`, `constructor` and
 * every method behave as for the nodes yaml builds, and the instances have the
 * same own properties.
 */
const NODE_TYPE = Symbol.for('yaml.node.type');

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function adopt(cls: Function, base: Function, type: symbol): void {
  Object.setPrototypeOf(cls.prototype, base.prototype);
  Object.defineProperty(cls.prototype, NODE_TYPE, { value: type });
  Object.defineProperty(cls.prototype, 'constructor', { value: base, writable: true, configurable: true });
}

// `declare` fields: no class-field initialisers, so the own properties come in yaml's order.
class FastScalar {
  declare value: unknown;
  constructor(value: unknown) {
    this.value = value;
  }
}
class FastPair {
  declare key: unknown;
  declare value: unknown;
  constructor(key: unknown, value: unknown) {
    this.key = key;
    this.value = value;
  }
}
/**
 * A collection's `schema`: yaml makes it a non-enumerable own property (a
 * `defineProperty` per collection); here an accessor on the prototype keeps it
 * under a symbol, so it stays out of `Object.keys`, `for…in` and JSON as well.
 */
const SCHEMA = Symbol('schema');
class FastMap {
  declare items: unknown[];
  declare [SCHEMA]: unknown;
  constructor(schema: unknown) {
    this[SCHEMA] = schema;
    this.items = [];
  }
}
class FastSeq {
  declare items: unknown[];
  declare [SCHEMA]: unknown;
  constructor(schema: unknown) {
    this[SCHEMA] = schema;
    this.items = [];
  }
}
for (const cls of [FastMap, FastSeq]) {
  Object.defineProperty(cls.prototype, 'schema', {
    get(this: FastMap) {
      return this[SCHEMA];
    },
    set(this: FastMap, schema: unknown) {
      this[SCHEMA] = schema;
    },
    configurable: true,
  });
}
adopt(FastScalar, Scalar, Symbol.for('yaml.scalar'));
adopt(FastPair, Pair, Symbol.for('yaml.pair'));
adopt(FastMap, YAMLMap, Symbol.for('yaml.map'));
adopt(FastSeq, YAMLSeq, Symbol.for('yaml.seq'));

const newScalar = (value: unknown): Scalar => new FastScalar(value) as unknown as Scalar;
const newPair = (key: YNode, value: YNode): Pair<YNode, YNode> => new FastPair(key, value) as unknown as Pair<YNode, YNode>;
const newMap = (schema: unknown): YAMLMap => new FastMap(schema) as unknown as YAMLMap;
const newSeq = (schema: unknown): YAMLSeq => new FastSeq(schema) as unknown as YAMLSeq;

class FastParser {
  private readonly text: string;
  private readonly n: number;
  /** Start offset of every line. */
  private readonly starts: number[] = [];
  /** Offset of the `\n` ending every line (or the text length). */
  private readonly ends: number[] = [];
  /** Leading spaces of every line. */
  private readonly indents: number[] = [];
  /** 0 blank, 1 comment only, 2 content. */
  private readonly kinds: number[] = [];
  private readonly doc: Document;
  private readonly defaultTags: TagLike[];
  private readonly keyTags: TagLike[];
  private readonly options: unknown;
  private readonly tagsByName = new Map<string, TagLike>();
  /** Every anchor (offset of its `&`) and alias read, to resolve the aliases without a walk of the tree. */
  private readonly anchors: { at: number; name: string; node: YNode }[] = [];
  private readonly aliases: Alias[] = [];
  /**
   * The plain value (as `YamlValue` builds it: merge keys applied, aliases resolved,
   * `!reset` entries dropped) of the node the last reading method returned, built
   * alongside the nodes so the validator needs no conversion pass.
   */
  private val: unknown = null;
  /** False when the value is left to `YamlValue` (too deep). */
  private valueOk = true;
  /** Anchor name -> its node's value ({@link PENDING} while the node is read). */
  private readonly anchorValues = new Map<string, unknown>();

  constructor(text: string, options: Options) {
    this.text = text;
    this.n = text.length;
    let s = 0;
    while (s <= this.n) {
      let e = text.indexOf('\n', s);
      if (e < 0) e = this.n;
      let i = s;
      while (i < e && text.charCodeAt(i) === 32) i++;
      this.starts.push(s);
      this.ends.push(e);
      this.indents.push(i - s);
      this.kinds.push(i === e ? 0 : text.charCodeAt(i) === 35 ? 1 : 2);
      if (i - s > MAX_VALUE_INDENT) this.valueOk = false;
      if (e === this.n) break;
      s = e + 1;
    }
    this.doc = new Document(undefined, options);
    this.options = this.doc.options;
    const tags = (this.doc.schema as unknown as { tags: TagLike[] }).tags;
    this.defaultTags = tags.filter((t) => t.default === true && t.test);
    this.keyTags = tags.filter((t) => (t.default === true || t.default === 'key') && t.test);
    for (const t of tags) if (!t.collection && !this.tagsByName.has(t.tag)) this.tagsByName.set(t.tag, t);
  }

  parse(): Document {
    const { text } = this;
    // Directives, document markers: not handled.
    let first = -1;
    for (let l = 0; l < this.starts.length; l++) {
      const k = this.kinds[l];
      const s = this.starts[l];
      if (k === 2 && this.indents[l] === 0) {
        const c = text.charCodeAt(s);
        if (c === 37 /* % */) decline();
        if ((text.startsWith('---', s) || text.startsWith('...', s)) && (s + 3 === this.ends[l] || text.charCodeAt(s + 3) === 32)) decline();
      }
      if (k === 2 && first < 0) first = l;
    }
    if (first < 0) decline();
    const col = this.indents[first];
    if (!this.isKeyAt(first, this.starts[first] + col)) decline();
    const r = this.blockMap(first, col);
    if (r.next < this.starts.length) decline();
    const contents = r.node;
    this.doc.contents = contents as never;
    // Where the document's token starts: its first comment or content line.
    let docStart = 0;
    for (let l = 0; l < this.starts.length; l++) {
      if (this.kinds[l] !== 0) {
        docStart = this.starts[l] + this.indents[l];
        break;
      }
    }
    const contentEnd = contents.range![2];
    this.doc.range = [docStart, contentEnd, r.pending ? r.pending.end : contentEnd];
    recordAliasTargets(this.doc, this.aliasTargets());
    if (this.valueOk) Object.defineProperty(this.doc, PLAIN, { value: { contents, value: this.val } });
    return this.doc;
  }

  /**
   * Alias -> its node, as `aliasTargets` finds them (the closest anchor
   * before the alias in a pre-order walk, keys before values): in this
   * subset, pre-order is text order, and an anchor's `&` comes before its node.
   */
  private aliasTargets(): Map<Alias, YNode> {
    const targets = new Map<Alias, YNode>();
    if (!this.aliases.length) return targets;
    // Anchors are recorded when their node is complete: nested ones before their parent's.
    const anchors = this.anchors.sort((a, b) => a.at - b.at);
    const byName = new Map<string, YNode>();
    let i = 0;
    for (const alias of this.aliases) {
      const at = alias.range![0];
      for (; i < anchors.length && anchors[i].at < at; i++) byName.set(anchors[i].name, anchors[i].node);
      const target = byName.get(alias.source);
      if (target) targets.set(alias, target);
    }
    return targets;
  }

  // ---------------------------------------------------------------------------
  // lines

  /** The next content line at or after `l` (the line count at the end). */
  private nextContent(l: number): number {
    while (l < this.kinds.length && this.kinds[l] !== 2) l++;
    return l;
  }

  private lineAfter(l: number): number {
    return this.ends[l] < this.n ? this.ends[l] + 1 : this.n;
  }

  /** Offset of the first character of content line `l`, or the text length. */
  private contentOffset(l: number): number {
    return l < this.starts.length ? this.starts[l] + this.indents[l] : this.n;
  }

  /** Trailing comment lines from line `from` up to content line `to`. */
  private pendingBetween(from: number, to: number): Pending | undefined {
    const comments: number[] = [];
    for (let l = from; l < to; l++) if (this.kinds[l] === 1) comments.push(this.indents[l]);
    return comments.length ? { comments, end: this.contentOffset(to) } : undefined;
  }

  /**
   * End of a value that ends line `l` (the parser's `end` tokens: the rest
   * of the line and the newline), plus the comment lines indented deeper
   * than `collIndent` that follow it (blank lines between included). Returns
   * the end offset and the first line not absorbed.
   */
  private valueEnd(l: number, collIndent: number): { end: number; next: number } {
    let end = this.lineAfter(l);
    let next = l + 1;
    let m = next;
    while (m < this.kinds.length) {
      const k = this.kinds[m];
      if (k === 0) {
        m++;
        continue;
      }
      if (k === 1 && this.indents[m] > collIndent) {
        end = this.lineAfter(m);
        next = m + 1;
        m++;
        continue;
      }
      break;
    }
    return { end, next };
  }

  /** Whether line `l` at offset `at` holds `key:` (a plain or quoted implicit key). */
  private isKeyAt(l: number, at: number): boolean {
    return this.keyEnd(l, at) >= 0;
  }

  /** Offset of the `:` after an implicit key starting at `at`, or -1. */
  private keyEnd(l: number, at: number): number {
    const { text } = this;
    const e = this.ends[l];
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(at, e);
      if (close < 0) return -1;
      let i = close;
      while (i < e && text.charCodeAt(i) === 32) i++;
      return text.charCodeAt(i) === 58 && (i + 1 === e || text.charCodeAt(i + 1) === 32) ? i : -1;
    }
    for (let i = at; i < e; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 58 /* : */ && (i + 1 === e || text.charCodeAt(i + 1) === 32)) return i;
      if (ch === 35 /* # */ && i > at && text.charCodeAt(i - 1) === 32) return -1;
    }
    return -1;
  }

  /** Offset after the closing quote of a quoted scalar opening at `at` on the same line, or -1. */
  private quoteEnd(at: number, e: number): number {
    const { text } = this;
    const q = text.charCodeAt(at);
    for (let i = at + 1; i < e; i++) {
      const ch = text.charCodeAt(i);
      if (q === 39 && ch === 39) {
        if (text.charCodeAt(i + 1) === 39) {
          i++;
          continue;
        }
        return i + 1;
      }
      if (q === 34) {
        if (ch === 92) {
          i++;
          continue;
        }
        if (ch === 34) return i + 1;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------------------
  // collections

  /**
   * A block mapping whose first key is at offset `start` of line `l`, at
   * column `indent`. Returns it, the next unread line and trailing lines not
   * yet placed.
   */
  /**
   * Sets a block collection's range. Trailing comment lines after its last entry belong to it
   * when they are indented into it (as `yaml` decides); otherwise they stay pending for the parent.
   */
  private closeCollection(node: YAMLMap | YAMLSeq, start: number, offset: number, indent: number, pending: Pending | undefined): Pending | undefined {
    node.range = [start, offset, offset];
    if (pending && !(indent === 0 || pending.comments.every((c) => c < indent))) {
      node.range[2] = pending.end;
      return undefined;
    }
    return pending;
  }

  private blockMap(l: number, indent: number, start = this.starts[l] + this.indents[l]): { node: YAMLMap; next: number; pending?: Pending } {
    const map = newMap(this.doc.schema);
    const items = map.items as Pair<YNode, YNode | null>[];
    const keys = new Set<unknown>();
    const obj: Record<string, unknown> = {};
    let merges: unknown[] | undefined;
    let at = start;
    let offset = start;
    let pending: Pending | undefined;
    for (;;) {
      const colon = this.keyEnd(l, at);
      if (colon < 0) decline();
      const key = this.keyScalar(at, colon);
      // A duplicate key is an error `yaml` reports: let it parse the file.
      if (keys.has(key.value)) decline();
      keys.add(key.value);
      const r = this.mapValue(l, colon + 1, indent);
      items.push(newPair(key, r.node));
      if (isMergeKey(key)) (merges ??= []).push(this.val);
      // compose-go drops `!reset` values before validating.
      else if ((r.node as { tag?: string }).tag !== RESET_TAG) define(obj, scalarKey(key), this.val);
      offset = r.node.range![2];
      pending = r.pending;
      const next = r.next;
      if (next >= this.starts.length) {
        l = next;
        break;
      }
      const ni = this.indents[next];
      if (ni > indent) decline();
      if (ni < indent) {
        l = next;
        break;
      }
      // Same column: another key, or (in a map that is a value of a sequence at this column) the end.
      if (this.isDash(next)) {
        l = next;
        break;
      }
      l = next;
      at = this.starts[next] + ni;
      pending = undefined;
    }
    if (merges) applyMerges(obj, merges);
    this.val = obj;
    return { node: map, next: l, pending: this.closeCollection(map, start, offset, indent, pending) };
  }

  /**
   * A block sequence whose first `-` is at column `indent` of line `l`.
   */
  private blockSeq(l: number, indent: number): { node: YAMLSeq; next: number; pending?: Pending } {
    const { text } = this;
    const seq = newSeq(this.doc.schema);
    const items = seq.items as YNode[];
    const arr: unknown[] = [];
    const start = this.starts[l] + indent;
    let offset = start;
    let pending: Pending | undefined;
    for (;;) {
      const dash = this.starts[l] + indent;
      // `- ` then the item on the same line.
      let at = dash + 1;
      const e = this.ends[l];
      while (at < e && text.charCodeAt(at) === 32) at++;
      if (at === e || text.charCodeAt(at) === 35) decline(); // empty item or item on the next lines
      const c = text.charCodeAt(at);
      let r: { node: YNode; next: number; pending?: Pending };
      if (c === 45 && (at + 1 === e || text.charCodeAt(at + 1) === 32)) decline(); // `- - x`
      if (this.isKeyAt(l, at)) {
        const col = at - this.starts[l];
        r = this.blockMap(l, col, at);
      } else {
        r = this.inlineValue(l, at, indent);
      }
      items.push(r.node);
      arr.push(this.val);
      offset = r.node.range![2];
      pending = r.pending;
      const next = r.next;
      if (next >= this.starts.length) {
        l = next;
        break;
      }
      const ni = this.indents[next];
      const isItem = this.isDash(next);
      if (ni > indent) decline();
      if (ni < indent || !isItem) {
        l = next;
        break;
      }
      l = next;
      pending = undefined;
    }
    this.val = arr;
    return { node: seq, next: l, pending: this.closeCollection(seq, start, offset, indent, pending) };
  }

  /** The value after `key:` (offset `from` is just after the colon) in a map at column `indent`. */
  private mapValue(l: number, from: number, indent: number): { node: YNode; next: number; pending?: Pending } {
    const { text } = this;
    const e = this.ends[l];
    let at = from;
    while (at < e && text.charCodeAt(at) === 32) at++;
    let anchor: string | undefined;
    let tag: string | undefined;
    // Properties: one anchor or one compose tag.
    const c0 = text.charCodeAt(at);
    const propAt = at;
    if (c0 === 38 /* & */ || c0 === 33 /* ! */) {
      let p = at + 1;
      while (p < e && text.charCodeAt(p) !== 32) p++;
      const name = text.slice(at + 1, p);
      if (c0 === 38) {
        if (!NAME.test(name)) decline();
        anchor = name;
        this.anchorValues.set(name, PENDING);
      } else {
        if (name !== 'reset' && name !== 'override') decline();
        tag = '!' + name;
      }
      const propEnd = p;
      while (p < e && text.charCodeAt(p) === 32) p++;
      if (p < e && text.charCodeAt(p) !== 35) {
        at = p;
      } else {
        if (p < e) decline(); // a comment after the property
        // The value is on the next lines (a block collection), or empty.
        const next = this.nextContent(l + 1);
        if (next < this.starts.length && this.indents[next] > indent) {
          const r = this.blockOnLine(next);
          if (tag) r.node.tag = tag;
          if (anchor) {
            r.node.anchor = anchor;
            this.anchors.push({ at: propAt, name: anchor, node: r.node });
            this.anchorValues.set(anchor, this.val);
          }
          return r;
        }
        if (anchor) decline();
        // `key: !reset` with nothing after: an empty scalar with the tag.
        if (p !== propEnd) decline();
        if (next < this.starts.length && this.indents[next] === indent && this.isDash(next)) decline();
        const node = this.emptyScalar(p, tag);
        if (this.pendingBetween(l + 1, next)) decline();
        return { node, next };
      }
    }
    if (at === e || text.charCodeAt(at) === 35) {
      if (anchor || tag) decline();
      // Nothing on this line: a block collection on the next lines, or an empty value.
      const hasComment = at < e;
      const next = this.nextContent(l + 1);
      if (next < this.starts.length) {
        const ni = this.indents[next];
        if (ni > indent || (ni === indent && this.isDash(next))) return this.blockOnLine(next);
      }
      const node = this.emptyScalar(at, undefined);
      if (hasComment) {
        // A comment on the key line: its indentation in a compact mapping is not handled.
        if (this.indents[l] !== indent) decline();
        node.range![2] = this.emptyValueEnd(l, next, indent, true) ?? at;
      } else node.range![2] = this.emptyValueEnd(l, next, indent, false) ?? at;
      return { node, next };
    }
    const r = this.inlineValue(l, at, indent);
    if (tag) {
      if (!(r.node instanceof YAMLMap || r.node instanceof YAMLSeq)) decline();
      r.node.tag = tag;
    }
    if (anchor) {
      if (r.node instanceof Alias) decline();
      (r.node as Scalar).anchor = anchor;
      this.anchors.push({ at: propAt, name: anchor, node: r.node });
      this.anchorValues.set(anchor, this.val);
    }
    return r;
  }

  /**
   * End of an empty value's trailing lines (the parser keeps them with the
   * value), or undefined when they hold no comment. When the next key of the
   * same mapping follows, the lines from the second newline not broken by a
   * deeper comment go to that key instead.
   */
  private emptyValueEnd(l: number, next: number, indent: number, keyLineComment: boolean): number | undefined {
    let end = this.contentOffset(next);
    if (next < this.starts.length && this.indents[next] === indent) {
      // Newlines (their offsets) since the last comment deeper than the mapping.
      let nl: number[] = [this.ends[l]];
      for (let m = l + 1; m < next; m++) {
        if (this.kinds[m] === 1 && this.indents[m] > indent) nl = [];
        nl.push(this.ends[m]);
      }
      if (nl.length >= 2) end = nl[1];
    }
    let comment = keyLineComment;
    for (let m = l + 1; m < next && !comment; m++) if (this.kinds[m] === 1 && this.starts[m] < end) comment = true;
    return comment ? end : undefined;
  }

  private isDash(l: number): boolean {
    const s = this.starts[l] + this.indents[l];
    return this.text.charCodeAt(s) === 45 && (s + 1 === this.ends[l] || this.text.charCodeAt(s + 1) === 32);
  }

  /** A block mapping or sequence starting on content line `l`. */
  private blockOnLine(l: number): { node: YNode; next: number; pending?: Pending } {
    const indent = this.indents[l];
    if (this.isDash(l)) return this.blockSeq(l, indent);
    if (this.isKeyAt(l, this.starts[l] + indent)) return this.blockMap(l, indent);
    return decline();
  }

  /** An empty (null) value at `at`, after the colon and the spaces following it. */
  private emptyScalar(at: number, tag: string | undefined): Scalar {
    let node: Scalar;
    if (tag) {
      const t = this.tagsByName.get(tag);
      if (!t) decline();
      node = newScalar(t.resolve('', () => decline(), this.options));
      node.tag = tag;
    } else node = this.resolvePlain('', false);
    node.range = [at, at, at];
    node.source = '';
    node.type = Scalar.PLAIN;
    this.val = scalarValue(node);
    return node;
  }

  /**
   * A value written on line `l` from offset `at` (no properties): a plain or
   * quoted scalar, an alias or a flow collection, followed by nothing but a
   * comment. `collIndent` is the indentation of the enclosing collection.
   */
  private inlineValue(l: number, at: number, collIndent: number): { node: YNode; next: number; pending?: Pending } {
    const { text } = this;
    const e = this.ends[l];
    const c = text.charCodeAt(at);
    let node: YNode;
    let valueEnd: number;
    if (c === 42 /* * */) {
      let p = at + 1;
      while (p < e && text.charCodeAt(p) !== 32) p++;
      const name = text.slice(at + 1, p);
      if (!NAME.test(name)) decline();
      node = new Alias(name);
      this.aliases.push(node as Alias);
      // The closest anchor before it; none, or its own ancestor (a cycle): null, as in `YamlValue`.
      const v = this.anchorValues.get(name);
      this.val = v === undefined || v === PENDING ? null : v;
      valueEnd = p;
    } else if (c === 34 || c === 39) {
      const close = this.quoteEnd(at, e);
      if (close < 0) decline();
      node = this.quoted(at, close);
      this.val = scalarValue(node as Scalar);
      valueEnd = close;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      const r = this.flow(at, e);
      node = r.node;
      valueEnd = r.end;
    } else {
      const end = this.plainEnd(at, e);
      const src = text.slice(at, end);
      const s = this.resolvePlain(src, false);
      s.range = [at, end, end];
      node = s;
      this.val = scalarValue(s);
      valueEnd = end;
    }
    // Only spaces and a comment may follow.
    let p = valueEnd;
    while (p < e && text.charCodeAt(p) === 32) p++;
    if (p < e) {
      if (text.charCodeAt(p) !== 35 || p === valueEnd) decline();
    }
    const ve = this.valueEnd(l, collIndent);
    // A deeper content line after a scalar would continue it (multi-line plain scalar) or be an error.
    const nc = this.nextContent(ve.next);
    if (nc < this.starts.length && this.indents[nc] > collIndent) decline();
    node.range = [node.range ? node.range[0] : at, valueEnd, ve.end];
    return { node, next: nc, pending: this.pendingBetween(ve.next, nc) };
  }

  /** End of a plain scalar in block context starting at `at` on a line ending at `e`. */
  private plainEnd(at: number, e: number): number {
    const { text } = this;
    const c = text.charCodeAt(at);
    // Indicators that cannot start a plain scalar (or that we do not handle).
    if (c === 45 /* - */ || c === 63 /* ? */ || c === 58 /* : */) {
      if (at + 1 === e || text.charCodeAt(at + 1) === 32 || c !== 45) decline();
    }
    if ('#&*!|>\'"%@`,[]{}'.includes(text[at])) decline();
    let end = at;
    for (let i = at; i < e; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 58 && (i + 1 === e || text.charCodeAt(i + 1) === 32)) decline(); // a nested mapping
      if (ch === 35 && text.charCodeAt(i - 1) === 32) break;
      if (ch !== 32) end = i + 1;
    }
    return end;
  }

  /** A quoted scalar from `at` to `close` (after the closing quote), on one line. */
  private quoted(at: number, close: number): Scalar {
    const { text } = this;
    const double = text.charCodeAt(at) === 34;
    const raw = text.slice(at + 1, close - 1);
    let value: string;
    if (double) {
      if (raw.indexOf('\\') < 0) value = raw;
      else {
        value = '';
        for (let i = 0; i < raw.length; i++) {
          const ch = raw[i];
          if (ch !== '\\') {
            value += ch;
            continue;
          }
          const nx = raw[++i];
          const esc = ESCAPES[nx];
          if (esc !== undefined) value += esc;
          else if (nx === 'x' || nx === 'u') {
            const len = nx === 'x' ? 2 : 4;
            const hex = raw.slice(i + 1, i + 1 + len);
            if (hex.length !== len || !/^[0-9a-fA-F]+$/.test(hex)) decline();
            value += String.fromCodePoint(parseInt(hex, 16));
            i += len;
          } else decline();
        }
      }
    } else value = raw.indexOf("'") < 0 ? raw : raw.replace(/''/g, "'");
    const s = newScalar(value);
    s.source = value;
    s.type = double ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    s.range = [at, close, close];
    return s;
  }

  /** A key from `at` to the colon at `colon`. */
  private keyScalar(at: number, colon: number): Scalar {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const close = this.quoteEnd(at, colon);
      return this.quoted(at, close);
    }
    if ('-?:#&*!|>\'"%@`,[]{}'.includes(text[at])) {
      if (!(c === 45 && text.charCodeAt(at + 1) !== 32) && !(c === 60)) decline();
    }
    let end = colon;
    while (end > at && text.charCodeAt(end - 1) === 32) end--;
    const s = this.resolvePlain(text.slice(at, end), true);
    s.range = [at, end, end];
    return s;
  }

  /** A plain scalar resolved as `yaml` does: the first default tag whose test matches, else a string. */
  private resolvePlain(src: string, atKey: boolean): Scalar {
    const c = src.charCodeAt(0);
    let tag: TagLike | undefined;
    // Only these first characters can match a core-schema tag (null, bool, int, float) or the merge key.
    if (src === '' || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 60) {
      for (const t of atKey ? this.keyTags : this.defaultTags) {
        if (t.test!.test(src)) {
          tag = t;
          break;
        }
      }
    }
    let s: Scalar;
    if (tag) {
      const res = tag.resolve(src, () => decline(), this.options);
      s = isScalar(res) ? (res as Scalar) : newScalar(res);
      if (tag.format) s.format = tag.format;
    } else s = newScalar(src);
    s.source = src;
    s.type = Scalar.PLAIN;
    return s;
  }

  /** A single-line flow sequence or mapping of scalars from `at`; `end` is after the closing bracket. */
  private flow(at: number, e: number): { node: YAMLSeq | YAMLMap; end: number } {
    const { text } = this;
    const isMap = text.charCodeAt(at) === 123;
    const close = isMap ? 125 : 93;
    const coll = isMap ? newMap(this.doc.schema) : newSeq(this.doc.schema);
    coll.flow = true;
    const obj: Record<string, unknown> = {};
    const arr: unknown[] = [];
    let merges: unknown[] | undefined;
    let p = at + 1;
    const skip = (): void => {
      while (p < e && text.charCodeAt(p) === 32) p++;
    };
    const scalar = (key: boolean): Scalar => {
      const c = text.charCodeAt(p);
      if (c === 34 || c === 39) {
        const q = this.quoteEnd(p, e);
        if (q < 0) decline();
        const s = this.quoted(p, q);
        p = q;
        return s;
      }
      if ('-?:#&*!|>\'"%@`,[]{}'.includes(text[p] ?? '[') && !(c === 45 && /[0-9A-Za-z]/.test(text[p + 1] ?? ''))) decline();
      const s0 = p;
      let last = p;
      while (p < e) {
        const ch = text.charCodeAt(p);
        if (ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125 || ch === 58 || ch === 35 || ch === 63) break;
        if (ch !== 32) last = p + 1;
        p++;
      }
      if (p < e && (text.charCodeAt(p) === 35 || text.charCodeAt(p) === 63 || (text.charCodeAt(p) === 58 && !key))) decline();
      if (last === s0) decline();
      const s = this.resolvePlain(text.slice(s0, last), key);
      s.range = [s0, last, last];
      p = last;
      return s;
    };
    skip();
    let first = true;
    for (;;) {
      if (p >= e) decline();
      if (text.charCodeAt(p) === close) {
        p++;
        break;
      }
      if (!first) {
        if (text.charCodeAt(p) !== 44) decline();
        p++;
        skip();
        if (text.charCodeAt(p) === close) decline(); // trailing comma: leave to yaml
      }
      first = false;
      if (isMap) {
        const k = scalar(true);
        skip();
        if (text.charCodeAt(p) !== 58 || text.charCodeAt(p + 1) !== 32) decline();
        p += 2;
        skip();
        const v = scalar(false);
        skip();
        v.range![2] = p; // a value's trailing spaces are part of it
        for (const it of (coll as YAMLMap).items) if ((it.key as Scalar).value === k.value) decline();
        (coll as YAMLMap).items.push(newPair(k, v));
        if (isMergeKey(k)) (merges ??= []).push(scalarValue(v));
        else define(obj, scalarKey(k), scalarValue(v));
      } else {
        const v = scalar(false);
        skip();
        v.range![2] = p;
        (coll as YAMLSeq).items.push(v);
        arr.push(scalarValue(v));
      }
    }
    coll.range = [at, p, p];
    if (merges) applyMerges(obj, merges);
    this.val = isMap ? obj : arr;
    return { node: coll, end: p };
  }
}

/**
 * The `yaml` Document of `text` parsed with `options`, built by the fast
 * path, or undefined when the text is outside what it reproduces exactly.
 */
export function fastParseYaml(text: string, options: Options): Document | undefined {
  if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    const doc = new FastParser(text, options).parse();
    return doc;
  } catch (e) {
    if (e === DECLINE) return undefined;
    // Anything unexpected: let `yaml` parse it.
    return undefined;
  }
}
