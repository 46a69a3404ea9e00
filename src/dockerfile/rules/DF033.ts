import type { DockerfileRule } from '../types';
import type { Range } from '../../util/text';

const KNOWN = new Set([
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);
const DIRECTIVES = new Set(['syntax', 'escape', 'check']);

interface Keyword {
  readonly written: string;
  readonly range: Range;
  /** Counts towards the majority (BuildKit counts the instructions of stages, ONBUILD itself included). */
  readonly counts: boolean;
}

// ASCII keywords are tested in place: `s === s.toLowerCase()` built a lowercase copy of every
// upper-case keyword. Anything else keeps the library's case mapping (e.g. `ſ` upper-cases to `S`).
function isLower(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    if (k >= 0x80) return s === s.toLowerCase();
    if (k >= 65 && k <= 90) return false;
  }
  return true;
}
function isUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const k = s.charCodeAt(i);
    if (k >= 0x80) return s === s.toUpperCase();
    if (k >= 97 && k <= 122) return false;
  }
  return true;
}

export const rule: DockerfileRule = {
  code: 'DF033',
  name: 'instruction-casing',
  title: 'Instruction casing is inconsistent (or a parser directive is not lowercase)',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { buildkit: ['ConsistentInstructionCasing'], dockerfileUtils: ['CASING_INSTRUCTION', 'CASING_DIRECTIVE'] },
  check(ctx) {
    const keywords: Keyword[] = [];
    for (const info of ctx.model.instructions) {
      if (info.onbuild) {
        const ob = info.onbuild;
        keywords.push({ written: ob.getInstruction(), range: ob.getInstructionRange(), counts: !!info.stage });
        // The trigger is checked against the same casing (BuildKit does not look at it).
        if (KNOWN.has(info.keyword)) keywords.push({ written: info.node.getInstruction(), range: info.node.getInstructionRange(), counts: false });
        continue;
      }
      if (!KNOWN.has(info.keyword)) continue; // DF001's business
      keywords.push({ written: info.node.getInstruction(), range: info.node.getInstructionRange(), counts: !!info.stage });
    }
    let lower = 0;
    let upper = 0;
    for (const k of keywords) {
      if (!k.counts) continue;
      if (isLower(k.written)) lower++;
      else if (isUpper(k.written)) upper++;
    }
    // `instructionCasing: uppercase` asks for upper case everywhere (dockerfile-utils' rule);
    // by default the majority decides, ties going to upper case (BuildKit).
    const wantLower = ctx.options.instructionCasing !== 'uppercase' && lower > upper;
    for (const k of keywords) {
      if (wantLower ? isLower(k.written) : isUpper(k.written)) continue; // no case-mapped copy for the many already right
      const want = wantLower ? k.written.toLowerCase() : k.written.toUpperCase();
      const mixed = !isLower(k.written) && !isUpper(k.written);
      ctx.report({
        range: k.range,
        message: mixed
          ? `Instruction "${k.written}" mixes upper and lower case: write "${want}"`
          : `Instruction "${k.written}" should be ${wantLower ? 'lowercase' : 'uppercase'} like the rest of the file: "${want}"`,
        fixes: [{ title: `Replace "${k.written}" with "${want}"`, edits: [{ range: k.range, newText: want }], preferred: true }],
      });
    }
    for (const d of ctx.ast.getDirectives()) {
      const name = d.getName();
      if (!DIRECTIVES.has(name.toLowerCase()) || isLower(name)) continue;
      const range = d.getNameRange();
      const want = name.toLowerCase();
      ctx.report({
        range,
        message: `Parser directive "${name}" should be lowercase: "${want}"`,
        fixes: [{ title: `Replace "${name}" with "${want}"`, edits: [{ range, newText: want }], preferred: true }],
      });
    }
  },
};
