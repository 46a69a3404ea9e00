import type { DockerfileRule } from '../types';
import { jsonArray, parseInstruction, splitWhitespace } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF020',
  name: 'copy-multiple-sources-dest-not-dir',
  title: 'COPY/ADD with several sources: the destination must end with /',
  defaultSeverity: 'error',
  fix: 'yes',
  anchors: { hadolint: ['DL3021'], dockerfileUtils: ['INVALID_DESTINATION'], other: ['DS-0011'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'COPY' && info.keyword !== 'ADD') continue;
      const p = parseInstruction(ctx, info);
      if (p.keyword !== 'COPY' && p.keyword !== 'ADD') continue;
      const text = p.logical.text;
      const json = jsonArray(text, p.argsStart, p.argsEnd);
      if (json === 'not-strings') continue;
      let dest: { value: string; start: number; end: number; insertAt: number } | undefined;
      let sources: number;
      if (json) {
        sources = json.values.length - 1;
        const d = json.elems[json.elems.length - 1];
        if (d) dest = { value: json.values[json.values.length - 1], start: d.start, end: d.end, insertAt: d.end - 1 };
      } else {
        const words = splitWhitespace(text, p.argsStart, p.argsEnd);
        // A quoted path with blanks is split by BuildKit (only the JSON form keeps it whole):
        // that is a different mistake, and counting its pieces as sources would mislead.
        if (words.some((w) => unbalancedQuotes(w.raw))) continue;
        sources = words.length - 1;
        const d = words[words.length - 1];
        if (d) {
          // Quotes removed, variables kept as written.
          const v = /^(["'])(.*)\1$/.exec(d.raw)?.[2] ?? d.raw;
          const closing = /["']$/.test(d.raw) && d.raw.length > 1 ? d.end - 1 : d.end;
          dest = { value: v, start: d.start, end: d.end, insertAt: closing };
        }
      }
      if (!dest || sources < 2) continue;
      let value = dest.value;
      // `$DIR` alone: use the ENV/ARG value when the file defines one.
      const onlyVar = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(value);
      if (onlyVar) {
        const resolved = ctx.ast.resolveVariable(onlyVar[1] ?? onlyVar[2], info.range.start.line);
        if (typeof resolved !== 'string') continue; // unknown at lint time
        value = resolved;
      }
      // BuildKit treats "." as a directory; a trailing slash is what makes anything else one.
      if (value.endsWith('/') || value === '.' || (ctx.model.escapeChar === '`' && value.endsWith('\\'))) continue;
      const written = text.slice(dest.start, dest.end);
      ctx.report({
        range: p.logical.range(dest.start, dest.end),
        message: `${p.keywordTok.raw} with ${sources} sources: destination ${written} must be a directory ending with /`,
        fixes: [{ title: `Append / to ${written}`, edits: [{ range: p.logical.range(dest.insertAt, dest.insertAt), newText: '/' }], preferred: true }],
      });
    }
  },
};

function unbalancedQuotes(word: string): boolean {
  let quote = '';
  for (const c of word) {
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
  }
  return quote !== '';
}
