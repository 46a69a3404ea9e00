import type { Range } from '../../util/text';
import type { CNode } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import { itemsOf, onceReporter, scalarContent, serviceKey } from './_imageRoles';

/** Container-engine API sockets: whoever talks to them controls the engine, and so the host. */
const SOCKET = /(^|\/)(docker|podman|containerd|crio|cri-dockerd|dockershim)\.sock$/;

/** Host directories that are sensitive as a whole (KICS isOSDir, without its prefix match on /home, /srv, /media, /var/*). */
const SENSITIVE_DIRS: ReadonlySet<string> = new Set([
  '/', '/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib32', '/lib64', '/proc', '/root', '/run', '/sbin', '/sys', '/usr',
  '/var', '/var/lib', '/var/run', '/var/lib/docker', '/var/lib/containerd', '/var/lib/kubelet',
]);

/** Subtrees where every path is sensitive. */
const SENSITIVE_PREFIXES = ['/proc/', '/sys/', '/boot/', '/root/', '/var/lib/docker/', '/var/lib/containerd/', '/var/lib/kubelet/'];

/** Sensitive files and directories under /etc and /dev (the rest, such as /etc/localtime, is harmless). */
const SENSITIVE_PATHS = /^\/etc\/(shadow|gshadow|sudoers|sudoers\.d|ssh|docker|kubernetes|containerd|crio)(\/|$)|^\/dev\/(mem|kmem|port)$/;

/** Credentials in a home directory (`~/.ssh`, `/home/me/.aws`, …), or a whole home directory given as `~`. */
const HOME_SECRETS = /^(~|\/home\/[^/]+|\/Users\/[^/]+)\/\.(ssh|aws|kube|docker|gnupg|azure|config\/gcloud)(\/|$)/;

function normalise(p: string): string {
  let s = p.trim().replace(/\/{2,}/g, '/');
  while (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

type Verdict = { kind: 'socket' | 'dir' | 'home'; path: string } | undefined;

/** Judges a host path; `written` is the source as written (with `${…}`), `value` the interpolated one. */
export function judgeHostPath(value: string, written: string): Verdict {
  const v = normalise(value);
  if (SOCKET.test(v)) return { kind: 'socket', path: v };
  let w = written;
  if (w.includes('$')) {
    // Only `$HOME`/`${HOME}` is judged through a variable (as `~`): anything else depends on the environment.
    const home = /^\$(\{HOME\}|HOME\b)/.exec(w);
    if (!home) return undefined;
    w = '~' + w.slice(home[0].length);
    if (w.includes('$')) return undefined;
  }
  const p = normalise(w);
  if (p === '~' || HOME_SECRETS.test(p)) return { kind: 'home', path: p };
  if (SENSITIVE_DIRS.has(p) || SENSITIVE_PREFIXES.some((x) => p.startsWith(x)) || SENSITIVE_PATHS.test(p)) return { kind: 'dir', path: p };
  return undefined;
}

/** Length of the SOURCE part of a short volume spec as written: up to the first `:` outside `${…}` and not a drive letter. */
function sourceLength(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) depth--;
    else if (c === ':' && depth === 0) {
      if (i === 1 && /[A-Za-z]/.test(text[0]) && (text[2] === '\\' || text[2] === '/')) continue;
      return i;
    }
  }
  return undefined;
}

function message(owner: string, v: NonNullable<Verdict>, readOnly: boolean): string {
  if (v.kind === 'socket') {
    return `${owner}: mounts the container engine socket \`${v.path}\`: whoever can reach it starts privileged containers, i.e. is root on the host${readOnly ? ' (`:ro` does not help: the API stays fully usable)' : ''}. Use a socket proxy that allows only the API calls needed, or drop the mount`;
  }
  if (v.kind === 'home') {
    return `${owner}: mounts \`${v.path}\` from the host, which holds credentials (SSH/cloud/registry keys); mount only the one file needed, read-only, or use a \`secret\``;
  }
  return `${owner}: bind-mounts the sensitive host path \`${v.path}\`${readOnly ? ' (read-only still exposes its contents)' : ''}; mount only the specific file or directory the container needs`;
}

export const rule: ComposeRule = {
  code: 'CM026',
  name: 'sensitive-host-mount',
  title: 'The Docker socket or a sensitive host directory is mounted into a container',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { other: ['KICS Docker Socket Mounted In Container', 'KICS Volume Has Sensitive Host Directory'] },
  check(ctx) {
    const once = onceReporter();
    const report = (range: Range, msg: string): void => {
      if (once(range)) ctx.report({ range, message: msg });
    };
    for (const s of ctx.model.services) {
      const items = itemsOf(serviceKey(s, 'volumes'));
      for (const m of s.volumes) {
        const node = items.find((it) => it.range.start.line === m.range.start.line && it.range.start.character === m.range.start.character);
        if (!node) continue;
        if (m.type === 'bind' && m.source) {
          const span = m.syntax === 'short' ? shortSource(ctx, node, m.source) : longSource(ctx, node);
          if (!span) continue;
          const v = judgeHostPath(m.source, span.written);
          if (v) report(span.range, message(`service "${s.name}"`, v, m.readOnly));
        } else if (m.syntax === 'short' && SOCKET.test(normalise(m.target))) {
          // `${DOCKER_SOCK}:/var/run/docker.sock`: the variable has no value here, but the target says what it is.
          const span = shortSource(ctx, node, m.source ?? '');
          if (span && span.written.startsWith('$')) report(span.range, message(`service "${s.name}"`, { kind: 'socket', path: span.written }, m.readOnly));
        }
      }
    }
    // A named volume whose driver_opts bind a host path (`o: bind`, `device: /etc`).
    for (const vol of ctx.model.volumes) {
      const opts = vol.node.kind === 'map' ? vol.node.entries.find((e) => e.key === 'driver_opts')?.value : undefined;
      if (opts?.kind !== 'map') continue;
      for (const key of ['device', 'mountpoint']) {
        const dev = opts.entries.find((e) => e.key === key)?.value;
        if (dev?.kind !== 'scalar' || dev.value === null) continue;
        const c = scalarContent(ctx.lines, dev);
        const v = judgeHostPath(String(dev.value), c?.text ?? String(dev.value));
        if (v) report(dev.range, message(`volume "${vol.name}"`, v, false));
      }
    }
  },
};

function shortSource(ctx: ComposeRuleContext, node: CNode, source: string): { range: Range; written: string } | undefined {
  const c = scalarContent(ctx.lines, node);
  // A block or escaped scalar: the whole item, judged by its value unless it was written with variables.
  if (!c) return { range: node.range, written: ctx.lines.textOf(node.range).includes('$') ? '$' : source };
  const len = sourceLength(c.text);
  if (len === undefined || len === 0) return undefined;
  return { range: ctx.lines.rangeOf(c.start, c.start + len), written: c.text.slice(0, len) };
}

function longSource(ctx: ComposeRuleContext, node: CNode): { range: Range; written: string } | undefined {
  const src = node.kind === 'map' ? node.entries.find((e) => e.key === 'source')?.value : undefined;
  if (!src || src.kind !== 'scalar') return undefined;
  const c = scalarContent(ctx.lines, src);
  return { range: src.range, written: c?.text ?? String(src.value) };
}
