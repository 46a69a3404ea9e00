import type { DockerfileRule, Fix } from '../types';
import type { InstructionInfo } from '../model';
import type { ShellScript } from '../shell/types';
import { flagsKey, mergeRunsEdit, shellFormScript } from './_run';

/** Number of commands a RUN script runs (nested ones included, pure assignments not). */
function commandCount(script: ShellScript): number {
  return script.commands.filter((c) => c.words.length > 0).length;
}

export const rule: DockerfileRule = {
  code: 'DF084',
  name: 'consecutive-run',
  title: 'Consecutive RUN instructions could be merged',
  defaultSeverity: 'info',
  fix: 'yes',
  anchors: { hadolint: ['DL3059'] },
  check(ctx) {
    let prev: { info: InstructionInfo; script: ShellScript; flags: string } | undefined;
    for (const info of ctx.model.instructions) {
      const script = info.keyword === 'RUN' && !info.onbuild ? shellFormScript(info) : undefined;
      if (!script || commandCount(script) > 1) {
        prev = undefined;
        continue;
      }
      const flags = flagsKey(info.node);
      if (prev && prev.flags === flags && prev.info.stage === info.stage) {
        const edit = mergeRunsEdit(ctx.lines, ctx.model.escapeChar, prev.info, prev.script, info, script);
        const fixes: Fix[] = edit ? [{ title: 'Merge into the previous RUN with &&', edits: [edit], preferred: true }] : [];
        const range = info.node.getInstructionRange();
        ctx.report({
          range,
          message: `${info.node.getInstruction()} right after a RUN with the same flags: merge them into one layer with &&`,
          fixes,
        });
      }
      prev = { info, script, flags };
    }
  },
};
