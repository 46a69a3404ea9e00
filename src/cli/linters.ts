/**
 * The CLI's linter registry: file kind -> linter. The Dockerfile and Compose
 * linters are registered here (`registerLinter`); a kind without a linter is
 * discovered but skipped. Node-free: linters get the text, a workspace and the
 * merged config.
 */
import { lintCompose } from '../compose/lint';
import { COMPOSE_RULES } from '../compose/catalog';
import { lintDockerfile } from '../dockerfile/lint';
import { ALL_RULES } from '../dockerfile/rules';
import type { Finding, RuleMeta, WorkspaceAccess } from '../dockerfile/types';
import { toLintConfig, type DockyardConfig } from '../config/dockyardConfig';

export type FileKind = 'dockerfile' | 'compose';

export const FILE_KINDS: readonly FileKind[] = ['dockerfile', 'compose'];

export interface LinterInput {
  /** Absolute path of the file. */
  readonly filePath: string;
  readonly workspace?: WorkspaceAccess;
  /** The config for this file, `--rule` overrides already merged in. */
  readonly config: DockyardConfig;
}

export interface LinterOutput {
  readonly findings: Finding[];
  /** Internal problems (a rule that threw, a size limit); never user errors. */
  readonly errors: string[];
}

export interface FileLinter {
  readonly kind: FileKind;
  /** Human name for messages, e.g. "Dockerfile". */
  readonly label: string;
  /** Every rule it can report (for `dockyard rules`, SARIF and `--rule` validation). */
  readonly rules: readonly RuleMeta[];
  /** Must not throw (the CLI guards it anyway). */
  lint(text: string, input: LinterInput): LinterOutput;
}

const registry = new Map<FileKind, FileLinter>();

export function registerLinter(linter: FileLinter): void {
  registry.set(linter.kind, linter);
}

/** For tests: remove a linter. */
export function unregisterLinter(kind: FileKind): void {
  registry.delete(kind);
}

export function getLinter(kind: FileKind): FileLinter | undefined {
  return registry.get(kind);
}

export function registeredLinters(): FileLinter[] {
  return FILE_KINDS.map((k) => registry.get(k)).filter((l): l is FileLinter => !!l);
}

/** Every rule of every registered linter, in registration order. */
export function allRules(): RuleMeta[] {
  return registeredLinters().flatMap((l) => [...l.rules]);
}

export const dockerfileLinter: FileLinter = {
  kind: 'dockerfile',
  label: 'Dockerfile',
  get rules() {
    return ALL_RULES;
  },
  lint(text, input) {
    return lintDockerfile(text, {
      filePath: input.filePath,
      workspace: input.workspace,
      config: toLintConfig(input.config),
    });
  },
};

export const composeLinter: FileLinter = {
  kind: 'compose',
  label: 'Compose',
  rules: COMPOSE_RULES,
  lint(text, input) {
    return lintCompose(text, { filePath: input.filePath, workspace: input.workspace, config: toLintConfig(input.config) });
  },
};

registerLinter(dockerfileLinter);
registerLinter(composeLinter);
