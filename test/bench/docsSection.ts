/** Rewrites a generated section of a Markdown file, between `<!-- NAME:begin -->` and `<!-- NAME:end -->`. */
import * as fs from 'node:fs';

export function replaceSection(file: string, name: string, body: string): 'replaced' | 'missing-markers' {
  const text = fs.readFileSync(file, 'utf8');
  const begin = `<!-- ${name}:begin -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(begin);
  const j = text.indexOf(end);
  if (i < 0 || j < i) return 'missing-markers';
  const next = text.slice(0, i + begin.length) + '\n' + body.trim() + '\n' + text.slice(j);
  if (next !== text) fs.writeFileSync(file, next);
  return 'replaced';
}
