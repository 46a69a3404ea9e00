/**
 * Which of our rules another installed extension already reports, so the
 * editor can leave them to it (setting `dockyard.dockerfile.overlappingRules`).
 * Pure: the caller says which extensions are installed.
 */
import type { RuleMeta } from './types';

/** Extensions whose Dockerfile diagnostics overlap ours. */
export const OVERLAPPING_EXTENSIONS = {
  /** Container Tools and the older Docker extension bundle rcjsuen's dockerfile-utils validator. */
  dockerfileUtils: ['ms-azuretools.vscode-containers', 'ms-azuretools.vscode-docker'],
  /** Docker DX runs BuildKit's build checks (and dockerfile-utils when Container Tools is absent). */
  buildkit: ['docker.docker'],
} as const;

/**
 * Codes to leave to the installed extensions: rules anchored to dockerfile-utils when Container
 * Tools / the Docker extension (or Docker DX, which starts the same validator when they are
 * absent) is installed, and rules anchored to a BuildKit check when Docker DX is installed.
 */
export function codesReportedByOthers(isInstalled: (id: string) => boolean, rules: readonly RuleMeta[]): string[] {
  const ct = OVERLAPPING_EXTENSIONS.dockerfileUtils.some(isInstalled);
  const dx = OVERLAPPING_EXTENSIONS.buildkit.some(isInstalled);
  if (!ct && !dx) return [];
  return rules
    .filter((r) => ((ct || dx) && r.anchors?.dockerfileUtils?.length) || (dx && r.anchors?.buildkit?.length))
    .map((r) => r.code);
}
