/**
 * Shared by DF098/DF099: deciding whether a package word needs a pin once the
 * ARG/ENV variables in it are taken into account. Pure.
 */
import type { PackageRef, PackageSpec } from '../shell/packageManagers';
import { needsPin } from '../shell/packageManagers';

/** The whole word is one expansion (`$PKGS`, `${LIST}`, `$(cat file)`, `` `cmd` ``): nothing to judge. */
export function isOpaque(value: string): boolean {
  return /^\$[A-Za-z_][A-Za-z0-9_]*$|^\$\{[^}]*\}$|^\$\(.*\)$|^`.*`$/s.test(value) || /\$\(|`/.test(value);
}

const VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Whether a package reference is unpinned. Variables declared by ARG/ENV (`known`)
 * stand for a version (`git-core-${version}` is pinned); unknown ones for nothing.
 */
export function unpinned(p: PackageRef, classify: (v: string) => PackageSpec, known: ReadonlySet<string>): boolean {
  if (!p.hasExpansion) return needsPin(p);
  const v = p.word.value;
  if (isOpaque(v)) return false;
  const substituted = v.replace(VAR, (_m, a: string | undefined, b: string | undefined) => (known.has(a ?? b ?? '') ? '1' : 'x'));
  return needsPin(classify(substituted));
}
