import type { DockerfileRule, RuleContext } from '../types';
import { jsonArray, lex, mayHaveLexProblems, parseInstruction, parseWords, splitWhitespace, type ParsedInstruction } from './_syntax';

/** Instructions whose arguments BuildKit expands with its own lexer (so `${…}` syntax is checked at build time). */
const EXPANDED_TOKENS = new Set(['ADD', 'COPY', 'EXPOSE', 'VOLUME']);
const EXPANDED_WHOLE = new Set(['USER', 'WORKDIR', 'STOPSIGNAL']);

export const rule: DockerfileRule = {
  code: 'DF012',
  name: 'invalid-key-value-syntax',
  title: 'ENV/LABEL/ARG syntax error (missing =, blank name, unterminated quote) or unsupported ${…} modifier',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { dockerfileUtils: ['SYNTAX_MISSING_EQUALS', 'SYNTAX_MISSING_NAMES', 'SYNTAX_MISSING_SINGLE_QUOTE', 'SYNTAX_MISSING_DOUBLE_QUOTE', 'UNSUPPORTED_MODIFIER'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      const p = parseInstruction(ctx, info);
      const kw = p.keyword;
      if (kw === 'ENV' || kw === 'LABEL' || kw === 'ARG') checkKeyValues(ctx, p);
      else if (EXPANDED_TOKENS.has(kw)) {
        const json = jsonArray(p.logical.text, p.argsStart, p.argsEnd);
        if (json === 'not-strings') continue;
        if (json) {
          json.values.forEach((v, k) => {
            if (!mayHaveLexProblems(v, 0, v.length)) return;
            const r = lex(v, 0, v.length, ctx.model.escapeChar);
            const bad = r.problems.find((x) => x.kind === 'substitution');
            if (bad) substitution(ctx, p, json.elems[k].start, json.elems[k].end, v.slice(bad.start, bad.end), bad.message);
          });
        } else if (mayHaveLexProblems(p.logical.text, p.argsStart, p.argsEnd)) {
          // A token can only have a problem where the whole arguments can: most COPY lines are not split at all.
          for (const t of splitWhitespace(p.logical.text, p.argsStart, p.argsEnd)) substitutionsIn(ctx, p, t.start, t.end);
        }
      } else if (kw === 'FROM' && !info.onbuild) {
        const t = splitWhitespace(p.logical.text, p.argsStart, p.argsEnd, 1)[0];
        if (t) substitutionsIn(ctx, p, t.start, t.end);
      } else if (EXPANDED_WHOLE.has(kw) && p.args) {
        substitutionsIn(ctx, p, p.argsStart, p.argsEnd);
      }
    }
  },
};

function substitution(ctx: RuleContext, p: ParsedInstruction, start: number, end: number, expr: string, message: string): void {
  ctx.report({ range: p.logical.range(start, end), message: `Bad variable substitution "${expr}": ${message}` });
}

function substitutionsIn(ctx: RuleContext, p: ParsedInstruction, start: number, end: number): void {
  if (!mayHaveLexProblems(p.logical.text, start, end)) return;
  const r = lex(p.logical.text, start, end, ctx.model.escapeChar);
  for (const x of r.problems) {
    if (x.kind === 'substitution') substitution(ctx, p, x.start, x.end, p.logical.text.slice(x.start, x.end), x.message);
  }
}

/** Quote and substitution problems of one value (a function, not a closure per ENV/LABEL/ARG). */
function valueProblems(ctx: RuleContext, p: ParsedInstruction, start: number, end: number): void {
  const text = p.logical.text;
  if (!mayHaveLexProblems(text, start, end)) return;
  const r = lex(text, start, end, ctx.model.escapeChar);
  for (const x of r.problems) {
    if (x.kind === 'quote') {
      ctx.report({
        range: p.logical.range(x.start, x.end),
        message: `${p.keywordTok.raw}: ${x.message} in ${JSON.stringify(text.slice(x.start, x.end))}`,
      });
    } else {
      substitution(ctx, p, x.start, x.end, text.slice(x.start, x.end), x.message);
    }
  }
}

function checkKeyValues(ctx: RuleContext, p: ParsedInstruction): void {
  const text = p.logical.text;
  const esc = ctx.model.escapeChar;
  const kw = p.keywordTok.raw;
  const words = parseWords(text, p.argsStart, p.argsEnd, esc);
  if (!words.length) return; // DF002
  if (p.keyword !== 'ARG' && !words[0].raw.includes('=')) {
    // Legacy `ENV name value…`: the value is the rest of the line.
    const parts = splitWhitespace(text, p.argsStart, p.argsEnd);
    if (parts.length < 2) return; // DF002
    valueProblems(ctx, p, parts[0].start, parts[0].end);
    let s = parts[0].end;
    while (s < p.argsEnd && /\s/.test(text[s])) s++;
    valueProblems(ctx, p, s, p.argsEnd);
    return;
  }
  for (const w of words) {
    const eq = w.raw.indexOf('=');
    if (eq < 0 && w.raw.startsWith('#') && p.keyword !== 'ARG') {
      const rest = text.slice(w.start, p.argsEnd);
      ctx.report({
        range: p.logical.range(w.start, p.argsEnd),
        message: `${kw}: "${rest}" is not a comment: Dockerfiles have no inline comments, and it has no "="`,
      });
      break;
    }
    if (eq < 0) {
      if (p.keyword !== 'ARG') {
        ctx.report({
          range: p.logical.range(w.start, w.end),
          message: `${kw}: missing "=" in "${w.raw}": write name=value (mixing "name value" with "name=value" is not allowed)`,
        });
      } else {
        valueProblems(ctx, p, w.start, w.end);
      }
      continue;
    }
    if (eq === 0) {
      ctx.report({ range: p.logical.range(w.start, w.end), message: `${kw}: blank name in "${w.raw}"` });
      continue;
    }
    valueProblems(ctx, p, w.start, w.end);
  }
}
