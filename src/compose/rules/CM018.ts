import type { ComposeRule } from './types';
import { contains, innerRange, once, serviceHasKey } from './_raw';

/** Whether an image reference is pinned: `latest`, `none` (no tag, so latest) or `ok` (a tag other than latest, or a digest). */
export function imageTagKind(ref: string): 'latest' | 'none' | 'ok' | 'invalid' {
  const r = ref.trim();
  if (!r || /\s/.test(r)) return 'invalid';
  if (r.includes('@')) return 'ok'; // a digest pins the image whatever the tag says
  // The tag is after the last `:` of the last path component (`localhost:5000/app` has none).
  const last = r.slice(r.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon < 0) return 'none';
  const tag = last.slice(colon + 1);
  if (!tag) return 'invalid';
  return tag === 'latest' ? 'latest' : 'ok';
}

export const rule: ComposeRule = {
  code: 'CM018',
  name: 'image-not-pinned',
  title: 'A service image has no tag or the `latest` tag',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { other: ['dclint service-image-require-explicit-tag', 'hadolint DL3007 (analogue)'] },
  check(ctx) {
    const unresolved = ctx.interpolation.filter((p) => p.code === 'unresolved-variable' || p.code === 'interpolation');
    const first = once();
    for (const svc of ctx.model.services) {
      const image = svc.image;
      if (!image || !first(image.range)) continue;
      // `image` next to `build` names the image Compose builds: it is not pulled.
      if (serviceHasKey(ctx, svc.name, 'build')) continue;
      // Without file access .env is unknown: a `${TAG:-latest}` may well be set there.
      if (!ctx.workspace && ctx.lines.textOf(image.range).includes('$')) continue;
      // Part of the reference comes from a variable we cannot see: do not guess.
      if (unresolved.some((p) => contains(image.range, p.range))) continue;
      const kind = imageTagKind(image.value);
      if (kind === 'ok' || kind === 'invalid') continue;
      const node = svc.node.kind === 'map' ? svc.node.entries.find((e) => e.key === 'image')?.value : undefined;
      const range = node?.kind === 'scalar' ? innerRange(ctx, node) : image.range;
      const written = ctx.lines.textOf(range);
      const via = written !== image.value ? ` (${image.value})` : '';
      ctx.report({
        range,
        message:
          kind === 'none'
            ? `service "${svc.name}": image ${written}${via} has no tag: Compose pulls :latest, which changes under you; pin a version tag or a digest`
            : `service "${svc.name}": image ${written}${via} uses the latest tag, which changes under you; pin a version tag or a digest`,
      });
    }
  },
};
