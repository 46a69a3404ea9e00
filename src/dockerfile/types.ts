/**
 * The contract between the Dockerfile lint engine and its rules.
 * Pure: no `vscode` import. Ranges are 0-based LSP ranges.
 */
import type { Dockerfile } from 'dockerfile-ast';
import type { Range, TextEdit, LineIndex } from '../util/text';
import type { DockerfileModel } from './model';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export type SeveritySetting = Severity | 'off';

/** A change to a file other than the one linted (e.g. creating or extending `.dockerignore`). */
export interface FileChange {
  /** Absolute path. */
  readonly path: string;
  /** Content to write when the file does not exist. */
  readonly create?: string;
  /** Edits to apply when it exists. */
  readonly edits?: readonly TextEdit[];
}

export interface Fix {
  /** Shown in the quick-fix menu, e.g. "Add --no-install-recommends". */
  readonly title: string;
  /** Edits to the linted file. */
  readonly edits: readonly TextEdit[];
  /** Edits to other files, if any. */
  readonly files?: readonly FileChange[];
  /** The fix `dockyard lint --fix`, "fix all" and `source.fixAll` apply. Only one per finding. */
  readonly preferred?: boolean;
}

export interface Finding {
  readonly code: string;
  readonly severity: Severity;
  /** One line that names the offending token. */
  readonly message: string;
  /** Covers the offending token only. */
  readonly range: Range;
  readonly fixes: readonly Fix[];
}

export interface RuleAnchors {
  /** hadolint ids, e.g. DL3008 (used to honour `# hadolint ignore=`). */
  readonly hadolint?: readonly string[];
  /** BuildKit check names, e.g. JSONArgsRecommended (used to honour `# check=skip=`). */
  readonly buildkit?: readonly string[];
  /** dockerfile-utils ValidationCode names, for users coming from the anchors. */
  readonly dockerfileUtils?: readonly string[];
  /** Anything else (Trivy, Checkov, Dockle ids). */
  readonly other?: readonly string[];
}

export interface RuleMeta {
  /** Stable code, e.g. DF089. Never changes meaning once shipped. */
  readonly code: string;
  /** Stable kebab-case name, e.g. `apt-get-missing-yes`. */
  readonly name: string;
  /** One sentence: what the rule detects. */
  readonly title: string;
  readonly defaultSeverity: SeveritySetting;
  /** Whether it has a quick fix: always, in simple cases, or never. */
  readonly fix: 'yes' | 'partial' | 'no';
  readonly anchors?: RuleAnchors;
  /** Needs files of the build context (reads them through `RuleContext.workspace`). */
  readonly needsWorkspace?: boolean;
}

/** Read access to the build context, for workspace-aware rules. Sync and cached by the caller. */
export interface WorkspaceAccess {
  /** Absolute path of the build context directory (by default the Dockerfile's directory). */
  readonly contextDir: string;
  /** File content, or undefined when it does not exist or cannot be read. Paths are absolute. */
  readFile(path: string): string | undefined;
  exists(path: string): boolean;
}

/** Options that some rules read; all optional. */
export interface DockerfileRuleOptions {
  /** DF063: registries allowed in FROM (e.g. `docker.io`, `ghcr.io`). Empty = rule inactive. */
  readonly allowedRegistries?: readonly string[];
  /** DF112: labels required on the final stage. */
  readonly requiredLabels?: readonly string[];
  /** DF113: label name -> expected format (url, rfc3339, spdx, hash, semver, email, text). */
  readonly labelSchema?: Readonly<Record<string, string>>;
  /** Free-form extra options per rule code. */
  readonly [key: string]: unknown;
}

export interface ReportInput {
  readonly range: Range;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** Rarely needed: a severity other than the rule's configured one (e.g. a milder case). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly text: string;
  readonly lines: LineIndex;
  /** The dockerfile-ast parse. */
  readonly ast: Dockerfile;
  /** Our model on top of it: stages, effective shell, lazily parsed shell scripts. */
  readonly model: DockerfileModel;
  readonly options: DockerfileRuleOptions;
  /** Absolute path of the Dockerfile, when known. */
  readonly filePath?: string;
  /** Present when the caller can read the build context. */
  readonly workspace?: WorkspaceAccess;
  report(finding: ReportInput): void;
}

export interface DockerfileRule extends RuleMeta {
  check(ctx: RuleContext): void;
}
