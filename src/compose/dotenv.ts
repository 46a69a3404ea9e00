/**
 * `.env` / `env_file` parsing as compose-go's dotenv does it: `KEY=VALUE`,
 * `export KEY=VALUE`, `#` comments, single quotes literal, double quotes with
 * escapes and interpolation, unquoted values trimmed and interpolated
 * (inline ` #` comments dropped), `KEY` alone taken from the lookup.
 */
import { interpolateString, type Lookup } from './interpolate';

export interface DotenvEntry {
  key: string;
  value: string | undefined;
  line: number;
}

export interface DotenvResult {
  values: Record<string, string>;
  entries: DotenvEntry[];
  errors: { line: number; message: string }[];
}

export function parseDotenv(text: string, lookup: Lookup = () => undefined): DotenvResult {
  const values: Record<string, string> = {};
  const entries: DotenvEntry[] = [];
  const errors: { line: number; message: string }[] = [];
  const look: Lookup = (n) => (n in values ? values[n] : lookup(n));
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = src.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i;
    let line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('export ')) line = line.slice(7).trimStart();
    const m = /^([^=\s:]+)\s*(?:(=)\s*)?(.*)$/s.exec(line);
    if (!m) {
      errors.push({ line: lineNo, message: `unexpected character in "${lines[i]}"` });
      continue;
    }
    const key = m[1];
    if (!m[2]) {
      if (m[3].trim() !== '' && !m[3].trim().startsWith('#')) {
        errors.push({ line: lineNo, message: `key "${key}" has no "="` });
        continue;
      }
      const v = lookup(key);
      entries.push({ key, value: v, line: lineNo });
      if (v !== undefined) values[key] = v;
      continue;
    }
    let rest = m[3];
    let value: string;
    const q = rest[0];
    if (q === '"' || q === "'") {
      // Find the closing quote, possibly on a later line.
      let body = rest.slice(1);
      let end = findQuote(body, q);
      while (end < 0 && i + 1 < lines.length) {
        i++;
        body += '\n' + lines[i];
        end = findQuote(body, q);
      }
      if (end < 0) {
        errors.push({ line: lineNo, message: `unterminated quoted value for ${key}` });
        value = body;
      } else value = body.slice(0, end);
      if (q === '"') {
        value = value.replace(/\\([nrt"\\$])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', $: '\\$' })[c] ?? c);
        value = expand(value, look);
      }
    } else {
      const hash = rest.search(/\s#/);
      if (hash >= 0) rest = rest.slice(0, hash);
      value = expand(rest.trim(), look);
    }
    values[key] = value;
    entries.push({ key, value, line: lineNo });
  }
  return { values, entries, errors };
}

function findQuote(s: string, q: string): number {
  for (let i = 0; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === q) return i;
  }
  return -1;
}

function expand(v: string, look: Lookup): string {
  if (!v.includes('$')) return v;
  // `\$` escapes a dollar in dotenv.
  const parts = v.split('\\$');
  return parts.map((p) => interpolateString(p, look).value).join('$');
}
