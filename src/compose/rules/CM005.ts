import type { Range } from '../../util/text';
import type { ServiceModel } from '../model';
import { get, type CNode } from '../node';
import { joinPath, dirnamePath } from '../paths';
import { slashPath } from '../lintProject';
import type { ComposeRule, ComposeRuleContext, ResourceKind } from './types';
import { interpolated, baseOutOfView, rawList, tokenRange } from './_services';
import { addTopLevelEntry } from './_edit';

type Kind = Exclude<ResourceKind, 'services'>;
const NOUN: Record<Kind, string> = { networks: 'network', volumes: 'volume', secrets: 'secret', configs: 'config' };

/** The raw list item of a service key that starts where a model item starts. */
function rawItem(ctx: ComposeRuleContext, s: ServiceModel, key: string, range: Range): CNode | undefined {
  const at = ctx.lines.offsetAt(range.start);
  return rawList(s, key).find((it) => ctx.lines.offsetAt(it.range.start) === at);
}

/** Range of the name: the `source:` value of a long-syntax item, else the name inside the short one. */
function nameRange(ctx: ComposeRuleContext, s: ServiceModel, key: string, range: Range, name: string, long: boolean): Range | undefined {
  const whole = long ? get(rawItem(ctx, s, key, range), 'source')?.range : range;
  // A name that came from interpolation is not judged.
  return whole && !interpolated(ctx, whole) ? tokenRange(ctx, whole, name) : undefined;
}

/** A file next to the compose file that a secret/config named `name` most likely reads. */
function existingFile(ctx: ComposeRuleContext, name: string): string | undefined {
  const ws = ctx.workspace;
  if (!ws || !ctx.filePath) return undefined;
  const dir = dirnamePath(slashPath(ctx.filePath));
  for (const rel of [`${name}.txt`, name, `secrets/${name}.txt`, `secrets/${name}`, `config/${name}`, `configs/${name}`]) {
    try {
      if (ws.readFile(joinPath(dir, rel)) !== undefined) return `./${rel}`;
    } catch {
      /* unreadable: try the next */
    }
  }
  return undefined;
}

function report(ctx: ComposeRuleContext, s: ServiceModel, kind: Kind, name: string, range: Range | undefined): void {
  if (!range || ctx.project.defines(kind, name) || baseOutOfView(ctx)) return;
  const noun = NOUN[kind];
  let fix;
  if (kind === 'networks' || kind === 'volumes') {
    const edits = addTopLevelEntry(ctx, kind, name, []);
    if (edits) fix = { title: `Declare ${noun} \`${name}\` under the top-level \`${kind}:\``, edits, preferred: true };
  } else if (/^[A-Za-z0-9_.-]+$/.test(name) && !name.startsWith('.')) {
    // A secret or config needs a source (`file`, `environment` or `content`): read it from a file,
    // preferred only when such a file exists.
    const found = existingFile(ctx, name);
    const file = found ?? `./${name}.txt`;
    const edits = addTopLevelEntry(ctx, kind, name, [`file: ${file}`]);
    if (edits) fix = { title: `Declare ${noun} \`${name}\` read from ${file}`, edits, preferred: found !== undefined };
  }
  ctx.report({
    range,
    message: `service "${s.name}": ${noun} "${name}" is not defined in the top-level \`${kind}:\``,
    fixes: fix ? [fix] : [],
  });
}

function isPath(src: string): boolean {
  return /^[./~\\]/.test(src) || /^[A-Za-z]:[\\/]/.test(src) || src.includes('/');
}

export const rule: ComposeRule = {
  code: 'CM005',
  name: 'undefined-resource-reference',
  title: 'A service uses a network, volume, secret or config that is not declared at the top level',
  defaultSeverity: 'error',
  fix: 'yes',
  anchors: { other: ['compose-go checkConsistency'] },
  needsWorkspace: true,
  check(ctx) {
    if (!ctx.project.complete) return;
    for (const s of ctx.model.services) {
      if (!s.networkMode) {
        for (const n of s.networks) {
          if (n.name === 'default' || interpolated(ctx, n.range)) continue;
          report(ctx, s, 'networks', n.name, tokenRange(ctx, n.range, n.name));
        }
      }
      for (const m of s.volumes) {
        if (m.type !== 'volume' || !m.source || isPath(m.source)) continue;
        const long = m.syntax === 'long';
        const r = nameRange(ctx, s, 'volumes', m.range, m.source, long);
        report(ctx, s, 'volumes', m.source, r);
      }
      for (const kind of ['secrets', 'configs'] as const) {
        for (const f of s[kind]) {
          const r = nameRange(ctx, s, kind, f.range, f.source, f.syntax === 'long');
          report(ctx, s, kind, f.source, r);
        }
      }
    }
  },
};
