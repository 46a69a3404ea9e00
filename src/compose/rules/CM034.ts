import { closest } from '../../util/text';
import { get } from '../node';
import { isAbsolutePath, joinPath } from '../paths';
import type { ComposeRule } from './types';
import { replaceInScalar } from './_edit';
import { dockerfileStages } from './_dockerfile';
import { baseDir, isRemoteContext } from './CM033';

export const rule: ComposeRule = {
  code: 'CM034',
  name: 'unknown-build-target',
  title: '`build.target` is not a stage of the Dockerfile',
  defaultSeverity: 'error',
  fix: 'partial',
  needsWorkspace: true,
  anchors: { other: ['BuildKit "target stage … could not be found"'] },
  check(ctx) {
    const ws = ctx.workspace;
    const dir = baseDir(ctx);
    const services = get(ctx.root, 'services');
    if (!ws || !dir || services?.kind !== 'map') return;
    for (const e of services.entries) {
      const build = get(e.value, 'build');
      if (build?.kind !== 'map') continue;
      const target = get(build, 'target');
      if (target?.kind !== 'scalar' || typeof target.value !== 'string' || !target.value || ctx.lines.textOf(target.range).includes('$')) continue;
      let text: string | undefined;
      let where: string;
      const inline = get(build, 'dockerfile_inline');
      if (inline) {
        if (inline.kind !== 'scalar' || typeof inline.value !== 'string' || inline.value.includes('$')) continue;
        text = inline.value;
        where = 'the inline Dockerfile';
      } else {
        const c = get(build, 'context');
        const context = c === undefined ? '.' : c.kind === 'scalar' && typeof c.value === 'string' ? c.value : undefined;
        if (context === undefined || context.includes('$') || isRemoteContext(context) || context.startsWith('~')) continue;
        const d = get(build, 'dockerfile');
        const dockerfile = d === undefined ? 'Dockerfile' : d.kind === 'scalar' && typeof d.value === 'string' ? d.value : undefined;
        if (!dockerfile || dockerfile.includes('$')) continue;
        const path = isAbsolutePath(dockerfile) ? dockerfile : joinPath(joinPath(dir, context), dockerfile);
        text = ws.readFile(path);
        where = dockerfile;
      }
      if (text === undefined) continue; // a missing Dockerfile is CM033's
      const stages = dockerfileStages(text);
      if (stages.some((s) => s.includes('$'))) continue;
      const want = target.value;
      if (stages.some((s) => s.toLowerCase() === want.toLowerCase())) continue;
      const best = closest(want, stages, Math.max(2, Math.floor(want.length / 3)));
      const edit = best ? replaceInScalar(ctx.lines, target, want, best) : undefined;
      const list = stages.length ? `its stages: ${stages.join(', ')}` : 'it has no named stages (`FROM … AS name`)';
      ctx.report({
        range: target.range,
        message: `service "${e.key}": build target "${want}" is not a stage of ${where} (${list})${best ? `; did you mean "${best}"?` : ''}`,
        fixes: edit ? [{ title: `Change the target to \`${best}\``, edits: [edit], preferred: true }] : [],
      });
    }
  },
};
