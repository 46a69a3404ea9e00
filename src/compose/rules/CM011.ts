import type { Range } from '../../util/text';
import type { ComposeRule } from './types';
import { get } from '../node';
import { before, cleanPath, hasInterpolationProblem, scalarText, subRange } from './_values';

interface Mount {
  target: string;
  key: string;
  range: Range;
  what: string;
}

export const rule: ComposeRule = {
  code: 'CM011',
  name: 'duplicate-mount-target',
  title: 'Two mounts of a service use the same container path',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { other: ['docker compose buildContainerMountOptions (mounts keyed by target)', 'moby "Duplicate mount point"'] },
  check(ctx) {
    for (const s of ctx.model.services) {
      const mounts: Mount[] = [];
      const add = (target: string, range: Range, what: string): void => {
        if (target === '') return;
        const key = target.startsWith('/') ? cleanPath(target) : target.replace(/[\\/]+$/, '');
        mounts.push({ target, key, range, what });
      };
      const volumes = get(s.node, 'volumes');
      if (volumes?.kind === 'seq') {
        for (const it of volumes.items) {
          if (hasInterpolationProblem(ctx, it.range)) continue;
          if (it.kind === 'scalar') {
            const raw = scalarText(it);
            const m = s.volumes.find((v) => v.range === it.range || (v.range.start.line === it.range.start.line && v.range.start.character === it.range.start.character));
            if (raw === undefined || !m) continue;
            const at = m.source !== undefined ? raw.indexOf(':' + m.target, m.source.length) + 1 : raw.indexOf(m.target);
            add(m.target, at >= 0 ? subRange(ctx, it.range, raw, at, at + m.target.length) : it.range, `volume "${raw}"`);
          } else if (it.kind === 'map') {
            const t = get(it, 'target');
            const target = scalarText(t);
            if (t && target !== undefined) add(target, t.range, `${scalarText(get(it, 'type')) ?? 'volume'} mount`);
          }
        }
      }
      const tmpfs = get(s.node, 'tmpfs');
      const tmpfsItems = tmpfs?.kind === 'seq' ? tmpfs.items : tmpfs ? [tmpfs] : [];
      for (const it of tmpfsItems) {
        const raw = scalarText(it);
        if (raw === undefined || hasInterpolationProblem(ctx, it.range)) continue;
        const target = raw.split(':')[0];
        add(target, subRange(ctx, it.range, raw, 0, target.length), `tmpfs "${raw}"`);
      }
      // The later one in the file is the duplicate.
      mounts.sort((a, b) => (before(a.range, b.range) ? -1 : before(b.range, a.range) ? 1 : 0));
      const seen = new Map<string, Mount>();
      for (const m of mounts) {
        const first = seen.get(m.key);
        if (!first) {
          seen.set(m.key, m);
          continue;
        }
        ctx.report({
          range: m.range,
          message: `service "${s.name}": "${m.target}" is already a mount target (${first.what}, line ${first.range.start.line + 1}): only one of the two mounts is used, or the engine refuses "Duplicate mount point"`,
        });
      }
    }
  },
};
