import type { Workdir } from 'dockerfile-ast';
import type { DockerfileRule } from '../types';

/** Kernel-managed or boot-time directories: files written there are hidden by mounts or break the host view. */
const SYSTEM_DIRS = ['/proc', '/sys', '/dev', '/boot', '/initrd', '/lost+found'];

function normalize(path: string): string {
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return '/' + parts.join('/');
}

export const rule: DockerfileRule = {
  code: 'DF077',
  name: 'workdir-system-dir',
  title: 'WORKDIR on a system directory',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { other: ['DS-0030'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'WORKDIR' || info.stage?.windows) continue;
      let args;
      try {
        args = info.node.getArguments();
      } catch {
        continue;
      }
      const arg = args[0];
      if (!arg) continue;
      let path = arg.getValue().replace(/^(["'])(.*)\1$/, '$2');
      if (path.includes('$')) continue;
      if (!path.startsWith('/')) {
        let abs: string | null | undefined;
        try {
          abs = (info.node as Workdir).getAbsolutePath();
        } catch {
          abs = undefined;
        }
        if (!abs || !abs.startsWith('/') || abs.includes('$')) continue;
        path = abs;
      }
      const norm = normalize(path);
      const dir = SYSTEM_DIRS.find((d) => norm === d || norm.startsWith(d + '/'));
      if (!dir) continue;
      ctx.report({
        range: arg.getRange(),
        message: `WORKDIR "${arg.getValue()}" is inside ${dir}, a system directory the runtime mounts over; use an application directory such as /app`,
      });
    }
  },
};
