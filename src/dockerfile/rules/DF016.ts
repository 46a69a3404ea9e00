import type { DockerfileRule } from '../types';
import { jsonArray, parseInstruction, singleQuotedArray } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF016',
  name: 'shell-not-json',
  title: 'SHELL is not a JSON array of strings, or is empty',
  defaultSeverity: 'error',
  fix: 'yes',
  anchors: { dockerfileUtils: ['SHELL_JSON_FORM', 'SHELL_REQUIRES_ONE'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'SHELL') continue;
      const p = parseInstruction(ctx, info);
      if (p.keyword !== 'SHELL') continue;
      const kwRange = p.logical.range(p.keywordTok.start, p.keywordTok.end);
      if (!p.args) {
        ctx.report({ range: kwRange, message: `${p.keywordTok.raw} needs a JSON array, e.g. SHELL ["/bin/sh", "-c"]` });
        continue;
      }
      const argsRange = p.logical.range(p.argsStart, p.argsEnd);
      const json = jsonArray(p.logical.text, p.argsStart, p.argsEnd);
      if (json === 'not-strings') {
        ctx.report({ range: argsRange, message: `${p.keywordTok.raw} array must contain only strings: ${p.args}` });
        continue;
      }
      if (json) {
        if (!json.values.length) ctx.report({ range: argsRange, message: `${p.keywordTok.raw} [] is empty: name a shell, e.g. ["/bin/sh", "-c"]` });
        continue;
      }
      const words = singleQuotedArray(p.logical.text, p.argsStart, p.argsEnd)?.values ?? shellWords(p.args);
      const replacement = words && words.length ? `[${words.map((w) => JSON.stringify(w)).join(', ')}]` : undefined;
      ctx.report({
        range: argsRange,
        message: `${p.keywordTok.raw} must be a JSON array, e.g. ${replacement ?? '["/bin/sh", "-c"]'}: got ${p.args}`,
        fixes: replacement ? [{ title: `Convert to ${replacement}`, edits: [{ range: argsRange, newText: replacement }], preferred: true }] : [],
      });
    }
  },
};

/** Splits shell-form words (quotes removed), or undefined when quoting is unbalanced. */
function shellWords(s: string): string[] | undefined {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"' && (s[i + 1] === '"' || s[i + 1] === '\\')) cur += s[++i];
      else cur += c;
      continue;
    }
    if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
      continue;
    }
    has = true;
    if (c === '"' || c === "'") quote = c;
    else cur += c;
  }
  if (quote) return undefined;
  if (has) out.push(cur);
  return out;
}
