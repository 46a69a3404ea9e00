/**
 * Helpers shared by CM014, CM015, CM016, CM018, CM022, CM029 and CM030:
 * walking the services of the tree as written, the range of a scalar's text
 * without its quotes, de-duplicating findings that YAML aliases repeat, and
 * reading a service's keys across the project's files. Pure; never throws.
 */
import type { Range } from '../../util/text';
import type { CEntry, CMap, CNode, CScalar } from '../node';
import type { ComposeRuleContext } from './types';

/** A service of the tree as written: its entry under `services` and its mapping. */
export interface RawService {
  readonly name: string;
  readonly entry: CEntry;
  readonly node: CMap;
}

/** The services (as mappings) of the document as written, in order. */
export function rawServices(root: CNode | undefined): RawService[] {
  const services = root?.kind === 'map' ? root.entries.find((e) => e.key === 'services')?.value : undefined;
  if (services?.kind !== 'map') return [];
  const out: RawService[] = [];
  for (const e of services.entries) if (e.value.kind === 'map') out.push({ name: e.key, entry: e, node: e.value });
  return out;
}

/** A stable key of a range, to report a node reached through several aliases once. */
export function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Calls `report` once per distinct range. */
export function once(): (r: Range) => boolean {
  const seen = new Set<string>();
  return (r) => {
    const k = rangeKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  };
}

/**
 * The range of a single-line scalar's text without its quotes (the value as
 * it reads), or the whole scalar range when that cannot be told exactly.
 */
export function innerRange(ctx: ComposeRuleContext, s: CScalar): Range {
  if (s.range.start.line !== s.range.end.line) return s.range;
  const text = ctx.lines.textOf(s.range);
  const q = text[0];
  if ((q === '"' || q === "'") && text.length >= 2 && text[text.length - 1] === q) {
    return {
      start: { line: s.range.start.line, character: s.range.start.character + 1 },
      end: { line: s.range.end.line, character: s.range.end.character - 1 },
    };
  }
  return s.range;
}

/** Whether the source text of a node was written as a flow collection (`{ … }` / `[ … ]`). */
export function isFlow(ctx: ComposeRuleContext, n: CNode): boolean {
  const c = ctx.text[ctx.lines.offsetAt(n.range.start)];
  return c === '{' || c === '[';
}

/** Whether any definition of the service in the project (this file and related files) sets `key`. */
export function serviceHasKey(ctx: ComposeRuleContext, service: string, key: string): boolean {
  for (const def of ctx.project.serviceDefinitions(service)) {
    const n = def.node;
    if (n.kind === 'map' && n.entries.some((e) => e.key === key && !(e.value.kind === 'scalar' && e.value.value === null))) return true;
  }
  return false;
}

/** Whether a range lies inside another (inclusive). */
export function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

