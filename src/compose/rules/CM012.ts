import type { ComposeRule } from './types';
import { entry } from '../node';
import { hasInterpolationProblem } from './_values';

export const rule: ComposeRule = {
  code: 'CM012',
  name: 'secret-config-source',
  title: 'A top-level secret or config must set exactly one of `file`, `environment` (or, for configs, `content`)',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { other: ['compose-go validation checkFileObject', 'compose-go checkConsistency'] },
  check(ctx) {
    const kinds = [
      { kind: 'secret', list: ctx.model.secrets, keys: ['file', 'environment'] },
      { kind: 'config', list: ctx.model.configs, keys: ['file', 'environment', 'content'] },
    ];
    for (const { kind, list, keys } of kinds) {
      for (const res of list) {
        const n = res.node;
        // compose-go counts keys that are present, whatever their value. `name: ` (null) has no source either.
        if (n.kind !== 'map' && !(n.kind === 'scalar' && n.value === null)) continue;
        const present = keys.map((k) => entry(n, k)).filter((e) => e !== undefined);
        const wanted = keys.map((k) => `\`${k}\``).join(keys.length > 2 ? ', ' : ' or ').replace(/, (`content`)$/, ' or $1');
        if (present.length > 1) {
          const sorted = [...present].sort((a, b) => a.keyRange.start.line - b.keyRange.start.line || a.keyRange.start.character - b.keyRange.start.character);
          for (const extra of sorted.slice(1)) {
            ctx.report({
              range: extra.keyRange,
              message: `${kind} "${res.name}": \`${sorted[0].key}\` and \`${extra.key}\` are mutually exclusive: set only one of ${wanted}`,
            });
          }
          continue;
        }
        // Neither: allowed for an external resource and for a custom driver (compose-go checkFileObject).
        // `external: false` is not external: compose-go's checkConsistency refuses such a secret, and a
        // config without a source fails when the container is created (bind mount of an empty path).
        const ext = entry(n, 'external');
        if (ext && hasInterpolationProblem(ctx, ext.value.range)) continue;
        if (present.length === 0 && !res.external && !entry(n, 'driver')) {
          ctx.report({ range: res.nameRange, message: `${kind} "${res.name}" has no source: set one of ${wanted}, or \`external: true\`` });
        }
      }
    }
  },
};
