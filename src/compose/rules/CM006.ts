import type { ComposeRule, ComposeRuleContext } from './types';
import { interpolated, serviceChain, tokenRange } from './_services';

/** depends_on edges of every service of the project (definitions and `extends` bases merged). */
function graph(ctx: ComposeRuleContext): Map<string, string[]> {
  const names = ctx.project.names('services');
  const g = new Map<string, string[]>();
  for (const n of names) {
    const out = new Set<string>();
    for (const d of serviceChain(ctx, n).defs) for (const dep of d.dependsOn) if (names.has(dep.service)) out.add(dep.service);
    g.set(n, [...out]);
  }
  return g;
}

/** Strongly connected component id of every node (Tarjan, iterative). */
function components(g: Map<string, string[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const comp = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let next = 0;
  let ncomp = 0;
  for (const root of g.keys()) {
    if (index.has(root)) continue;
    const work: { v: string; i: number }[] = [{ v: root, i: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1];
      const succ = g.get(top.v) ?? [];
      if (top.i < succ.length) {
        const w = succ[top.i++];
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push({ v: w, i: 0 });
        } else if (onStack.has(w)) low.set(top.v, Math.min(low.get(top.v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].v;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.v)!));
      }
      if (low.get(top.v) === index.get(top.v)) {
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          comp.set(w, ncomp);
        } while (w !== top.v);
        ncomp++;
      }
    }
  }
  return comp;
}

/** Shortest path from `from` to `to` inside one component (both included). */
function path(g: Map<string, string[]>, comp: Map<string, number>, from: string, to: string): string[] {
  const prev = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length) {
    const v = queue.shift()!;
    if (v === to) break;
    for (const w of g.get(v) ?? []) {
      if (seen.has(w) || comp.get(w) !== comp.get(from)) continue;
      seen.add(w);
      prev.set(w, v);
      queue.push(w);
    }
  }
  const out = [to];
  for (let v = to; v !== from; ) {
    const p = prev.get(v);
    if (p === undefined) break;
    out.unshift(p);
    v = p;
  }
  return out;
}

export const rule: ComposeRule = {
  code: 'CM006',
  name: 'depends-on-cycle',
  title: 'Services depend on each other in a cycle',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { other: ['compose-go graph.CheckCycle'] },
  needsWorkspace: true,
  check(ctx) {
    if (!ctx.model.services.some((s) => s.dependsOn.length)) return;
    const g = graph(ctx);
    const comp = components(g);
    const reported = new Set<number>();
    for (const s of ctx.model.services) {
      for (const d of s.dependsOn) {
        if (interpolated(ctx, d.range) || !g.has(d.service)) continue;
        const c = comp.get(s.name);
        if (c === undefined || c !== comp.get(d.service) || reported.has(c)) continue;
        const self = d.service === s.name;
        if (!self && !(g.get(s.name) ?? []).includes(d.service)) continue;
        reported.add(c);
        const cycle = self ? [s.name, s.name] : [s.name, ...path(g, comp, d.service, s.name)];
        ctx.report({
          range: tokenRange(ctx, d.range, d.service),
          message: self
            ? `service "${s.name}" depends on itself: depends_on cycle ${cycle.join(" → ")}`
            : `service "${s.name}": depends_on cycle ${cycle.join(' → ')}`,
        });
      }
    }
  },
};
