import type { CEntry, CNode } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import { entry, get } from '../node';
import { before, hasInterpolationProblem, ramInBytes, scalarText, writtenWithDollar } from './_values';

/** Service-level keys that compose-go checks against `deploy.resources` (checkConsistency). */
const RESOURCE_PAIRS: { key: string; path: [string, string]; read: (s: string) => number | undefined }[] = [
  { key: 'cpus', path: ['limits', 'cpus'], read: num },
  { key: 'mem_limit', path: ['limits', 'memory'], read: ramInBytes },
  { key: 'mem_reservation', path: ['reservations', 'memory'], read: ramInBytes },
  { key: 'pids_limit', path: ['limits', 'pids'], read: num },
];

export const rule: ComposeRule = {
  code: 'CM007',
  name: 'mutually-exclusive-settings',
  title: 'Settings that Docker Compose refuses together',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { other: ['compose-go checkConsistency', 'compose-go validation checkExternal/checkDeviceRequest'] },
  check(ctx) {
    for (const s of ctx.model.services) {
      const n = s.node;
      if (n.kind !== 'map') continue;
      const who = `service "${s.name}"`;

      const mode = entry(n, 'network_mode');
      const nets = entry(n, 'networks');
      if (mode && nets && scalarText(mode.value) && nonEmpty(nets.value)) {
        report(ctx, later(mode, nets), `${who}: \`network_mode\` and \`networks\` are mutually exclusive: a service with network_mode "${scalarText(mode.value)}" cannot join networks`);
      }

      const build = get(n, 'build');
      const df = entry(build, 'dockerfile');
      const inline = entry(build, 'dockerfile_inline');
      if (df && inline && scalarText(df.value) && scalarText(inline.value)) {
        report(ctx, later(df, inline), `${who}: \`build.dockerfile\` and \`build.dockerfile_inline\` are mutually exclusive`);
      }

      const deploy = get(n, 'deploy');
      const scale = entry(n, 'scale');
      const replicas = entry(deploy, 'replicas');
      if (scale && replicas && differ(ctx, scale, replicas, num)) {
        report(ctx, later(scale, replicas), `${who}: \`scale\` (${scalarText(scale.value)}) and \`deploy.replicas\` (${scalarText(replicas.value)}) have different values`);
      }

      const resources = get(deploy, 'resources');
      for (const pair of RESOURCE_PAIRS) {
        const mine = entry(n, pair.key);
        const theirs = entry(get(resources, pair.path[0]), pair.path[1]);
        if (mine && theirs && differ(ctx, mine, theirs, pair.read)) {
          report(
            ctx,
            later(mine, theirs),
            `${who}: \`${pair.key}\` (${scalarText(mine.value)}) and \`deploy.resources.${pair.path.join('.')}\` (${scalarText(theirs.value)}) have different values`,
          );
        }
      }

      const devices = get(get(resources, 'reservations'), 'devices');
      const gpus = get(n, 'gpus');
      for (const [where, list] of [
        ['deploy.resources.reservations.devices', devices],
        ['gpus', gpus],
      ] as const) {
        if (list?.kind !== 'seq') continue;
        for (const d of list.items) {
          const count = entry(d, 'count');
          const ids = entry(d, 'device_ids');
          if (count && ids) report(ctx, later(count, ids), `${who}: \`count\` and \`device_ids\` of a ${where} entry are mutually exclusive`);
        }
      }
    }

    // compose-go checks only top-level volumes: networks, secrets and configs with `external: true` keep their other keys.
    for (const v of ctx.model.volumes) {
      const n = v.node;
      if (n.kind !== 'map') continue;
      const ext = entry(n, 'external');
      if (!ext || !isTrue(ctx, ext.value)) continue;
      for (const e of n.entries) {
        if (e.key === 'name' || e.key === 'external' || e.key.startsWith('x-')) continue;
        report(ctx, e, `volume "${v.name}": \`${e.key}\` cannot be set on an external volume (\`external: true\` uses an existing volume as is)`);
      }
    }
  },
};

function report(ctx: ComposeRuleContext, e: CEntry, message: string): void {
  ctx.report({ range: e.keyRange, message });
}

function later(a: CEntry, b: CEntry): CEntry {
  return before(a.keyRange, b.keyRange) ? b : a;
}

function nonEmpty(n: CNode): boolean {
  return (n.kind === 'seq' && n.items.length > 0) || (n.kind === 'map' && n.entries.length > 0);
}

function num(s: string): number | undefined {
  const v = Number(s.trim());
  return s.trim() !== '' && Number.isFinite(v) ? v : undefined;
}

/** Both values readable, not from an unset variable, and different. */
function differ(ctx: ComposeRuleContext, a: CEntry, b: CEntry, read: (s: string) => number | undefined): boolean {
  const x = scalarText(a.value);
  const y = scalarText(b.value);
  if (x === undefined || y === undefined) return false;
  if (hasInterpolationProblem(ctx, a.value.range) || hasInterpolationProblem(ctx, b.value.range)) return false;
  const vx = read(x);
  const vy = read(y);
  return vx !== undefined && vy !== undefined && vx !== vy;
}

/** `external: true` (or the legacy `external: {name: …}`, which compose-go turns into `true` + `name`). */
function isTrue(ctx: ComposeRuleContext, n: CNode): boolean {
  if (n.kind === 'map') return true;
  if (n.kind !== 'scalar' || hasInterpolationProblem(ctx, n.range)) return false;
  // A quoted "true" is a schema error (CM001); one that comes from a variable is cast to a boolean.
  return n.value === true || (typeof n.value === 'string' && n.value.toLowerCase() === 'true' && writtenWithDollar(ctx, n.range));
}
