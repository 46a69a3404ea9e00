import type { DockerfileRule } from '../types';

/** BuildKit's directive line (after the leading `#`): `name = value`. */
const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const KNOWN = new Set(['syntax', 'escape', 'check']);

export const rule: DockerfileRule = {
  code: 'DF019',
  name: 'invalid-parser-directive',
  title: 'Invalid escape directive, or a parser directive given twice',
  defaultSeverity: 'error',
  fix: 'partial',
  anchors: { dockerfileUtils: ['INVALID_ESCAPE_DIRECTIVE', 'DUPLICATED_ESCAPE_DIRECTIVE'] },
  check(ctx) {
    const lines = ctx.lines;
    const seen = new Set<string>();
    // Directives are read from the top until the first line that is not one (BuildKit's DirectiveParser).
    for (let line = 0; line < lines.lineCount; line++) {
      const raw = lines.lineText(line);
      const indent = raw.length - raw.trimStart().length;
      const m = DIRECTIVE.exec(raw.slice(indent));
      if (!m) return;
      const name = m[1].toLowerCase();
      if (!KNOWN.has(name)) return;
      const nameStart = indent + raw.slice(indent).indexOf(m[1]);
      const valueStart = raw.lastIndexOf(m[2]);
      const nameRange = { start: { line, character: nameStart }, end: { line, character: nameStart + m[1].length } };
      if (seen.has(name)) {
        const next = line + 1 < lines.lineCount ? { line: line + 1, character: 0 } : { line, character: raw.length };
        const start = next.line === line && line > 0 ? { line: line - 1, character: lines.lineText(line - 1).length } : { line, character: 0 };
        ctx.report({
          range: { start: nameRange.start, end: { line, character: valueStart + m[2].length } },
          message: `Only one "${name}" parser directive can be used: "${raw.trim()}" repeats it`,
          fixes: [{ title: `Remove the duplicate ${name} directive`, edits: [{ range: { start, end: next }, newText: '' }], preferred: true }],
        });
        continue;
      }
      seen.add(name);
      if (name === 'escape' && m[2] !== '\\' && m[2] !== '`') {
        ctx.report({
          range: { start: { line, character: valueStart }, end: { line, character: valueStart + m[2].length } },
          message: `Invalid escape directive value "${m[2]}": must be \\ or \``,
        });
      }
    }
  },
};
