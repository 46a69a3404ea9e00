/**
 * Which compose editor features another installed extension already gives,
 * so the editor does not show a definition or a link twice (setting
 * `dockyard.compose.overlappingFeatures`). Pure: the caller says which
 * extensions are installed.
 *
 * - Docker DX (`docker.docker`) resolves service, network, volume, config and
 *   secret references to their key in the same file, and links `include`,
 *   `env_file`, `dockerfile` and bind-mount paths (and images). We then add only
 *   what it cannot know: definitions in the project's other files (override
 *   file, `COMPOSE_FILE`, `include:`, `extends.file`), and our links to build
 *   contexts, `extends.file` and secret/config `file:`.
 * - Container Tools' compose language service (`ms-azuretools.vscode-containers`,
 *   `ms-azuretools.vscode-docker`) links images and hovers keys with schema
 *   docs: neither overlaps with ours.
 * - The service hover (the resolved service) is ours alone: DX hovers keys
 *   with the schema's documentation. It always stays on.
 */
import { slashPath } from './lintProject';
import type { LinkKind, SourceLocation } from './navigation';

/** Extensions whose compose definitions and links overlap ours. */
export const COMPOSE_OVERLAPPING_EXTENSIONS = {
  dockerDx: ['docker.docker'],
} as const;

/** The link kinds Docker DX creates itself. */
export const DX_LINK_KINDS: readonly LinkKind[] = ['include', 'env-file', 'dockerfile', 'bind-mount'];

export type ComposeOverlapPolicy = 'auto' | 'dockyard';

export interface ComposeFeaturePlan {
  /** Offer definitions in the same file (false: only those in other files). */
  readonly sameFileDefinitions: boolean;
  /** Link kinds to leave out. */
  readonly skipLinks: ReadonlySet<LinkKind>;
  /** Show the resolved-service hover. */
  readonly serviceHover: boolean;
  /** Extensions the plan defers to, for the log. */
  readonly deferTo: readonly string[];
}

/** What Dockyard provides in compose files, given the setting and the installed extensions. */
export function composeFeaturePlan(policy: ComposeOverlapPolicy, isInstalled: (id: string) => boolean): ComposeFeaturePlan {
  const dx = policy === 'auto' ? COMPOSE_OVERLAPPING_EXTENSIONS.dockerDx.filter(isInstalled) : [];
  if (!dx.length) return { sameFileDefinitions: true, skipLinks: new Set(), serviceHover: true, deferTo: [] };
  return { sameFileDefinitions: false, skipLinks: new Set(DX_LINK_KINDS), serviceHover: true, deferTo: dx };
}

/** Drops the definitions the plan leaves to another extension. */
export function plannedDefinitions(plan: ComposeFeaturePlan, self: string, locations: readonly SourceLocation[]): SourceLocation[] {
  return plan.sameFileDefinitions ? [...locations] : locations.filter((l) => slashPath(l.file) !== slashPath(self));
}

/** Drops the links the plan leaves to another extension. */
export function plannedLinks<T extends { kind: LinkKind }>(plan: ComposeFeaturePlan, links: readonly T[]): T[] {
  return links.filter((l) => !plan.skipLinks.has(l.kind));
}
