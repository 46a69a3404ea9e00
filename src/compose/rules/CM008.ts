import type { ComposeRule } from './types';
import { get } from '../node';
import { hasInterpolationProblem, isGoIP, parsePortRange, parsePortSpec, scalarText, subRange } from './_values';

export const rule: ComposeRule = {
  code: 'CM008',
  name: 'invalid-port',
  title: 'A port mapping that Docker Compose cannot parse (range, protocol, host IP, number)',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { other: ['compose-go types.ParsePortConfig', 'go-connections nat.ParsePortSpec', 'compose-go checkIPAddress'] },
  check(ctx) {
    for (const s of ctx.model.services) {
      const ports = get(s.node, 'ports');
      if (ports?.kind !== 'seq') continue;
      for (const it of ports.items) {
        if (it.kind === 'scalar') {
          const raw = scalarText(it);
          if (raw === undefined || typeof it.value === 'boolean' || hasInterpolationProblem(ctx, it.range)) continue;
          const spec = parsePortSpec(raw);
          if (!spec.error) continue;
          ctx.report({
            range: subRange(ctx, it.range, raw, spec.error.start, spec.error.end),
            message: `service "${s.name}": invalid port "${raw}": ${spec.error.message}`,
          });
        } else if (it.kind === 'map') {
          const target = get(it, 'target');
          const t = scalarText(target);
          if (target && t !== undefined && !hasInterpolationProblem(ctx, target.range)) {
            const problem = /^\d+-\d+$/.test(t) ? undefined : checkSingle(t);
            if (problem) ctx.report({ range: target.range, message: `service "${s.name}": invalid container port "${t}": ${problem}` });
          }
          const published = get(it, 'published');
          const p = scalarText(published);
          if (published && p !== undefined && p !== '' && !hasInterpolationProblem(ctx, published.range)) {
            const r = parsePortRange(p);
            if (typeof r === 'string') ctx.report({ range: published.range, message: `service "${s.name}": invalid published port "${p}": ${r}` });
          }
          const hostIp = get(it, 'host_ip');
          const ip = scalarText(hostIp);
          if (hostIp && ip !== undefined && !hasInterpolationProblem(ctx, hostIp.range) && !isGoIP(ip)) {
            ctx.report({ range: hostIp.range, message: `service "${s.name}": invalid host_ip "${ip}": not an IPv4 or IPv6 address` });
          }
          const protocol = get(it, 'protocol');
          const proto = scalarText(protocol);
          if (protocol && proto !== undefined && proto !== '' && !hasInterpolationProblem(ctx, protocol.range) && !['tcp', 'udp', 'sctp'].includes(proto.toLowerCase())) {
            ctx.report({ range: protocol.range, message: `service "${s.name}": unknown protocol "${proto}" (use tcp, udp or sctp)` });
          }
        }
      }
    }
  },
};

/** A single container port: 1 to 65535. */
function checkSingle(t: string): string | undefined {
  const r = parsePortRange(t);
  if (typeof r === 'string') return r;
  if (r.start === 0) return 'port 0 is not a port';
  return undefined;
}
