/**
 * What we know about base images, for DF120, DF121 and DF126 (owned by those rules):
 * the image a stage really starts from (through `FROM <stage>` and global ARG defaults),
 * and its family. Pure.
 */
import type { DockerfileModel, Stage } from '../model';

/** Substitutes `$X`, `${X}`, `${X:-d}`, `${X-d}` with the defaults of global ARGs. */
export function expandGlobalArgs(model: DockerfileModel, value: string): string {
  if (!value.includes('$')) return value;
  const defaults = new Map<string, string>();
  for (const info of model.globalArgs) {
    const props = (info.node as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] }).getProperties?.() ?? [];
    for (const p of props) {
      const v = p.getValue();
      if (v !== null) defaults.set(p.getName(), v);
    }
  }
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a: string | undefined, op: string | undefined, d: string | undefined, b: string | undefined) => {
    const v = defaults.get((a ?? b)!);
    if (!op) return v ?? m;
    if (op === ':-') return v ? v : (d ?? '');
    if (op === '-') return v !== undefined ? v : (d ?? '');
    return m; // ${X:+alt}: leave it
  });
}

/** The stage whose FROM names an image (not an earlier stage) that `stage` builds on. */
export function rootStage(stage: Stage): Stage {
  const seen = new Set<Stage>();
  let s = stage;
  while (s.parent && !seen.has(s)) {
    seen.add(s);
    s = s.parent;
  }
  return s;
}

/** Stages from the ROOT to `stage` (inclusive): oldest first, so later ones override earlier ones. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    chain.unshift(s);
  }
  return chain;
}

export interface ImageRef {
  /** As written after ARG expansion, lowercased. */
  readonly full: string;
  /** Repository path without registry and `library/`, e.g. `python`, `distroless/python3-debian12`. */
  readonly repo: string;
  /** Last path component, e.g. `python`. */
  readonly name: string;
  /** Tag ('' when none). */
  readonly tag: string;
  /** Registry host when written, else ''. */
  readonly registry: string;
}

export function parseImage(image: string): ImageRef | undefined {
  const full = image.trim().toLowerCase();
  if (!full || full.includes('$')) return undefined;
  const noDigest = full.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const tag = colon > slash ? noDigest.slice(colon + 1) : '';
  let path = colon > slash ? noDigest.slice(0, colon) : noDigest;
  let registry = '';
  const first = path.split('/')[0];
  if (path.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    path = path.slice(first.length + 1);
  }
  if (path.startsWith('library/')) path = path.slice(8);
  const parts = path.split('/');
  return { full, repo: path, name: parts[parts.length - 1], tag, registry };
}

/** The image the stage really starts from, resolved through earlier stages and global ARG defaults. */
export function baseImageOf(model: DockerfileModel, stage: Stage): ImageRef | undefined {
  const root = rootStage(stage);
  if (!root.image) return undefined;
  return parseImage(expandGlobalArgs(model, root.image));
}

/** Images without a shell (`/bin/sh`): distroless, chiseled, scratch. */
export function hasNoShell(img: ImageRef): boolean {
  if (img.repo === 'scratch') return true;
  if (img.repo.startsWith('distroless/') || img.repo.includes('/distroless/')) return !/(^|-)debug($|-)/.test(img.tag);
  if (/(^|-)(chiseled|distroless)($|-)/.test(img.tag)) return true;
  if (img.registry === 'cgr.dev' || img.repo.startsWith('chainguard/')) return !/(^|-)dev($|-)/.test(img.tag);
  return false;
}

export function isAlpineTag(img: ImageRef): boolean {
  return img.name === 'alpine' || /(^|-)alpine(\d|\.|-|$)/.test(img.tag);
}
