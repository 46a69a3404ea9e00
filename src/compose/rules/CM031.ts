import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Range, TextEdit } from '../../util/text';
import type { ComposeRuleContext, ComposeRule } from './types';
import { isGoIP } from './_values';

/*
 * Ordering style, after dclint's four order rules. The checks read the YAML
 * as written (`ctx.doc`), not the model: merged keys and interpolation do not
 * count, only the entries a person typed and their order.
 *
 * The fix reorders whole lines: each entry moves with the comment lines
 * directly above it (at its own indentation) and the deeper-indented comment
 * lines that follow it; runs of blank lines between entries stay where they
 * are. It is only offered on block collections whose entries each start their
 * own line, and not when the block holds an anchor, a keep-chomping block
 * scalar (`|+`), or a comment that belongs to no entry.
 */

/** dclint service-keys-order: its default groups, in its default group order; other keys follow, sorted. */
export const KEY_GROUPS: readonly (readonly string[])[] = [
  ['image', 'build', 'container_name'], // Core Definitions
  ['depends_on'], // Service Dependencies
  ['volumes', 'volumes_from', 'configs', 'secrets'], // Data Management and Configuration
  ['environment', 'env_file'], // Environment Configuration
  ['ports', 'networks', 'network_mode', 'extra_hosts'], // Networking
  ['command', 'entrypoint', 'working_dir', 'restart', 'healthcheck'], // Runtime Behavior
  ['logging', 'labels'], // Operational Metadata
  ['user', 'isolation'], // Security and Execution Context
];
const KNOWN = new Map<string, number>(KEY_GROUPS.flat().map((k, i) => [k, i]));

const collator = new Intl.Collator('en');
const numeric = new Intl.Collator('en', { numeric: true });

/** Compares service keys in dclint's order: the grouped keys first, in order, then the others alphabetically. */
export function compareServiceKeys(a: string, b: string): number {
  const ra = KNOWN.get(a);
  const rb = KNOWN.get(b);
  if (ra !== undefined && rb !== undefined) return ra - rb;
  if (ra !== undefined) return -1;
  if (rb !== undefined) return 1;
  return collator.compare(a, b);
}

/**
 * dclint's sort key of a port (extractPublishedPortValueWithProtocol): the
 * published port of the short syntax (after a host IP, without `/protocol`;
 * the container port when nothing is published), `published` of the long one.
 */
export function portSortKey(item: unknown): string {
  if (isScalar(item)) {
    const value = String(item.value);
    const parts = value.split('/')[0].split(/:(?![^[]*\])/);
    let first = parts[0];
    if (first.startsWith('[') && first.endsWith(']')) first = first.slice(1, -1);
    return isGoIP(first) ? String(parts[1]) : parts[0];
  }
  if (isMap(item)) {
    const p = item.get('published');
    return p === undefined || p === null ? '' : String(p);
  }
  return '';
}

interface Item {
  /** The sort key (a name, or a port). */
  name: string;
  /** How the message names the item. */
  label: string;
  range: Range;
}

interface Block {
  node: YAMLMap | YAMLSeq;
  items: Item[];
  compare: (a: string, b: string) => number;
  /** Indexes of items that stay where they are (a leading merge key); -1 when none. */
  pinned: number;
  /** Whether a fix may be computed at all. */
  fixable: boolean;
}

function keyName(p: Pair): string | undefined {
  const k = p.key;
  if (!isScalar(k)) return undefined;
  return k.value === null || k.value === undefined ? 'null' : String(k.value);
}

function isMergeKey(p: Pair): boolean {
  const k = p.key;
  return isScalar(k) && (typeof k.value === 'symbol' || (k.value === '<<' && k.type === 'PLAIN'));
}

function rangeOfNode(ctx: ComposeRuleContext, n: { range?: [number, number, number] | null } | null | undefined): Range | undefined {
  const r = n?.range;
  return r ? ctx.lines.rangeOf(r[0], r[1]) : undefined;
}

/** Whether a node, or anything under it, carries an anchor. */
function hasAnchor(n: unknown, depth = 0): boolean {
  if (!n || typeof n !== 'object' || depth > 200) return false;
  if (isAlias(n)) return false;
  if (isPair(n)) return hasAnchor(n.key, depth + 1) || hasAnchor(n.value, depth + 1);
  if (typeof (n as { anchor?: unknown }).anchor === 'string') return true;
  if (isMap(n) || isSeq(n)) return (n.items as unknown[]).some((it) => hasAnchor(it, depth + 1));
  return false;
}

/** An empty value (`key:` with nothing after it): `yaml` places its range at the next token, maybe lines below. */
function isEmptyNull(n: unknown): boolean {
  return isScalar(n) && n.value === null && !!n.range && n.range[0] === n.range[1];
}

/** Offset just after the last character that belongs to a pair or node (not the comments or blank lines after it). */
function lastContentOffset(n: unknown, depth = 0): number | undefined {
  if (depth > 200 || !n || typeof n !== 'object') return undefined;
  if (isPair(n)) {
    const v = n.value;
    if (v === null || v === undefined || isEmptyNull(v)) return isScalar(n.key) && n.key.range ? n.key.range[1] : undefined;
    return lastContentOffset(v, depth + 1);
  }
  if ((isMap(n) || isSeq(n)) && !n.flow && n.items.length) return lastContentOffset(n.items[n.items.length - 1], depth + 1);
  if (isEmptyNull(n)) return undefined;
  const r = (n as YNode).range;
  return r ? r[1] : undefined;
}

/** The data of a node for comparison: mapping keys sorted, aliases by name; undefined on anything unexpected. */
function shape(n: unknown, depth = 0): unknown {
  if (depth > 200) return undefined;
  if (n === null || n === undefined) return null;
  if (isAlias(n)) return { '*': n.source };
  if (isScalar(n)) return n.value === undefined ? null : typeof n.value === 'symbol' ? '<<' : n.value;
  if (isSeq(n)) return n.items.map((it) => shape(it, depth + 1));
  if (isMap(n)) {
    const entries = n.items.map((p) => [JSON.stringify(shape(p.key, depth + 1)), shape(p.value, depth + 1)] as const);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return entries;
  }
  return undefined;
}

/** Safety net: the reordered lines, read on their own, hold the same entries (a sequence's in any order). */
function sameContent(before: string, after: string, seq: boolean): boolean {
  try {
    const a = parseDocument(before, { merge: false, uniqueKeys: false });
    const b = parseDocument(after, { merge: false, uniqueKeys: false });
    if (a.errors.length || b.errors.length) return false;
    let sa = shape(a.contents);
    let sb = shape(b.contents);
    if (seq) {
      if (!Array.isArray(sa) || !Array.isArray(sb)) return false;
      sa = sa.map((x) => JSON.stringify(x)).sort();
      sb = sb.map((x) => JSON.stringify(x)).sort();
    }
    return JSON.stringify(sa) === JSON.stringify(sb);
  } catch {
    return false;
  }
}

/** A block scalar with keep chomping (`|+`, `>+`): its trailing blank lines are part of its value. */
const KEEP_CHOMP = /(^|[\s:-])[|>](?:[1-9]?\+|\+[1-9])[ \t]*(?:#.*)?$/m;

function indentOf(s: string): number {
  return /^ */.exec(s)![0].length;
}

function isBlank(s: string): boolean {
  return s.trim() === '';
}

function isComment(s: string): boolean {
  return s.trimStart().startsWith('#');
}

/**
 * The edit that puts the entries of a block collection in `order` (indexes
 * into its items), moving whole lines; undefined when that cannot be done safely.
 */
export function reorderEdit(ctx: ComposeRuleContext, node: YAMLMap | YAMLSeq, order: readonly number[]): TextEdit | undefined {
  const { lines, text } = ctx;
  if (node.flow || !node.range) return undefined;
  const first = text[node.range[0]];
  if (first === '{' || first === '[') return undefined;
  const n = node.items.length;
  if (n < 2 || order.length !== n) return undefined;
  const keyLine: number[] = [];
  const endLine: number[] = [];
  let col = -1;
  for (const it of node.items as unknown[]) {
    let startOffset: number;
    if (isMap(node)) {
      if (!isPair(it) || !isScalar(it.key) || !it.key.range) return undefined;
      startOffset = it.key.range[0];
    } else {
      if (!it || typeof it !== 'object' || !(it as YNode).range) return undefined;
      startOffset = (it as YNode).range![0];
    }
    const endOffset = lastContentOffset(it);
    if (endOffset === undefined) return undefined;
    const start = lines.positionAt(startOffset);
    const prefix = lines.lineText(start.line).slice(0, start.character);
    const m = isMap(node) ? /^( *)$/.exec(prefix) : /^( *)- +(?:![^ ]* +)?$/.exec(prefix);
    if (!m) return undefined; // the entry does not start its own line
    if (col === -1) col = m[1].length;
    else if (col !== m[1].length) return undefined;
    const end = lines.positionAt(endOffset);
    const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
    if (keyLine.length && start.line <= endLine[endLine.length - 1]) return undefined; // two entries share a line
    keyLine.push(start.line);
    endLine.push(last);
  }
  if (hasAnchor(node.items)) return undefined;
  for (const it of node.items as unknown[]) if (hasAnchor(it)) return undefined;

  // Where each entry starts (its comment lines directly above) and where its lines end.
  const segStart: number[] = [];
  const segEnd: number[] = []; // exclusive line
  for (let i = 0; i < n; i++) {
    const floor = i === 0 ? -1 : endLine[i - 1];
    let s = keyLine[i];
    while (s - 1 > floor && isComment(lines.lineText(s - 1)) && indentOf(lines.lineText(s - 1)) === col) s--;
    segStart.push(s);
    if (i > 0) {
      // Lines between the previous entry and this one: blank, or comments indented under the previous entry.
      let lastAttached = endLine[i - 1];
      for (let l = endLine[i - 1] + 1; l < s; l++) {
        const t = lines.lineText(l);
        if (isBlank(t)) continue;
        if (isComment(t) && indentOf(t) > col) {
          lastAttached = l;
          continue;
        }
        return undefined; // a comment that belongs to no entry
      }
      segEnd.push(lastAttached + 1);
    }
  }
  segEnd.push(endLine[n - 1] + 1);

  const offset = (line: number): number => (line < lines.lineCount ? lines.starts[line] : text.length);
  const regionStart = offset(segStart[0]);
  const regionEnd = offset(segEnd[n - 1]);
  const region = text.slice(regionStart, regionEnd);
  if (KEEP_CHOMP.test(region)) return undefined;
  const eol = lines.eol;
  const segs = segStart.map((s, i) => {
    const t = text.slice(offset(s), offset(segEnd[i]));
    return t.endsWith('\n') ? t : t + eol;
  });
  const gaps = segStart.slice(1).map((s, i) => text.slice(offset(segEnd[i]), offset(s)));
  let out = '';
  for (let j = 0; j < n; j++) out += segs[order[j]] + (j < n - 1 ? gaps[j] : '');
  if (!region.endsWith('\n')) out = out.replace(/\r?\n$/, '');
  if (out === region || !sameContent(region, out, isSeq(node))) return undefined;
  return { range: lines.rangeOf(regionStart, regionEnd), newText: out };
}

/** The first item that sorts before the one written above it, and the earliest written item it should precede. */
function firstOutOfOrder(items: readonly Item[], compare: (a: string, b: string) => number): { at: number; before: number } | undefined {
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i].name, items[i - 1].name) < 0) {
      const before = items.findIndex((x) => compare(x.name, items[i].name) > 0);
      return { at: i, before };
    }
  }
  return undefined;
}

/** Stable sort of the item indexes, the pinned one first. */
function sortedOrder(b: Block): number[] {
  const idx = b.items.map((_, i) => i).filter((i) => i !== b.pinned);
  idx.sort((x, y) => b.compare(b.items[x].name, b.items[y].name) || x - y);
  return b.pinned >= 0 ? [b.pinned, ...idx] : idx;
}

function servicesMap(doc: Document): YAMLMap | undefined {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const pair = root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'services');
  return pair && isMap(pair.value) ? pair.value : undefined;
}

export const rule: ComposeRule = {
  code: 'CM031',
  name: 'ordering-style',
  title: 'Services, service keys, ports or dependencies are not in the conventional order',
  defaultSeverity: 'off',
  fix: 'yes',
  anchors: {
    other: [
      'dclint services-alphabetical-order',
      'dclint service-keys-order',
      'dclint service-ports-alphabetical-order',
      'dclint service-dependencies-alphabetical-order',
    ],
  },
  check(ctx) {
    if (ctx.doc.errors.length) return;
    const services = servicesMap(ctx.doc);
    if (!services) return;

    const report = (b: Block, message: (item: Item, before: Item) => string, title: string): void => {
      const found = firstOutOfOrder(
        b.items.filter((_, i) => i !== b.pinned),
        b.compare,
      );
      if (!found) return;
      const rest = b.items.filter((_, i) => i !== b.pinned);
      const edit = b.fixable ? reorderEdit(ctx, b.node, sortedOrder(b)) : undefined;
      ctx.report({
        range: rest[found.at].range,
        message: message(rest[found.at], rest[found.before]),
        fixes: edit ? [{ title, edits: [edit], preferred: true }] : [],
      });
    };

    // services-alphabetical-order
    const names: Item[] = [];
    let namesFixable = true;
    for (const p of services.items) {
      const name = isPair(p) ? keyName(p) : undefined;
      const range = rangeOfNode(ctx, p.key as YNode);
      if (name === undefined || !range || isMergeKey(p)) {
        namesFixable = false;
        continue;
      }
      names.push({ name, label: name, range });
    }
    report(
      { node: services, items: names, compare: (a, b) => collator.compare(a, b), pinned: -1, fixable: namesFixable },
      (s, before) => `service "${s.name}" should come before "${before.name}" (dclint services-alphabetical-order)`,
      'Sort the services alphabetically',
    );

    for (const p of services.items) {
      const service = keyName(p);
      const svc = p.value;
      if (service === undefined || !isMap(svc)) continue;

      // service-keys-order
      const keys: Item[] = [];
      let pinned = -1;
      let keysFixable = true;
      for (const [i, kp] of svc.items.entries()) {
        const k = keyName(kp);
        const range = rangeOfNode(ctx, kp.key as YNode);
        if (isMergeKey(kp)) {
          // A merge key first stays first; anywhere else the block is left alone.
          if (i === 0) pinned = 0;
          else keysFixable = false;
          keys.push({ name: '<<', label: '<<', range: range ?? ctx.lines.rangeOf(0, 0) });
          continue;
        }
        if (k === undefined || !range) {
          keysFixable = false;
          continue;
        }
        keys.push({ name: k, label: k, range });
      }
      if (keys.length === svc.items.length) {
        const merges = keys.filter((k) => k.name === '<<').length;
        if (pinned === -1 && merges) {
          // Merge keys not in first place: check the other keys, offer no fix.
          const plain = keys.filter((k) => k.name !== '<<');
          report(
            { node: svc, items: plain, compare: compareServiceKeys, pinned: -1, fixable: false },
            (k, before) => `service "${service}": "${k.name}" should come before "${before.name}" (dclint service-keys-order)`,
            '',
          );
        } else {
          report(
            { node: svc, items: keys, compare: compareServiceKeys, pinned, fixable: keysFixable && merges <= 1 },
            (k, before) => `service "${service}": "${k.name}" should come before "${before.name}" (dclint service-keys-order)`,
            `Reorder the keys of service "${service}"`,
          );
        }
      }

      // service-ports-alphabetical-order
      const ports = svc.get('ports', true);
      if (isSeq(ports) && ports.items.length > 1) {
        const items: Item[] = [];
        for (const it of ports.items) {
          const range = rangeOfNode(ctx, it as YNode);
          if (!range || !(isScalar(it) || isMap(it))) break;
          if (ctx.lines.textOf(range).includes('$')) break; // the value is only known after interpolation
          const key = portSortKey(it);
          let label: string;
          let at = range;
          if (isScalar(it)) label = String(it.value);
          else {
            const pub = it.items.find((x) => isScalar(x.key) && x.key.value === 'published');
            const tgt = it.items.find((x) => isScalar(x.key) && x.key.value === 'target');
            const shown = pub ?? tgt;
            label = shown ? `${String((shown.key as { value: unknown }).value)}: ${String(isScalar(shown.value) ? shown.value.value : '')}` : key;
            at = (shown && rangeOfNode(ctx, shown.value as YNode)) ?? range;
          }
          items.push({ name: key, label, range: at });
        }
        if (items.length === ports.items.length) {
          report(
            { node: ports, items, compare: (a, b) => numeric.compare(a, b), pinned: -1, fixable: true },
            (x, before) => `service "${service}": port "${x.label}" should come before "${before.label}" (dclint service-ports-alphabetical-order)`,
            `Sort the ports of service "${service}"`,
          );
        }
      }

      // service-dependencies-alphabetical-order
      const deps = svc.get('depends_on', true);
      if ((isSeq(deps) || isMap(deps)) && deps.items.length > 1) {
        const items: Item[] = [];
        for (const it of deps.items as unknown[]) {
          const keyNode = isPair(it) ? it.key : it;
          if (!isScalar(keyNode)) break;
          const range = rangeOfNode(ctx, keyNode);
          if (!range || ctx.lines.textOf(range).includes('$')) break;
          const name = String(keyNode.value);
          items.push({ name, label: name, range });
        }
        if (items.length === deps.items.length) {
          report(
            { node: deps, items, compare: (a, b) => collator.compare(a, b), pinned: -1, fixable: true },
            (x, before) => `service "${service}": depends_on "${x.name}" should come before "${before.name}" (dclint service-dependencies-alphabetical-order)`,
            `Sort depends_on of service "${service}"`,
          );
        }
      }
    }
  },
};
