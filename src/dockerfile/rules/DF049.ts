import ignore from '@balena/dockerignore';
import type { DockerfileRule, WorkspaceAccess } from '../types';
import { argWords, flagOf, isHeredocWord } from './_words';

function sepOf(p: string): string {
  return p.includes('\\') && !p.includes('/') ? '\\' : '/';
}

function join(dir: string, name: string): string {
  const sep = sepOf(dir);
  return dir.replace(/[\\/]+$/, '') + sep + name;
}

/**
 * The ignore file BuildKit uses: `<Dockerfile>.dockerignore` next to the
 * Dockerfile first, then `.dockerignore` at the root of the context.
 */
export function ignoreFile(workspace: WorkspaceAccess, filePath: string | undefined): { path: string; name: string; text: string } | undefined {
  if (filePath) {
    const path = `${filePath}.dockerignore`;
    const text = workspace.readFile(path);
    if (text !== undefined) return { path, name: path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1), text };
  }
  const path = join(workspace.contextDir, '.dockerignore');
  const text = workspace.readFile(path);
  return text === undefined ? undefined : { path, name: '.dockerignore', text };
}

/** A COPY/ADD source as a path relative to the context root, or undefined when it is not one. */
export function contextPath(src: string): string | undefined {
  if (!src || src.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || /^git@/.test(src)) return undefined;
  const parts: string[] = [];
  for (const seg of src.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.length ? parts.join('/') : undefined;
}

export const rule: DockerfileRule = {
  code: 'DF049',
  name: 'copy-ignored-file',
  title: 'COPY/ADD of a path that .dockerignore excludes',
  defaultSeverity: 'warning',
  fix: 'no',
  needsWorkspace: true,
  anchors: { buildkit: ['CopyIgnoredFile'] },
  check(ctx) {
    if (!ctx.workspace) return;
    const sources = ctx.model.instructions.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
    if (!sources.length) return;
    const file = ignoreFile(ctx.workspace, ctx.filePath);
    if (!file) return;
    // Docker matches case-sensitively (on Linux, where builds run).
    const ig = ignore({ ignorecase: false }).add(file.text);
    const escape = ctx.model.escapeChar;
    for (const info of sources) {
      if (flagOf(info.node, 'from')) continue; // copies from a stage or image, not the context
      const words = argWords(info.node, escape, ctx.lines);
      if (words.length < 2 || words.some(isHeredocWord)) continue;
      for (const w of words.slice(0, -1)) {
        const rel = contextPath(w.value);
        if (!rel || !ig.ignores(rel)) continue;
        ctx.report({
          range: w.range,
          message: `${info.keyword} source "${w.value}" is excluded by ${file.name}, so it is not in the build context`,
        });
      }
    }
  },
};
