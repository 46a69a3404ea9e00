/**
 * Shared helpers of CM007, CM008, CM009, CM011, CM012, CM013 and CM017:
 * the port grammar of docker/go-connections `nat.ParsePortSpec` (what
 * compose-go's `types.ParsePortConfig` calls), Go's `net.ParseIP`, Go's
 * `path.Clean`, docker/go-units `RAMInBytes`, and where a scalar's value sits
 * in the source. Pure.
 */
import type { Range } from '../../util/text';
import type { CNode, CScalar } from '../node';
import type { ComposeRuleContext } from './types';
import { normalizePath } from '../paths';
import { contains } from './_raw';

/** Whether an interpolation problem (unresolved variable, `${X:?}`) lies inside a range: the value is then not judged. */
export function hasInterpolationProblem(ctx: ComposeRuleContext, range: Range): boolean {
  return ctx.interpolation.some((p) => contains(range, p.range));
}


/** Whether the source text of a range was written with `$` (interpolated). */
export function writtenWithDollar(ctx: ComposeRuleContext, range: Range): boolean {
  return ctx.lines.textOf(range).includes('$');
}

/**
 * Offset (in the whole text) of the first character of a scalar's string
 * value when the value is written as is (plain, or quoted without escapes);
 * undefined otherwise (interpolated, escaped, block scalar).
 */
export function valueOffset(ctx: ComposeRuleContext, range: Range, value: string): number | undefined {
  const src = ctx.lines.textOf(range);
  const start = ctx.lines.offsetAt(range.start);
  if (src === value) return start;
  if (src.length >= 2 && (src[0] === '"' || src[0] === "'") && src[src.length - 1] === src[0] && src.slice(1, -1) === value) return start + 1;
  return undefined;
}

/** The range of `value[from, to)` when the value maps onto its source, else the whole range. */
export function subRange(ctx: ComposeRuleContext, range: Range, value: string, from: number, to: number): Range {
  const off = valueOffset(ctx, range, value);
  if (off === undefined || from >= to) return range;
  return ctx.lines.rangeOf(off + from, off + to);
}

/** A scalar's value as a string (numbers and booleans converted), undefined for null/collections. */
export function scalarText(n: CNode | undefined): string | undefined {
  if (n?.kind !== 'scalar' || n.value === null) return undefined;
  return String(n.value);
}

export function isScalar(n: CNode | undefined): n is CScalar {
  return n?.kind === 'scalar';
}

// ---------------------------------------------------------------------------
// Go's net.ParseIP

/** Go's `net.ParseIP` (Go ≥ 1.17: no leading zeros in IPv4 parts, no zone). */
export function isGoIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  let groups = 0;
  let body = s;
  // An embedded IPv4 address counts for two groups.
  const lastColon = body.lastIndexOf(':');
  const tail = body.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    groups += 2;
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const dbl = body.indexOf('::');
  if (dbl >= 0 && body.indexOf('::', dbl + 1) >= 0) return false;
  const parts = dbl >= 0 ? [body.slice(0, dbl), body.slice(dbl + 2)] : [body];
  for (const part of parts) {
    if (part === '') continue;
    for (const g of part.split(':')) {
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return false;
      groups++;
    }
  }
  return dbl >= 0 ? groups <= 7 : groups === 8;
}

// ---------------------------------------------------------------------------
// go-connections nat.ParsePortSpec

export interface PortRange {
  start: number;
  end: number;
}

/** `nat.ParsePortRange`: `N` or `N-M`, each `strconv.ParseUint(s, 10, 16)`, end ≥ start. A string error otherwise. */
export function parsePortRange(s: string): PortRange | string {
  if (s === '') return 'empty port';
  const dash = s.indexOf('-');
  if (dash < 0) {
    const n = parseUint16(s);
    return typeof n === 'number' ? { start: n, end: n } : n;
  }
  const parts = s.split('-');
  const start = parseUint16(parts[0]);
  if (typeof start !== 'number') return start;
  const end = parseUint16(parts[1]);
  if (typeof end !== 'number') return end;
  if (end < start) return `the range ${s} ends before it starts`;
  return { start, end };
}

function parseUint16(s: string): number | string {
  if (!/^\d+$/.test(s)) return s === '' ? 'empty port number' : `"${s}" is not a port number`;
  const n = Number(s);
  if (n > 65535) return `${s} is above 65535`;
  return n;
}

/** One part of a short port spec: its text and offset in the spec. */
export interface SpecPart {
  text: string;
  start: number;
}

export interface PortSpec {
  ip?: SpecPart;
  host?: SpecPart;
  container: SpecPart;
  proto?: SpecPart;
  /** Protocol, lower-cased, `tcp` by default. */
  protocol: string;
  hostRange?: PortRange;
  containerRange?: PortRange;
  /** The first problem, with the offending part of the spec. */
  error?: { message: string; start: number; end: number };
}

/**
 * `nat.ParsePortSpec`: `[[IP:]HOST:]CONTAINER[/PROTO]`, split on every `:`
 * (more than three parts: all but the last two are the IP); the protocol is
 * what follows the first `/` of the container part; a bracketed IP is
 * unwrapped; then protocol, IP, container and host are checked in that order.
 */
export function parsePortSpec(raw: string): PortSpec {
  const parts: SpecPart[] = [];
  let from = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === ':') {
      parts.push({ text: raw.slice(from, i), start: from });
      from = i + 1;
    }
  }
  let ip: SpecPart | undefined;
  let host: SpecPart | undefined;
  let containerWithProto: SpecPart;
  const n = parts.length;
  if (n === 1) containerWithProto = parts[0];
  else if (n === 2) [host, containerWithProto] = parts;
  else {
    ip = { text: raw.slice(0, parts[n - 2].start - 1), start: 0 };
    host = parts[n - 2];
    containerWithProto = parts[n - 1];
  }
  const slash = containerWithProto.text.indexOf('/');
  const container: SpecPart = slash < 0 ? containerWithProto : { text: containerWithProto.text.slice(0, slash), start: containerWithProto.start };
  // SplitProtoPort: the protocol stands between the first `/` and the next one.
  const proto: SpecPart | undefined = slash < 0 ? undefined : { text: containerWithProto.text.slice(slash + 1).split('/')[0], start: containerWithProto.start + slash + 1 };
  const protocol = container.text === '' ? '' : (proto?.text || 'tcp').toLowerCase();
  const spec: PortSpec = { ip: ip?.text ? ip : undefined, host: host?.text ? host : undefined, container, proto, protocol };
  const fail = (message: string, p: SpecPart | undefined): PortSpec => {
    const part = p && p.text !== '' ? p : { text: raw, start: 0 };
    spec.error = { message, start: part.start, end: part.start + part.text.length };
    return spec;
  };
  if (container.text !== '' && !['tcp', 'udp', 'sctp'].includes(protocol)) return fail(`unknown protocol "${proto?.text ?? ''}" (use tcp, udp or sctp)`, proto);
  if (ip && ip.text !== '') {
    let addr = ip.text;
    if (addr.startsWith('[')) {
      const close = addr.indexOf(']');
      if (close !== addr.length - 1) return fail(`invalid host IP "${ip.text}"`, ip);
      addr = addr.slice(1, -1);
    }
    if (!isGoIP(addr)) return fail(`invalid host IP "${ip.text}"`, ip);
  }
  if (container.text === '') return fail('no container port', undefined);
  const cr = parsePortRange(container.text);
  if (typeof cr === 'string') return fail(`invalid container port "${container.text}": ${cr}`, container);
  spec.containerRange = cr;
  if (cr.start === 0) return fail('container port 0 is not a port', container);
  if (host && host.text !== '') {
    const hr = parsePortRange(host.text);
    if (typeof hr === 'string') return fail(`invalid host port "${host.text}": ${hr}`, host);
    spec.hostRange = hr;
    if (hr.end - hr.start !== cr.end - cr.start && cr.end !== cr.start) {
      spec.error = {
        message: `the host range ${host.text} and the container range ${container.text} have different lengths`,
        start: host.start,
        end: container.start + container.text.length,
      };
      return spec;
    }
  }
  return spec;
}

// ---------------------------------------------------------------------------
// paths and sizes

/** Go's `path.Clean` (slash paths): `/data/` → `/data`, `/a//b/./c/..` → `/a/b`. */
export const cleanPath = normalizePath;

/** docker/go-units `RAMInBytes` (`512m`, `1.5GB`, `1024`; binary units), undefined when unreadable. */
export function ramInBytes(v: string | number): number | undefined {
  if (typeof v === 'number') return v;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?b)?\s*$/i.exec(v);
  if (!m) return undefined;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }[m[2].toLowerCase() as '' | 'k'];
  return Math.floor(Number(m[1]) * mult);
}

/** Whether range `a` starts before range `b`. */
export function before(a: Range, b: Range): boolean {
  return a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
}
