import type { Fix } from '../../dockerfile/types';
import type { ServiceModel, VolumeMount } from '../model';
import { get, type CNode } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import {
  backingImage,
  definitionsOf,
  isSameOrUnder,
  mountHolds,
  parseImageRef,
  rawService,
  serviceSettings,
  trimSlash,
  type BackingImage,
} from './_backing';
import { addListItemEdit, addTopLevelEntry, replaceInScalar } from './_edit';

const PG_OLD = '/var/lib/postgresql/data';
const PG_NEW = '/var/lib/postgresql';

/**
 * The image of a service as far as it can be judged: the parsed reference and
 * whether its tag is known. Undefined when the repository itself comes from a
 * variable.
 */
export function judgedImage(ctx: ComposeRuleContext, svc: ServiceModel): { ref: NonNullable<ReturnType<typeof parseImageRef>>; tagKnown: boolean } | undefined {
  if (!svc.image) return undefined;
  const ref = parseImageRef(svc.image.value);
  if (!ref) return undefined;
  const src = ctx.lines.textOf(svc.image.range).replace(/^["']|["']$/g, '');
  const dollar = src.indexOf('$');
  if (dollar < 0) return { ref, tagKnown: true };
  const before = src.slice(0, dollar);
  const tagStarted = before.lastIndexOf(':') > before.lastIndexOf('/');
  if (!tagStarted) return undefined;
  return { ref, tagKnown: !!ref.tag };
}

function persistentRedis(command: string): boolean {
  return /--appendonly\s+["']?yes\b/i.test(command) || /--save\s+(?!["']{2}|["']?\s*$|--)["']?\d/.test(command);
}

function volumeName(ctx: ComposeRuleContext, service: string): string {
  const names = ctx.model.volumes.map((v) => v.name);
  const underscore = names.some((n) => n.includes('_')) && !names.some((n) => n.includes('-'));
  const base = `${service}${underscore ? '_' : '-'}data`;
  const taken = new Set([...names, ...ctx.project.names('volumes')]);
  for (const s of ctx.model.services) for (const m of s.volumes) if (m.type === 'volume' && m.source) taken.add(m.source);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  return name;
}

function addVolumeFix(ctx: ComposeRuleContext, svc: ServiceModel, b: BackingImage, mounts: readonly VolumeMount[]): Fix[] {
  if (!b.fixable || !b.mountPath) return [];
  const name = volumeName(ctx, svc.name);
  const declare = addTopLevelEntry(ctx, 'volumes', name, []);
  if (!declare) return [];
  // An anonymous volume already at the path: give it a name.
  const anon = mounts.find((m) => m.file === svc.file && m.syntax === 'short' && m.type === 'volume' && !m.source && trimSlash(m.target) === trimSlash(b.mountPath!));
  const raw = rawService(ctx, svc.name);
  if (!raw) return [];
  const vols = get(raw, 'volumes');
  let edit;
  if (anon && vols?.kind === 'seq') {
    const item = vols.items.find((it) => it.range.start.line === anon.range.start.line && it.range.start.character === anon.range.start.character);
    edit = item ? replaceInScalar(ctx.lines, item, anon.raw ?? anon.target, `${name}:${anon.raw ?? anon.target}`) : undefined;
  } else if (!anon) {
    edit = addListItemEdit(ctx, raw, 'volumes', `${name}:${b.mountPath}`);
  }
  if (!edit) return [];
  return [{ title: `Add a named volume \`${name}\` at ${b.mountPath}`, edits: [edit, ...declare], preferred: true }];
}

export const rule: ComposeRule = {
  code: 'CM032',
  name: 'database-without-volume',
  title: 'A database, cache or broker service keeps its data without a volume',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { other: ['docker-library/postgres#1259 (PostgreSQL 18 data path)'] },
  check(ctx) {
    for (const svc of ctx.model.services) {
      const img = judgedImage(ctx, svc);
      if (!img || !svc.image) continue;
      const defs = definitionsOf(ctx, svc);
      // A base service or another container's volumes may hold the data: not judged.
      if (defs.some((d) => d.extends || get(d.node, 'volumes_from'))) continue;
      const settings = serviceSettings(ctx, svc);
      const b = backingImage(img.ref, img.tagKnown, settings);
      if (!b) continue;
      if (b.cacheUnlessPersistent && !persistentRedis(settings.command)) continue;
      // PostgreSQL run with fsync=off is a throwaway (test) database.
      if (b.kind === 'postgres' && /fsync\s*=\s*(off|false|0)\b/i.test(settings.command)) continue;
      // A source written with `${VAR}` (or in another file) that came out empty is still a real mount.
      const mounts = defs.flatMap((d) =>
        d.volumes.map((m) =>
          m.type === 'volume' && !m.source && (m.file !== svc.file || ctx.lines.textOf(m.range).includes('$')) ? { ...m, source: '${…}' } : m,
        ),
      );
      const tmpfs = defs.flatMap((d) => d.tmpfs.map((t) => t.value.split(':')[0]));
      const who = `service "${svc.name}"`;

      // PostgreSQL 18+: a mount at the old /var/lib/postgresql/data makes the image refuse to start.
      if (b.kind === 'postgres' && b.major !== undefined && b.major >= 18 && b.imageVolumes.includes(PG_NEW) && !settings.env.PGDATA && !settings.envUnknown) {
        const old = svc.volumes.find((m) => (m.type === 'volume' || m.type === 'bind') && trimSlash(m.target) === PG_OLD);
        if (old) {
          const node = findMountNode(rawService(ctx, svc.name), old);
          const target = node?.kind === 'map' ? get(node, 'target') : node;
          const edit = target ? replaceInScalar(ctx.lines, target, PG_OLD, PG_NEW) : undefined;
          ctx.report({
            range: target?.range ?? old.range,
            message: `${who}: PostgreSQL 18+ images keep their data under ${PG_NEW} (PGDATA ${b.dataPath}) and refuse to start with a mount at ${PG_OLD}: mount ${PG_NEW} instead (existing data needs pg_upgrade), or set PGDATA`,
            fixes: edit ? [{ title: `Mount at ${PG_NEW} (PostgreSQL 18+ layout)`, edits: [edit], preferred: true }] : [],
          });
          continue;
        }
      }

      if (tmpfs.some((t) => b.dataPath && isSameOrUnder(b.dataPath, t))) continue;
      if (mounts.some((m) => m.type === 'tmpfs' && b.dataPath && isSameOrUnder(b.dataPath, m.target))) continue;

      if (b.dataPath === undefined) {
        // PostgreSQL with an unknown version: either layout counts.
        if (b.kind !== 'postgres' || settings.envUnknown) continue;
        const held =
          mounts.some((m) => mountHolds(m, `${PG_NEW}/18/docker`, [PG_NEW])) ||
          mounts.some((m) => mountHolds(m, PG_OLD, [PG_OLD])) ||
          (!!settings.env.PGDATA && mounts.some((m) => mountHolds(m, settings.env.PGDATA!, [])));
        if (held) continue;
        ctx.report({
          range: svc.image.range,
          message: `${who}: no volume holds the PostgreSQL data (${PG_NEW} for 18+, ${PG_OLD} before): it is lost with \`docker compose down\``,
        });
        continue;
      }
      if (mounts.some((m) => mountHolds(m, b.dataPath!, b.imageVolumes))) continue;
      const anon = mounts.some((m) => m.type === 'volume' && !m.source && isSameOrUnder(b.dataPath!, m.target));
      const where = b.dataPath === b.mountPath || !b.mountPath ? b.dataPath : `${b.dataPath} (mount ${b.mountPath})`;
      ctx.report({
        range: svc.image.range,
        message: anon
          ? `${who}: ${b.label} keeps its data in ${where} and only an anonymous volume is mounted there: \`docker compose down\` leaves it behind and the next \`up\` starts empty`
          : `${who}: ${b.label} keeps its data in ${where} and no volume is mounted there: it is lost with \`docker compose down\``,
        fixes: addVolumeFix(ctx, svc, b, mounts),
      });
    }
  },
};

/** The source node of a mount of this file's service definition. */
function findMountNode(service: CNode | undefined, m: VolumeMount): CNode | undefined {
  const vols = get(service, 'volumes');
  if (vols?.kind !== 'seq') return undefined;
  return vols.items.find((it) => it.range.start.line === m.range.start.line && it.range.start.character === m.range.start.character);
}
