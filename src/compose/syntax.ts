/** Short-syntax parsers for ports and volumes (compose-go `types.ParsePortConfig`, `format.ParseVolume`). */

export interface ShortPort {
  hostIp?: string;
  published?: string;
  target: string;
  protocol: string;
  error?: string;
}

/** `[[HOST_IP:]PUBLISHED:]TARGET[/PROTOCOL]`; IPv6 host in brackets. */
export function parseShortPort(spec: string): ShortPort {
  let s = spec.trim();
  let protocol = 'tcp';
  // go-connections' SplitProtoPort on the container part: the protocol is what stands between the
  // first `/` and the next (`80/udp`, `80/` is tcp), lower-cased, as rules/_values.ts parsePortSpec.
  const slash = s.indexOf('/', s.lastIndexOf(':') + 1);
  if (slash >= 0) {
    protocol = s.slice(slash + 1).split('/')[0].toLowerCase() || 'tcp';
    s = s.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close > 0) {
      hostIp = s.slice(1, close);
      s = s.slice(close + 1).replace(/^:/, '');
    }
  }
  const parts = s.split(':');
  let published: string | undefined;
  let target: string;
  if (hostIp !== undefined) {
    if (parts.length === 1) target = parts[0];
    else {
      published = parts[0];
      target = parts.slice(1).join(':');
    }
  } else if (parts.length === 1) {
    target = parts[0];
  } else if (parts.length === 2) {
    published = parts[0];
    target = parts[1];
  } else {
    // host_ip may itself be an unbracketed IPv6 address: the last two parts are published:target.
    target = parts[parts.length - 1];
    published = parts[parts.length - 2];
    hostIp = parts.slice(0, -2).join(':');
  }
  const res: ShortPort = { hostIp: hostIp || undefined, published: published || undefined, target, protocol };
  const portish = /^\d+(-\d+)?$/;
  if (!portish.test(target) || (published !== undefined && published !== '' && !portish.test(published))) res.error = `invalid port specification "${spec}"`;
  return res;
}

export interface ShortVolume {
  type: 'volume' | 'bind';
  source?: string;
  target: string;
  mode: string[];
}

function isPathSource(s: string): boolean {
  // compose-go isFilePath: `.`, `/`, `~`, a UNC/named pipe `\\`, or a Windows drive.
  return s.startsWith('.') || s.startsWith('/') || s.startsWith('~') || s.startsWith('\\\\') || /^[A-Za-z]:/.test(s);
}

/** `[SOURCE:]TARGET[:MODE]`, with Windows drive letters kept in paths. */
export function parseShortVolume(spec: string): ShortVolume {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === ':') {
      // `C:\` or `C:/` at the start of a part is a drive letter.
      if (cur.length === 1 && /[A-Za-z]/.test(cur) && (spec[i + 1] === '\\' || spec[i + 1] === '/')) {
        cur += c;
        continue;
      }
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  let source: string | undefined;
  let target: string;
  let mode: string[] = [];
  if (parts.length === 1) target = parts[0];
  else if (parts.length === 2) {
    source = parts[0];
    target = parts[1];
  } else {
    source = parts[0];
    target = parts[1];
    mode = parts.slice(2).join(':').split(',').filter(Boolean);
  }
  const type = source !== undefined && isPathSource(source) ? 'bind' : 'volume';
  return { type, source: source || undefined, target, mode };
}
