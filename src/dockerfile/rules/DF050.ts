import type { Arg } from 'dockerfile-ast';
import type { DockerfileRule, Fix } from '../types';

/** Comments that are instructions to tools, not descriptions. */
const PRAGMA = /^(hadolint\b|dockyard-ignore|check\s*=|syntax\s*=|escape\s*=|shellcheck\b|noqa\b|trivy:|checkov:|nosemgrep|lint\b)/i;

export const rule: DockerfileRule = {
  code: 'DF050',
  name: 'definition-description-format',
  title: 'Comment above an ARG or named stage does not start with its name',
  defaultSeverity: 'off',
  fix: 'yes',
  anchors: { buildkit: ['InvalidDefinitionDescription'] },
  check(ctx) {
    const directiveLines = new Set(ctx.ast.getDirectives().map((d) => d.getRange().start.line));
    for (const info of ctx.model.instructions) {
      if (info.onbuild) continue;
      let keys: string[];
      let what: string;
      if (info.keyword === 'FROM') {
        const name = info.stage?.name;
        if (!name) continue;
        keys = [name.toLowerCase()]; // BuildKit compares with the lowercased stage name
        what = 'FROM';
      } else if (info.keyword === 'ARG') {
        keys = (info.node as Arg).getProperties().map((p) => p.getName());
        if (!keys.length) continue;
        what = 'ARG';
      } else continue;
      const line = info.range.start.line;
      if (line === 0 || directiveLines.has(line - 1)) continue;
      const text = ctx.lines.lineText(line - 1);
      const m = /^([ \t]*#[ \t]*)(.*?)[ \t]*$/.exec(text);
      if (!m || !m[2] || PRAGMA.test(m[2])) continue;
      const content = m[2];
      const first = content.split(' ')[0];
      if (keys.includes(first)) continue;
      const key = keys[0];
      const start = { line: line - 1, character: m[1].length };
      const range = { start, end: { line: line - 1, character: m[1].length + first.length } };
      const lineStart = { line, character: 0 };
      const fixes: Fix[] = [
        { title: `Start the comment with "${key}"`, edits: [{ range: { start, end: start }, newText: `${key} ` }], preferred: true },
        { title: 'Separate the comment with a blank line', edits: [{ range: { start: lineStart, end: lineStart }, newText: ctx.lines.eol }] },
      ];
      ctx.report({
        range,
        message: `Comment above ${what} ${keys.length > 1 ? keys.join(' ') : key} should read "# ${key} <description>" (or be separated by a blank line)`,
        fixes,
      });
    }
  },
};
