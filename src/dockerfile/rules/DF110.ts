import type { DockerfileRule, Fix } from '../types';
import { allLabelPairs, plainKeyRaw } from './_labels';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's key conventions (same checks as hadolint DL3048), or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  if (RESERVED.some((p) => key.startsWith(p))) return `uses the namespace "${RESERVED.find((p) => key.startsWith(p))}" reserved by Docker`;
  const bad = /[^a-z0-9.-]/.exec(key);
  if (bad) {
    const c = bad[0];
    if (c >= 'A' && c <= 'Z') return 'has uppercase letters';
    return `has the character "${c}"; use lowercase letters, digits, "." and "-"`;
  }
  if (!/^[a-z]/.test(key)) return 'must start with a lowercase letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lowercase letter or a digit';
  if (key.includes('..') || key.includes('--')) return 'has consecutive "." or "-"';
  return undefined;
}

export const rule: DockerfileRule = {
  code: 'DF110',
  name: 'invalid-label-key',
  title: 'Label key does not follow Docker\'s key format',
  defaultSeverity: 'style',
  fix: 'partial',
  anchors: { hadolint: ['DL3048'] },
  check(ctx) {
    for (const pair of allLabelPairs(ctx.model)) {
      const problem = labelKeyProblem(pair.name);
      if (!problem) continue;
      const fixes: Fix[] = [];
      const raw = ctx.lines.textOf(pair.nameRange);
      if (plainKeyRaw(raw, pair.name) && !pair.name.includes('$')) {
        const lower = pair.name.toLowerCase();
        const dashed = lower.replace(/_/g, '-');
        for (const candidate of lower === dashed ? [lower] : [lower, dashed]) {
          if (candidate !== pair.name && !labelKeyProblem(candidate)) {
            fixes.push({
              title: `Rename label key to "${candidate}"`,
              edits: [{ range: pair.nameRange, newText: raw.replace(pair.name, candidate) }],
            });
          }
        }
      }
      ctx.report({ range: pair.nameRange, message: `Label key "${pair.name}" ${problem}`, fixes });
    }
  },
};
