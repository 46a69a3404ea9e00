import type { DockerfileRule } from '../types';
import { parseInstruction } from './_syntax';

const DURATION_FLAGS = new Set(['interval', 'timeout', 'start-period', 'start-interval']);
const UNITS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };
const MAX_NS = 2 ** 63 - 1; // Go time.Duration (int64 nanoseconds); approximate as a double

/** Go's time.ParseDuration: nanoseconds, or an error message. */
export function parseGoDuration(s: string): { ns: number } | { error: string } {
  const orig = s;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ns: 0 };
  if (s === '') return { error: `invalid duration "${orig}"` };
  let total = 0;
  while (s !== '') {
    if (!/^[0-9.]/.test(s)) return { error: `invalid duration "${orig}"` };
    const m = /^([0-9]*)(?:\.([0-9]*))?/.exec(s)!;
    const pre = m[1].length > 0;
    const post = m[2] !== undefined && m[2].length > 0;
    if (!pre && !post) return { error: `invalid duration "${orig}"` };
    const num = Number(`${m[1] || '0'}.${m[2] ?? ''}`.replace(/\.$/, ''));
    s = s.slice(m[0].length);
    const u = /^[^0-9.]*/.exec(s)![0];
    if (!u) return { error: `missing unit in duration "${orig}"` };
    const scale = UNITS[u];
    if (scale === undefined) return { error: `unknown unit "${u}" in duration "${orig}"` };
    s = s.slice(u.length);
    total += num * scale;
    if (total > MAX_NS) return { error: `invalid duration "${orig}" (out of range)` };
  }
  return { ns: neg ? -total : total };
}

export const rule: DockerfileRule = {
  code: 'DF010',
  name: 'healthcheck-invalid-duration',
  title: 'HEALTHCHECK duration or retries value is invalid',
  defaultSeverity: 'error',
  fix: 'partial',
  anchors: {
    dockerfileUtils: [
      'FLAG_INVALID_DURATION',
      'FLAG_MISSING_DURATION',
      'FLAG_UNKNOWN_UNIT',
      'FLAG_LESS_THAN_1MS',
      'FLAG_AT_LEAST_ONE',
      'INVALID_SYNTAX',
    ],
  },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'HEALTHCHECK') continue;
      const p = parseInstruction(ctx, info);
      if (p.keyword !== 'HEALTHCHECK' || /^NONE(\s|$)/i.test(p.args)) continue; // BuildKit ignores flags on NONE
      for (const f of p.flags) {
        if (f.value === null || f.value === '' || f.valueStart === undefined) continue; // DF009 / empty = default
        const range = p.logical.range(f.valueStart, f.end);
        if (DURATION_FLAGS.has(f.name)) {
          const d = parseGoDuration(f.value);
          if ('error' in d) {
            const fixed = `${f.value}s`;
            const withUnit = /[0-9.]$/.test(f.value) ? parseGoDuration(fixed) : undefined;
            const fixable = withUnit && 'ns' in withUnit && withUnit.ns >= 1e6 && f.raw.endsWith(f.value);
            ctx.report({
              range,
              message: `--${f.name}=${f.value}: ${d.error} (use a unit: ms, s, m or h, e.g. 30s)`,
              fixes: fixable ? [{ title: `Use "${fixed}"`, edits: [{ range: { start: range.end, end: range.end }, newText: 's' }], preferred: true }] : [],
            });
          } else if (d.ns !== 0 && d.ns < 1e6) {
            ctx.report({ range, message: `--${f.name}=${f.value}: must be 0 or at least 1ms` });
          }
        } else if (f.name === 'retries') {
          if (!/^[+-]?[0-9]+$/.test(f.value)) {
            ctx.report({ range, message: `--retries=${f.value}: not an integer` });
            continue;
          }
          const n = Number(f.value);
          if (n > 2147483647 || n < -2147483648) ctx.report({ range, message: `--retries=${f.value}: out of range` });
          else if (n < 0) ctx.report({ range, message: `--retries=${f.value}: cannot be negative` });
        }
      }
    }
  },
};
