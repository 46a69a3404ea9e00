import type { ServiceModel } from '../model';
import type { CNode } from '../node';
import type { ComposeRule } from './types';
import { itemsOf, serviceKey } from './_imageRoles';
import { scalarText } from './_values';

function at(n: CNode | undefined, ...path: string[]): CNode | undefined {
  let cur = n;
  for (const k of path) cur = cur?.kind === 'map' ? cur.entries.find((e) => e.key === k)?.value : undefined;
  return cur;
}

function set(n: CNode | undefined): boolean {
  return !!n && !(n.kind === 'scalar' && (n.value === null || n.value === ''));
}

/** A pids limit that limits (`-1` and `0` mean unlimited). */
function pidsSet(n: CNode | undefined): boolean {
  const v = scalarText(n)?.trim();
  return v !== undefined && v !== '' && v !== '-1' && v !== '0';
}

/** What one definition of a service sets, by item. */
function present(s: ServiceModel): Set<string> {
  const out = new Set<string>();
  const limits = at(s.node, 'deploy', 'resources', 'limits');
  if (set(serviceKey(s, 'mem_limit')) || set(at(limits, 'memory'))) out.add('memory');
  if (['cpus', 'cpu_quota', 'cpu_count', 'cpu_percent', 'cpuset'].some((k) => set(serviceKey(s, k))) || set(at(limits, 'cpus'))) out.add('cpu');
  if (pidsSet(serviceKey(s, 'pids_limit')) || pidsSet(at(limits, 'pids'))) out.add('pids');
  // An explicit `disable: true` / `test: ["NONE"]` is a decision, not an omission.
  if (s.healthcheck || set(serviceKey(s, 'healthcheck'))) out.add('healthcheck');
  for (const it of itemsOf(serviceKey(s, 'security_opt'))) {
    const v = scalarText(it)?.trim().toLowerCase().replace(/\s+/g, '');
    if (v === 'no-new-privileges' || v === 'no-new-privileges:true' || v === 'no-new-privileges=true') out.add('nnp');
  }
  return out;
}

const LABELS: readonly [item: string, label: string, key: string][] = [
  ['memory', 'memory limit', '`mem_limit`'],
  ['cpu', 'CPU limit', '`cpus`'],
  ['pids', 'pids limit', '`pids_limit`'],
  ['healthcheck', 'healthcheck', '`healthcheck`'],
  ['nnp', 'no-new-privileges', '`security_opt: [no-new-privileges:true]`'],
];

function list(words: string[], last: string): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}` : words[0];
}

export const rule: ComposeRule = {
  code: 'CM028',
  name: 'missing-resource-limits',
  title: 'Service has no memory/CPU/pids limit, no healthcheck or no `no-new-privileges`',
  defaultSeverity: 'off',
  fix: 'no',
  anchors: {
    other: [
      'KICS Memory Not Limited',
      'KICS Cpus Not Limited',
      'KICS Pids Limit Not Set',
      'KICS Healthcheck Not Set',
      'KICS No New Privileges Not Set',
    ],
  },
  check(ctx) {
    for (const s of ctx.model.services) {
      // `extends` brings keys from another service (maybe another file): not judged.
      if (s.extends || s.node.kind !== 'map') continue;
      const defs = ctx.project.serviceDefinitions(s.name);
      if (defs.some((d) => d.extends)) continue;
      const have = new Set<string>();
      const all = defs.length ? defs : [s];
      // A fragment that names neither image nor build completes a service defined in a file we do not see.
      if (!all.some((d) => d.image || d.build)) continue;
      for (const d of all) for (const x of present(d)) have.add(x);
      const missing = LABELS.filter(([item]) => !have.has(item));
      if (!missing.length) continue;
      ctx.report({
        range: s.nameRange,
        message: `service "${s.name}" has no ${list(missing.map((m) => m[1]), 'or')}: set ${list(missing.map((m) => m[2]), 'and')}`,
      });
    }
  },
};
