/**
 * Shared by DF098/DF099: deciding whether a package word needs a pin once the
 * ARG/ENV variables in it are taken into account, and reporting the unpinned
 * packages of the installs a rule recognises. Pure.
 */
import type { RuleContext } from '../types';
import type { SimpleCommand } from '../shell/types';
import type { PackageRef, PackageSpec } from '../shell/packageManagers';
import { needsPin } from '../shell/packageManagers';
import { knownVariables, tokenRange } from './_run';

/** An install command whose packages should carry versions. */
export interface PackageInstall {
  readonly packages: readonly PackageRef[];
  readonly classify: (v: string) => PackageSpec;
  /** How the message names the command, e.g. `apt-get install`. */
  readonly tool: string;
  /** The pin syntax to suggest for a package name, e.g. `curl=<version>`. */
  readonly hint: (name: string) => string;
}

/** Reports every unpinned package of the installs `recognise` finds in RUN commands. */
export function reportUnpinned(ctx: RuleContext, recognise: (cmd: SimpleCommand) => PackageInstall | undefined): void {
  for (const info of ctx.model.instructions) {
    if (info.keyword !== 'RUN') continue;
    let known: Set<string> | undefined;
    for (const script of info.scripts()) {
      for (const cmd of script.commands) {
        const f = recognise(cmd);
        if (!f) continue;
        for (const p of f.packages) {
          // The known variables matter only for words with an expansion (most have none): computed on demand.
          if (!(p.hasExpansion ? unpinned(p, f.classify, (known ??= knownVariables(ctx.model, info))) : needsPin(p))) continue;
          ctx.report({
            range: tokenRange(script, p.word),
            message: `"${p.word.value}" is not pinned in ${f.tool}: use ${f.hint(p.name)}`,
          });
        }
      }
    }
  }
}

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
