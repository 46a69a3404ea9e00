import type { ComposeRule } from './types';
import { deleteEntryLines, entryOf } from './_edit';

export const rule: ComposeRule = {
  code: 'CM002',
  name: 'obsolete-version',
  title: 'The top-level `version:` is obsolete and ignored',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { other: ['compose-go warnObsoleteVersion', 'dclint no-version-field'] },
  check(ctx) {
    const entry = entryOf(ctx.root, 'version');
    if (!entry) return;
    const edit = deleteEntryLines(ctx.lines, entry);
    const value = entry.value.kind === 'scalar' && entry.value.value !== null ? ` (${String(entry.value.value)})` : '';
    ctx.report({
      range: entry.keyRange,
      message: `\`version\`${value} is obsolete: Compose ignores it and uses the latest Compose Specification`,
      fixes: edit ? [{ title: 'Remove the obsolete `version` line', edits: [edit], preferred: true }] : [],
    });
  },
};
