import type { ComposeRule } from './types';
import { editDistance } from '../../util/text';
import { get } from '../node';
import { hasInterpolationProblem, valueOffset, writtenWithDollar } from './_values';

/** What the engine accepts, and what Docker Compose maps onto it (`none` → no, `any` → always). */
const POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'];
const ALIASES = ['none', 'any'];
/** Frequent wrong spellings with an obvious meaning. */
const MEANS: Record<string, string> = { never: 'no', false: 'no', off: 'no', true: 'always', yes: 'always', 'unless-stop': 'unless-stopped' };

export const rule: ComposeRule = {
  code: 'CM013',
  name: 'invalid-restart',
  title: 'The `restart` policy is not no, always, on-failure[:N] or unless-stopped',
  defaultSeverity: 'error',
  fix: 'partial',
  anchors: { other: ['docker compose getRestartPolicy/mapRestartPolicyCondition', 'moby ValidateRestartPolicy'] },
  check(ctx) {
    for (const s of ctx.model.services) {
      const n = get(s.node, 'restart');
      // Booleans and numbers are a schema error (CM001); an unset variable is not judged.
      if (n?.kind !== 'scalar' || typeof n.value !== 'string' || hasInterpolationProblem(ctx, n.range)) continue;
      const value = n.value;
      const problem = judge(value);
      if (!problem) continue;
      const suggestion = suggest(value);
      const off = writtenWithDollar(ctx, n.range) ? undefined : valueOffset(ctx, n.range, value);
      const fixes =
        suggestion && off !== undefined
          ? [{ title: `Change to "${suggestion}"`, edits: [{ range: ctx.lines.rangeOf(off, off + value.length), newText: suggestion }], preferred: true }]
          : [];
      ctx.report({
        range: n.range,
        message: `service "${s.name}": restart "${value}" ${problem}${suggestion ? `: did you mean "${suggestion}"?` : ''}`,
        fixes,
      });
    }
  },
};

/** Why the engine refuses the value (undefined when it is valid). Mirrors Compose: split on `:`, count via Atoi. */
function judge(value: string): string | undefined {
  if (value === '') return undefined;
  const parts = value.split(':');
  const mode = parts[0];
  if (!POLICIES.includes(mode) && !ALIASES.includes(mode)) return 'is not a restart policy (use no, always, on-failure[:N] or unless-stopped)';
  if (parts.length === 1) return undefined;
  const count = parts[1];
  if (mode !== 'on-failure') return `cannot have a retry count: only "on-failure" takes one`;
  if (!/^[-+]?\d+$/.test(count)) return `has a retry count "${count}" that is not a number (Compose silently reads it as 0)`;
  if (Number(count) < 0) return 'has a negative retry count';
  return undefined;
}

/** The closest valid value, keeping an `on-failure` count. */
function suggest(value: string): string | undefined {
  const [head, ...rest] = value.split(':');
  const norm = head.trim().toLowerCase().replace(/[_\s]+/g, '-');
  let mode = MEANS[norm] ?? (POLICIES.includes(norm) ? norm : undefined);
  if (!mode) {
    let best: string | undefined;
    let bestD = Infinity;
    for (const p of POLICIES) {
      const d = editDistance(norm, p);
      if (d < bestD) {
        best = p;
        bestD = d;
      }
    }
    if (best && bestD <= Math.max(1, Math.floor(best.length / 3))) mode = best;
  }
  if (!mode) return undefined;
  if (rest.length === 0) return mode === value ? undefined : mode;
  const count = rest.join(':').trim();
  if (/^\d+$/.test(count) && (mode === 'on-failure' || norm.startsWith('on'))) return `on-failure:${count}`;
  return undefined;
}
