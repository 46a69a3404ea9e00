import type { DockerfileRule } from '../types';
import type { Range } from '../../util/text';
import { jsonArray, parseInstruction, parseWords, splitWhitespace, type ParsedInstruction } from './_syntax';

/** Instructions BuildKit rejects without any argument (SHELL is DF016, HEALTHCHECK CMD without command DF011). */
const NEEDS_ONE = new Set(['ARG', 'ENV', 'LABEL', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'MAINTAINER', 'ONBUILD', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

export const rule: DockerfileRule = {
  code: 'DF002',
  name: 'missing-arguments',
  title: 'Instruction is missing required arguments',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: {
    dockerfileUtils: ['ARGUMENT_MISSING', 'ARGUMENT_REQUIRES_AT_LEAST_ONE', 'ARGUMENT_REQUIRES_TWO', 'ARGUMENT_REQUIRES_ONE_OR_THREE'],
  },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      const p = parseInstruction(ctx, info);
      const kw = p.keyword;
      const text = p.logical.text;
      const written = p.keywordTok.raw;

      if (kw === 'COPY' || kw === 'ADD') {
        const json = jsonArray(text, p.argsStart, p.argsEnd);
        if (json === 'not-strings') continue;
        // Two words are enough to know: the rest of a long COPY is not split.
        const n = json ? json.values.length : splitWhitespace(text, p.argsStart, p.argsEnd, 2).length;
        if (n >= 2) continue;
        if (n === 1) {
          const tok = json ? json.elems[0] : splitWhitespace(text, p.argsStart, p.argsEnd)[0];
          ctx.report({
            range: p.logical.range(tok.start, tok.end),
            message: `${written} needs a source and a destination: only "${tok.raw}" is given`,
          });
        } else {
          ctx.report({ range: kwRange(p), message: `${written} needs at least two arguments: a source and a destination` });
        }
        continue;
      }

      if (kw === 'ENV' || kw === 'LABEL') {
        // Only the first word matters (the rest is DF012's).
        const words = parseWords(text, p.argsStart, p.argsEnd, ctx.model.escapeChar, 1);
        if (!words.length) {
          ctx.report({ range: kwRange(p), message: `${written} needs at least one name=value pair` });
        } else if (!words[0].raw.includes('=') && splitWhitespace(text, p.argsStart, p.argsEnd, 2).length < 2) {
          // Legacy `ENV name value` form with no value.
          ctx.report({
            range: p.logical.range(words[0].start, words[0].end),
            message: `${written} ${words[0].raw} has no value: write ${words[0].raw}=<value>`,
          });
        }
        continue;
      }

      if (kw === 'VOLUME') {
        const json = jsonArray(text, p.argsStart, p.argsEnd);
        if (json && json !== 'not-strings') {
          if (!json.values.length) {
            ctx.report({ range: p.logical.range(json.open, json.close + 1), message: `${written} needs at least one path` });
            continue;
          }
          json.values.forEach((v, k) => {
            if (v.trim() === '') {
              ctx.report({ range: p.logical.range(json.elems[k].start, json.elems[k].end), message: `${written} path ${json.elems[k].raw} is empty` });
            }
          });
          continue;
        }
      }

      if (kw === 'HEALTHCHECK' && p.args === '') {
        ctx.report({ range: kwRange(p), message: `${written} needs CMD <command> or NONE` });
        continue;
      }

      if (NEEDS_ONE.has(kw) && p.args === '') {
        ctx.report({ range: kwRange(p), message: `${written} needs ${what(kw)}` });
      }
    }
  },
};

/** The keyword's range, built only for a finding (a closure per instruction was garbage). */
function kwRange(p: ParsedInstruction): Range {
  return p.logical.range(p.keywordTok.start, p.keywordTok.end);
}

function what(kw: string): string {
  switch (kw) {
    case 'FROM':
      return 'an image (FROM <image> [AS <name>])';
    case 'ONBUILD':
      return 'an instruction to trigger';
    case 'USER':
      return 'a user (USER <user>[:<group>])';
    case 'WORKDIR':
      return 'a path';
    case 'STOPSIGNAL':
      return 'a signal (e.g. SIGTERM)';
    case 'EXPOSE':
      return 'at least one port';
    case 'VOLUME':
      return 'at least one path';
    case 'ARG':
      return 'a name (ARG <name>[=<default>])';
    case 'MAINTAINER':
      return 'a name';
    default:
      return 'at least one argument';
  }
}
