import type { DockerfileRule } from '../types';
import type { InstructionInfo } from '../model';
import { instructionLinesRange } from '../ruleUtils';

const ONCE = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export const rule: DockerfileRule = {
  code: 'DF035',
  name: 'multiple-cmd-entrypoint-healthcheck',
  title: 'Multiple CMD, ENTRYPOINT or HEALTHCHECK instructions in one stage',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: {
    hadolint: ['DL4003', 'DL4004', 'DL3012'],
    buildkit: ['MultipleInstructionsDisallowed'],
    dockerfileUtils: ['MULTIPLE_INSTRUCTIONS'],
    other: ['DS-0016', 'DS-0007', 'DS-0023'],
  },
  check(ctx) {
    // Per stage (instructions before any FROM form their own group); ONBUILD triggers
    // run in a later build, so they do not count.
    const groups = new Map<number, Map<string, InstructionInfo[]>>();
    for (const info of ctx.model.instructions) {
      if (info.onbuild || !ONCE.has(info.keyword)) continue;
      const key = info.stage?.index ?? -1;
      let byKeyword = groups.get(key);
      if (!byKeyword) groups.set(key, (byKeyword = new Map()));
      const list = byKeyword.get(info.keyword) ?? [];
      list.push(info);
      byKeyword.set(info.keyword, list);
    }
    for (const byKeyword of groups.values()) {
      for (const [keyword, list] of byKeyword) {
        if (list.length < 2) continue;
        const last = list[list.length - 1];
        // Like BuildKit, report the ones that are ignored: every one but the last.
        for (const info of list.slice(0, -1)) {
          const node = info.node;
          ctx.report({
            range: node.getInstructionRange(),
            message: `${node.getInstruction()} is ignored: a later ${keyword} on line ${last.range.start.line + 1} in the same stage replaces it`,
            fixes: [
              {
                title: `Remove this ${keyword} (only the last one takes effect)`,
                edits: [{ range: instructionLinesRange(ctx.lines, node), newText: '' }],
                preferred: true,
              },
            ],
          });
        }
      }
    }
  },
};
