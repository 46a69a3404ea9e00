import type { DockerfileRule } from '../types';
import { describeImage, imageNoun, imageUses, isDockerHub } from './_image';

/** One allow-list entry: a registry host (`ghcr.io`, `*.corp.example`) or a registry path prefix (`ghcr.io/acme`). */
interface Entry {
  readonly host: RegExp;
  readonly hub: boolean;
  /** Path prefix below the host, lowercased, without slashes at either end ('' = any). */
  readonly path: string;
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${body}$`, 'i');
}

function parseEntries(raw: unknown): Entry[] {
  if (!Array.isArray(raw)) return [];
  const out: Entry[] = [];
  for (const item of raw) {
    if (typeof item !== 'string') continue;
    const e = item.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/\/+$/, '');
    if (!e) continue;
    const slash = e.indexOf('/');
    const host = slash < 0 ? e : e.slice(0, slash);
    const path = slash < 0 ? '' : e.slice(slash + 1);
    out.push({ host: globToRegExp(host), hub: isDockerHub(host), path });
  }
  return out;
}

export const rule: DockerfileRule = {
  code: 'DF063',
  name: 'registry-not-allowed',
  title: 'Image registry not in the allowed registries',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { hadolint: ['DL3026'], other: ['CIS-DI-0002'] },
  check(ctx) {
    const raw = ctx.options.allowedRegistries;
    const entries = parseEntries(raw);
    if (!entries.length) return;
    const listed = (raw as readonly string[]).filter((x) => typeof x === 'string' && x.trim()).join(', ');
    for (const use of imageUses(ctx.model, true)) {
      const ref = use.ref;
      const registry = (ref.registry ?? 'docker.io').toLowerCase();
      const hub = isDockerHub(registry);
      let repo = ref.repository.toLowerCase();
      if (hub && !repo.includes('/')) repo = `library/${repo}`;
      const ok = entries.some((e) => {
        const hostOk = hub ? e.hub || e.host.test(registry) : e.host.test(registry);
        if (!hostOk) return false;
        return !e.path || repo === e.path || repo.startsWith(`${e.path}/`);
      });
      if (ok) continue;
      const shown = ref.registry ?? 'docker.io';
      ctx.report({
        range: use.registryRange ?? use.range,
        message: `Registry "${shown}" of ${imageNoun(use).toLowerCase()} ${describeImage(use)} is not in the allowed registries (${listed})`,
      });
    }
  },
};
