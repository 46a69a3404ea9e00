import type { Range } from '../../util/text';
import type { CNode } from '../node';
import type { ServiceModel } from '../model';
import type { ComposeRule } from './types';
import { get } from '../node';
import { before, hasInterpolationProblem, parsePortRange, parsePortSpec, scalarText, subRange } from './_values';
import type { ComposeRuleContext } from './types';

interface Published {
  service: string;
  /** Host IP as written, '' when none. */
  ip: string;
  start: number;
  end: number;
  protocol: string;
  range: Range;
  /** Set for entries of other files (their path). */
  otherFile?: string;
  profiles: string[];
}

export const rule: ComposeRule = {
  code: 'CM017',
  name: 'duplicate-published-port',
  title: 'The same host port is published twice',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { other: ['dclint no-duplicate-exported-ports', 'moby "port is already allocated"'] },
  check(ctx) {
    const own: Published[] = [];
    for (const s of ctx.model.services) own.push(...publishedPorts(ctx, s, profilesOf(ctx, s), true));
    if (!own.length) return;
    const others: Published[] = [];
    for (const r of ctx.project.related) {
      if (r.relation === 'extends') continue; // only the extended service is used, not the whole file
      for (const s of r.model.services) {
        // The same service in an override file is merged with this one, not run beside it.
        if (ctx.model.services.some((m) => m.name === s.name)) continue;
        for (const p of publishedPorts(ctx, s, profilesOf(ctx, s), false)) others.push({ ...p, otherFile: r.path });
      }
    }
    own.sort((a, b) => (before(a.range, b.range) ? -1 : before(b.range, a.range) ? 1 : 0));
    for (let i = 0; i < own.length; i++) {
      const p = own[i];
      const clash = own.slice(0, i).find((q) => conflicts(p, q)) ?? others.find((q) => conflicts(p, q));
      if (!clash) continue;
      const port = p.start === p.end ? `${p.start}` : `${p.start}-${p.end}`;
      const where = clash.otherFile ? `in ${clash.otherFile.split('/').pop()}` : `line ${clash.range.start.line + 1}`;
      const by = clash.service === p.service ? 'by this service' : `by service "${clash.service}"`;
      ctx.report({
        range: p.range,
        message: `service "${p.service}": host port ${port}/${p.protocol}${p.ip ? ` on ${p.ip}` : ''} is already published ${by} (${where}): the second container fails with "port is already allocated"`,
      });
    }
  },
};

function profilesOf(ctx: ComposeRuleContext, s: ServiceModel): string[] {
  const out = new Set<string>();
  for (const d of ctx.project.serviceDefinitions(s.name)) for (const p of d.profiles) out.add(p.value);
  for (const p of s.profiles) out.add(p.value);
  return [...out];
}

/** Published host ports of a service with a fixed host port (no ephemeral `0`, no dynamic `8000-8010:80` range). */
function publishedPorts(ctx: ComposeRuleContext, s: ServiceModel, profiles: string[], thisFile: boolean): Published[] {
  const ports = get(s.node, 'ports');
  if (ports?.kind !== 'seq') return [];
  const out: Published[] = [];
  const skip = (n: CNode): boolean => thisFile && hasInterpolationProblem(ctx, n.range);
  for (const it of ports.items) {
    if (it.kind === 'scalar') {
      const raw = scalarText(it);
      if (raw === undefined || skip(it)) continue;
      const spec = parsePortSpec(raw);
      if (spec.error || !spec.hostRange || !spec.containerRange || !spec.host) continue;
      const hr = spec.hostRange;
      const cr = spec.containerRange;
      if (hr.start === 0 || (cr.start === cr.end && hr.start !== hr.end)) continue;
      const range = thisFile ? subRange(ctx, it.range, raw, spec.host.start, spec.host.start + spec.host.text.length) : it.range;
      out.push({ service: s.name, ip: spec.ip?.text ?? '', start: hr.start, end: hr.end, protocol: spec.protocol, range, profiles });
    } else if (it.kind === 'map') {
      const published = get(it, 'published');
      const text = scalarText(published);
      if (!published || text === undefined || text === '' || skip(it)) continue;
      const r = parsePortRange(text);
      if (typeof r === 'string' || r.start === 0 || r.start !== r.end) continue;
      const proto = (scalarText(get(it, 'protocol')) || 'tcp').toLowerCase();
      out.push({ service: s.name, ip: scalarText(get(it, 'host_ip')) ?? '', start: r.start, end: r.end, protocol: proto, range: published.range, profiles });
    }
  }
  return out;
}

function conflicts(a: Published, b: Published): boolean {
  if (a.protocol !== b.protocol) return false;
  if (a.start > b.end || b.start > a.end) return false;
  if (!ipsOverlap(a.ip, b.ip)) return false;
  // Services whose profiles are disjoint never run together.
  if (a.service !== b.service && a.profiles.length && b.profiles.length && !a.profiles.some((p) => b.profiles.includes(p))) return false;
  return true;
}

/** Whether two host IPs bind the same address: '' is every address, 0.0.0.0 every IPv4 one, :: every IPv6 one. */
function ipsOverlap(a: string, b: string): boolean {
  const x = a.replace(/^\[(.*)\]$/, '$1');
  const y = b.replace(/^\[(.*)\]$/, '$1');
  if (x === y || x === '' || y === '') return true;
  const v6 = (s: string): boolean => s.includes(':');
  if (x === '0.0.0.0') return !v6(y);
  if (y === '0.0.0.0') return !v6(x);
  if (x === '::') return v6(y);
  if (y === '::') return v6(x);
  return false;
}
