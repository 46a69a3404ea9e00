import type { Fix } from '../../dockerfile/types';
import type { CNode } from '../node';
import type { ComposeRule } from './types';
import { contains, once, rawServices } from './_raw';
import { replace } from './_edit';

/** Values that the container's shell expands, where `$VAR` usually meant `$$VAR`. */
function shellValues(svc: { node: CNode }): CNode[] {
  const out: CNode[] = [];
  if (svc.node.kind !== 'map') return out;
  for (const e of svc.node.entries) {
    if (e.key === 'command' || e.key === 'entrypoint') out.push(e.value);
    if (e.key === 'healthcheck' && e.value.kind === 'map') {
      const t = e.value.entries.find((x) => x.key === 'test');
      if (t) out.push(t.value);
    }
  }
  return out;
}

export const rule: ComposeRule = {
  code: 'CM014',
  name: 'unset-variable',
  title: 'A `${VAR}` has no default and is not set in `.env`',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { other: ['compose-go template: "The VAR variable is not set. Defaulting to a blank string."'] },
  needsWorkspace: true,
  check(ctx) {
    // Without file access the `.env` is unknown: every variable would look unset.
    if (!ctx.workspace) return;
    // compose-go sets COMPOSE_PROJECT_NAME for interpolation from the project name.
    const problems = ctx.interpolation.filter((p) => p.code === 'unresolved-variable' && p.variable && p.variable !== 'COMPOSE_PROJECT_NAME');
    if (!problems.length) return;
    const services = rawServices(ctx.root);
    const first = once();
    for (const p of problems) {
      if (!first(p.range)) continue;
      const name = p.variable!;
      const written = ctx.lines.textOf(p.range);
      const svc = services.find((s) => contains(s.node.range, p.range));
      const where = svc ? `service "${svc.name}": ` : '';
      const fixes: Fix[] = [];
      const exact = written === `\${${name}}` || written === `$${name}`;
      if (exact) {
        fixes.push({ title: `Default to an empty string: \${${name}:-}`, edits: [replace(p.range, `\${${name}:-}`)], preferred: true });
        if (svc && shellValues(svc).some((n) => contains(n.range, p.range))) {
          fixes.push({ title: `Escape it for the container's shell: $${written}`, edits: [replace(p.range, `$${written}`)] });
        }
      }
      ctx.report({
        range: p.range,
        message: `${where}${exact ? written : `\${${name}}`} has no default and ${name} is not set in .env: Compose substitutes an empty string (and warns)`,
        fixes,
      });
    }
  },
};
