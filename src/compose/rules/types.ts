/**
 * The contract between the Compose lint engine and its rules (CM002 and up;
 * CM000 and CM001 are the YAML parser and the schema, run by `lint.ts`).
 * Pure: no `vscode`, no `fs` (files come through `WorkspaceAccess`).
 *
 * A rule sees one compose file: its text, the `yaml` document (for source
 * details such as quoting), the ranged tree as written, and the typed model
 * after interpolation with the project's `.env` (ranges always point into
 * this file). `project` adds what the other files of the same project define
 * (compose.yaml + compose.override.yaml, `COMPOSE_FILE`, `include:`), so that
 * a reference to a service defined in another file is not reported.
 */
import type { Document } from 'yaml';
import type { ReportInput, RuleMeta, WorkspaceAccess } from '../../dockerfile/types';
import type { LineIndex } from '../../util/text';
import type { ComposeFileModel, ComposeProblem, ServiceModel, TopLevelResource } from '../model';
import type { CNode } from '../node';

/** Options some compose rules read; all optional. */
export interface ComposeRuleOptions {
  readonly [key: string]: unknown;
}

export type ResourceKind = 'services' | 'networks' | 'volumes' | 'secrets' | 'configs';

/** One file of the project other than the linted one. */
export interface RelatedFile {
  /** Absolute path. */
  readonly path: string;
  /** How it joins the project. */
  readonly relation: 'default' | 'override' | 'compose-file' | 'include' | 'extends';
  readonly model: ComposeFileModel;
}

export interface ComposeProjectView {
  /** The other files of the project that could be read. */
  readonly related: readonly RelatedFile[];
  /**
   * False when part of the project could not be read (an `include:` or
   * `extends.file` that is remote or missing, or no workspace access while the
   * file has includes): rules about undefined references then stay silent.
   */
  readonly complete: boolean;
  /** Names defined by this file or a related one. */
  defines(kind: ResourceKind, name: string): boolean;
  /** Every defined name of a kind (this file and related files). */
  names(kind: ResourceKind): ReadonlySet<string>;
  /** Every definition of a service, this file first, then related files in merge order. */
  serviceDefinitions(name: string): readonly ServiceModel[];
  /** Every definition of a top-level resource, this file first. */
  resourceDefinitions(kind: Exclude<ResourceKind, 'services'>, name: string): readonly TopLevelResource[];
}

export interface ComposeRuleContext {
  readonly text: string;
  readonly lines: LineIndex;
  /** The `yaml` document (one of the file's `---` documents). */
  readonly doc: Document;
  /** The ranged tree as written (anchors and merge keys resolved, not interpolated). */
  readonly root: CNode | undefined;
  /** The typed model, interpolated with `.env`; ranges point into this file. */
  readonly model: ComposeFileModel;
  /** Problems found while interpolating this file (`unresolved-variable`, `interpolation`). */
  readonly interpolation: readonly ComposeProblem[];
  /** Variables of the project's `.env` (empty when there is none or no workspace access). */
  readonly env: Readonly<Record<string, string>>;
  /** Absolute path of the compose file, when known. */
  readonly filePath?: string;
  /** File access rooted at the compose file's directory, when the caller can read files. */
  readonly workspace?: WorkspaceAccess;
  readonly project: ComposeProjectView;
  readonly options: ComposeRuleOptions;
  report(finding: ReportInput): void;
}

export interface ComposeRule extends RuleMeta {
  check(ctx: ComposeRuleContext): void;
}
