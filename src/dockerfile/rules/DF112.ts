import type { Instruction } from 'dockerfile-ast';
import type { LineIndex, TextEdit } from '../../util/text';
import type { DockerfileRule } from '../types';
import { indentOf } from '../ruleUtils';
import { allLabelPairs, stageLabels } from './_labels';

/** Inserts whole lines after an instruction (its last line), keeping its indentation. */
function insertLinesAfter(lines: LineIndex, node: Instruction, newLines: readonly string[]): TextEdit {
  const endLine = node.getRange().end.line;
  const indent = indentOf(lines, node);
  const eol = lines.eol;
  const body = newLines.map((l) => indent + l).join(eol);
  if (endLine + 1 < lines.lineCount) {
    const p = { line: endLine + 1, character: 0 };
    return { range: { start: p, end: p }, newText: body + eol };
  }
  const p = { line: endLine, character: lines.lineText(endLine).length };
  return { range: { start: p, end: p }, newText: eol + body };
}

function labelKeyText(key: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(key) ? key : JSON.stringify(key);
}

const INLINE_IGNORE = /^\s*#\s*hadolint\s+ignore\s*=/i;

export const rule: DockerfileRule = {
  code: 'DF112',
  name: 'required-label-missing',
  title: 'A required label is missing (or a label outside the schema is set)',
  defaultSeverity: 'off',
  fix: 'yes',
  anchors: { hadolint: ['DL3049', 'DL3050', 'DL1001'], other: ['CKV_DOCKER_LABEL_CHECK'] },
  check(ctx) {
    const required = (ctx.options.requiredLabels ?? []).filter((l) => typeof l === 'string' && l.trim() !== '');
    const stage = ctx.model.finalStage;
    if (stage && required.length) {
      const present = stageLabels(stage);
      // Group the stubs with the stage's last LABEL when it has one, else right after FROM.
      let anchor: Instruction = stage.from;
      for (const info of stage.instructions) if (info.keyword === 'LABEL' && !info.onbuild) anchor = info.node;
      for (const key of required) {
        if (present.has(key)) continue;
        ctx.report({
          range: stage.from.getInstructionRange(),
          message: `Required label "${key}" is missing from the final stage`,
          fixes: [
            {
              title: `Add LABEL ${labelKeyText(key)}=""`,
              edits: [insertLinesAfter(ctx.lines, anchor, [`LABEL ${labelKeyText(key)}=""`])],
              preferred: true,
            },
          ],
        });
      }
    }

    // hadolint's `strict-labels` (DL3050): only the labels the schema names are allowed.
    if (ctx.options.strictLabels === true) {
      const allowed = new Set([...required, ...Object.keys(ctx.options.labelSchema ?? {})]);
      if (allowed.size) {
        for (const pair of allLabelPairs(ctx.model)) {
          if (allowed.has(pair.name)) continue;
          ctx.report({ range: pair.nameRange, message: `Label "${pair.name}" is not in the label schema` });
        }
      }
    }

    // hadolint DL1001: inline `# hadolint ignore=` pragmas are not allowed by the team's policy.
    if (ctx.options.forbidInlineIgnores === true) {
      for (let line = 0; line < ctx.lines.lineCount; line++) {
        const t = ctx.lines.lineText(line);
        if (!INLINE_IGNORE.test(t)) continue;
        const start = t.indexOf('#');
        ctx.report({
          range: { start: { line, character: start }, end: { line, character: t.trimEnd().length } },
          message: 'Inline "# hadolint ignore=" pragma: fix the finding or ignore the rule in the configuration',
        });
      }
    }
  },
};
