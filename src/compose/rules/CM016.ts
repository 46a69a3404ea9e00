import type { ComposeRule } from './types';
import { once, rawServices } from './_raw';
import { replace } from './_edit';

/** YAML 1.1 base-60 integers (`22:22`, `1:30:00`): what PyYAML and go-yaml v2 read such a port as. */
const SEXAGESIMAL = /^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$/;

/** The number a YAML 1.1 parser reads a base-60 scalar as. */
export function sexagesimalValue(s: string): number | undefined {
  if (!SEXAGESIMAL.test(s)) return undefined;
  const sign = s.startsWith('-') ? -1 : 1;
  let v = 0;
  for (const part of s.replace(/^[-+]/, '').replace(/_/g, '').split(':')) v = v * 60 + Number(part);
  return sign * v;
}

export const rule: ComposeRule = {
  code: 'CM016',
  name: 'unquoted-port',
  title: 'A short-syntax `HOST:CONTAINER` port is not quoted',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { other: ['dclint require-quotes-in-ports'] },
  check(ctx) {
    const first = once();
    for (const svc of rawServices(ctx.root)) {
      const ports = svc.node.entries.find((e) => e.key === 'ports')?.value;
      if (ports?.kind !== 'seq') continue;
      for (const it of ports.items) {
        if (it.kind !== 'scalar' || it.plain === undefined || !it.plain.includes(':')) continue;
        if (it.range.start.line !== it.range.end.line || !first(it.range)) continue;
        const src = it.plain;
        const base60 = sexagesimalValue(src);
        const why =
          base60 !== undefined
            ? `a YAML 1.1 parser reads it as the base-60 number ${base60}`
            : 'quote HOST:CONTAINER ports so that every YAML parser reads them as text';
        const quoted = `"${src.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
        ctx.report({
          range: it.range,
          message: `service "${svc.name}": port ${src} is not quoted: ${why}`,
          fixes: [{ title: `Quote the port: ${quoted}`, edits: [replace(it.range, quoted)], preferred: true }],
        });
      }
    }
  },
};
