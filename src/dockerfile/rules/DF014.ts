import type { DockerfileRule } from '../types';
import { parseInstruction, splitWhitespace } from './_syntax';

interface Problem {
  message: string;
  start: number;
  end: number;
}

/** BuildKit's parsePortRange: `N` or `N-M` with 0 ≤ N ≤ M ≤ 65535 (decimal digits only). */
function portRangeProblem(s: string): string | undefined {
  if (s === '') return 'no port given';
  const parts = s.split('-');
  if (parts.length > 2) return `invalid port range "${s}"`;
  for (const part of parts) {
    if (!/^[0-9]+$/.test(part)) return `"${part}" is not a port number`;
    if (Number(part) > 65535) return `port ${part} is out of range (0-65535)`;
  }
  if (parts.length === 2 && Number(parts[1]) < Number(parts[0])) return `invalid range "${s}" (end before start)`;
  return undefined;
}

/** BuildKit's parsePortSpec on `[ip:][hostPort:]port[-port][/proto]`; offsets are into `spec`. */
function portSpecProblem(spec: string): Problem | undefined {
  const slash = spec.indexOf('/');
  const portPart = slash >= 0 ? spec.slice(0, slash) : spec;
  if (slash >= 0) {
    const proto = spec.slice(slash + 1).toLowerCase();
    if (proto !== '' && proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') {
      return { message: `invalid protocol "${spec.slice(slash + 1)}" (expected tcp, udp or sctp)`, start: slash + 1, end: spec.length };
    }
  }
  // [ip:]hostPort:containerPort — the container port is after the last colon.
  const lastColon = portPart.lastIndexOf(':');
  const container = portPart.slice(lastColon + 1);
  const cStart = lastColon + 1;
  if (container === '') return { message: 'no port given', start: 0, end: Math.max(spec.length, 1) };
  const cp = portRangeProblem(container);
  if (cp) return { message: cp, start: cStart, end: cStart + container.length };
  if (lastColon >= 0) {
    const before = portPart.slice(0, lastColon);
    const hc = before.lastIndexOf(':');
    const host = before.slice(hc + 1);
    if (host !== '') {
      const hp = portRangeProblem(host);
      if (hp) return { message: `host port: ${hp}`, start: hc + 1, end: lastColon };
      const [cs, ce = cs] = container.split('-').map(Number);
      const [hs, he = hs] = host.split('-').map(Number);
      if (ce - cs !== he - hs && ce !== cs) {
        return { message: `port ranges ${host} and ${container} have different sizes`, start: hc + 1, end: cStart + container.length };
      }
    }
  }
  return undefined;
}

export const rule: DockerfileRule = {
  code: 'DF014',
  name: 'expose-invalid-port',
  title: 'EXPOSE with an invalid port (not a number, outside 0–65535) or a protocol other than tcp/udp/sctp',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { hadolint: ['DL3011'], dockerfileUtils: ['INVALID_PORT', 'INVALID_PROTO'], other: ['DS-0008'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'EXPOSE') continue;
      const p = parseInstruction(ctx, info);
      if (p.keyword !== 'EXPOSE') continue;
      for (const t of splitWhitespace(p.logical.text, p.argsStart, p.argsEnd)) {
        if (t.raw.includes('$') || /["'\\`]/.test(t.raw)) continue; // expanded at build time
        if (t.raw.startsWith('#')) {
          const end = p.argsEnd;
          ctx.report({
            range: p.logical.range(t.start, end),
            message: `EXPOSE "${p.logical.text.slice(t.start, end)}" is not a comment: Dockerfiles have no inline comments, so it is read as a port`,
          });
          break;
        }
        const pr = portSpecProblem(t.raw);
        if (!pr) continue;
        ctx.report({ range: p.logical.range(t.start + pr.start, t.start + pr.end), message: `EXPOSE ${t.raw}: ${pr.message}` });
      }
    }
  },
};
