/**
 * Alias resolution for a whole `yaml` Document in one pass. `Alias.resolve`
 * walks the entire document on every call, which makes a file with an alias
 * in each of N services quadratic (seconds for 200 services); this index
 * gives the same answer (the closest preceding node with the anchor, in
 * document order, keys before values) for every alias at once. Pure.
 */
import { isAlias, isMap, isPair, isSeq, type Alias, type Document, type Node as YNode } from 'yaml';

const cache = new WeakMap<Document, { contents: unknown; targets: Map<Alias, YNode> }>();
/** Documents known to hold no alias (their text has no `*`): nothing to index. */
const aliasFree = new WeakSet<Document>();
const NO_TARGETS: Map<Alias, YNode> = new Map();

/** Records that a document's source text has no `*`, so it cannot contain an alias. */
export function markAliasFree(doc: Document): void {
  aliasFree.add(doc);
}

/**
 * Records the alias targets of a document whose reader found them while
 * reading (same answer as the walk below), so the walk is skipped.
 */
export function recordAliasTargets(doc: Document, targets: Map<Alias, YNode>): void {
  if (targets.size) cache.set(doc, { contents: doc.contents, targets });
  else aliasFree.add(doc);
}

/** Alias -> the node it refers to (aliases without a preceding anchor are absent). Cached per document. */
export function aliasTargets(doc: Document): Map<Alias, YNode> {
  if (aliasFree.has(doc)) return NO_TARGETS;
  const hit = cache.get(doc);
  if (hit && hit.contents === doc.contents) return hit.targets;
  const targets = new Map<Alias, YNode>();
  const anchors = new Map<string, YNode>();
  // Iterative pre-order walk (keys before values), cheaper than `visit` and safe on deep input.
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
      continue;
    }
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    const anchor = (node as { anchor?: unknown }).anchor;
    if (typeof anchor === 'string') anchors.set(anchor, node as YNode);
    if (isMap(node) || isSeq(node)) {
      const items = node.items as unknown[];
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
    }
  }
  cache.set(doc, { contents: doc.contents, targets });
  return targets;
}
