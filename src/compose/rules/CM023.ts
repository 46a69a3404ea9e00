import type { Range, TextEdit } from '../../util/text';
import type { PortConfig, ServiceModel } from '../model';
import type { CNode } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import { imageInfo, itemsOf, onceReporter, portNumbers, scalarContent, SENSITIVE_PORTS, serviceKey } from './_imageRoles';
import { scalarText } from './_values';

/** Host IPs that mean "every interface" when written explicitly are a choice: only a missing host IP is reported. */
function hostIpMissing(p: PortConfig): boolean {
  return p.hostIp === undefined || p.hostIp === '';
}

const ROLE: Readonly<Record<string, string>> = { database: 'a database', cache: 'a cache', broker: 'a message broker', search: 'a search engine' };

/** Why a port of this service is worth keeping off the network, or undefined. */
function sensitivity(s: ServiceModel, p: PortConfig): string | undefined {
  const info = imageInfo(s.image?.value);
  if (info) return info.role === 'admin' ? 'an admin UI' : `${ROLE[info.role]}: ${info.kind}`;
  const hit = portNumbers(p.target).find((n) => SENSITIVE_PORTS.has(n));
  return hit !== undefined ? `port ${hit}: a database, cache or broker port` : undefined;
}

/** Whether the written text of the HOST part (everything before the container port) uses a variable. */
function hostPartUsesVariable(written: string): boolean {
  const lastColon = written.lastIndexOf(':');
  return lastColon > 0 && written.slice(0, lastColon).includes('$');
}

export const rule: ComposeRule = {
  code: 'CM023',
  name: 'unbound-port-interface',
  title: 'Published port has no host IP, so it listens on every interface (database, cache and admin ports by default)',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { other: ['KICS Container Traffic Not Bound To Host Interface', 'dclint no-unbound-port-interfaces'] },
  check(ctx) {
    const all = ctx.options.allUnboundPorts === true;
    const once = onceReporter();
    for (const s of ctx.model.services) {
      // `network_mode: host` ignores `ports` (the process binds the host's interfaces itself).
      if (s.networkMode?.value === 'host') continue;
      const items = itemsOf(serviceKey(s, 'ports'));
      for (const p of s.ports) {
        if (!hostIpMissing(p)) continue;
        const why = sensitivity(s, p);
        if (!why && !all) continue;
        const node = items.find((it) => it.range.start.line === p.range.start.line && it.range.start.character === p.range.start.character);
        if (!node) continue;
        const found = p.syntax === 'short' ? shortPort(ctx, node, p) : longPort(ctx, node);
        if (!found || !once(found.range)) continue;
        const shown = p.syntax === 'short' ? (p.raw ?? '') : `${p.published ?? ''}:${p.target}`;
        const what = p.published ? `publishes \`${shown}\` on every interface of the host` : `publishes container port ${p.target} on a random host port of every interface`;
        ctx.report({
          range: found.range,
          message: `service "${s.name}" ${what}${why ? ` (${why})` : ''}: anyone who can reach the host can connect, and Docker's iptables rules bypass ufw/firewalld. Bind it to 127.0.0.1 unless it must be reachable from other machines`,
          fixes: found.edit ? [{ title: 'Bind the port to 127.0.0.1', edits: [found.edit], preferred: true }] : [],
        });
      }
    }
  },
};

function shortPort(ctx: ComposeRuleContext, node: CNode, p: PortConfig): { range: Range; edit?: TextEdit } | undefined {
  const c = scalarContent(ctx.lines, node);
  if (!c) return { range: node.range };
  // `${PORT}:5432` with no value for PORT: the host part is unknown, maybe an IP:port (mailcow's `${SQL_PORT:-127.0.0.1:13306}`).
  if (hostPartUsesVariable(c.text) && !p.published) return undefined;
  const range = ctx.lines.rangeOf(c.start, c.start + c.text.length);
  const prefix = p.published ? '127.0.0.1:' : '127.0.0.1::';
  const at = ctx.lines.positionAt(c.start);
  return { range, edit: { range: { start: at, end: at }, newText: prefix } };
}

function longPort(ctx: ComposeRuleContext, node: CNode): { range: Range; edit?: TextEdit } | undefined {
  if (node.kind !== 'map') return undefined;
  const published = node.entries.find((e) => e.key === 'published');
  const target = node.entries.find((e) => e.key === 'target');
  const shown = published ?? target;
  if (!shown) return undefined;
  if (published && ctx.lines.textOf(published.value.range).includes('$') && scalarText(published.value) === '') return undefined;
  // `host_ip: 127.0.0.1` as a new line at the indentation of the mapping's keys (block mappings only).
  const first = node.entries.reduce((a, b) => (ctx.lines.offsetAt(b.keyRange.start) < ctx.lines.offsetAt(a.keyRange.start) ? b : a));
  const line = ctx.lines.lineText(first.keyRange.start.line);
  const before = line.slice(0, first.keyRange.start.character);
  let edit: TextEdit | undefined;
  if (/^[ ]*(- +)?$/.test(before) && !before.includes('\t')) {
    const indent = ' '.repeat(first.keyRange.start.character);
    let last = node.entries[0];
    for (const e of node.entries) if (ctx.lines.offsetAt(e.value.range.end) > ctx.lines.offsetAt(last.value.range.end)) last = e;
    const end = last.value.range.end;
    const endLine = end.character === 0 && end.line > last.keyRange.start.line ? end.line - 1 : end.line;
    const pos = ctx.lines.positionAt(ctx.lines.lineEndOffset(endLine));
    edit = { range: { start: pos, end: pos }, newText: `${ctx.lines.eol}${indent}host_ip: 127.0.0.1` };
  }
  return { range: shown.value.range, edit };
}
