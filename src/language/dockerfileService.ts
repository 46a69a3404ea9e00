/** The Dockerfile linter for the editor: build-context access for workspace-aware rules, overlap policy. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { lintDockerfile, type DockerfileLintConfig, type LintResult } from '../dockerfile/lint';
import { ALL_RULES } from '../dockerfile/rules';
import { codesReportedByOthers } from '../dockerfile/overlap';
import { ignoreForFileEdit, ignoreForInstructionEdit } from '../dockerfile/fixAll';
import type { TextEdit } from '../util/text';
import { DOCKERFILE_GLOB } from '../constants';
import { Settings } from '../platform/config';
import type { Log } from '../platform/log';
import { DocumentLinter, type RepoConfigProvider, type WorkspaceFactory } from './documentLinter';

export type { RepoConfigProvider } from './documentLinter';

export type { WorkspaceFactory } from './documentLinter';

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:dockerfile|containerfile))$/i;

export function isDockerfileDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId === 'dockerfile') return true;
  if (doc.uri.scheme === 'output' || doc.uri.scheme === 'git') return false;
  const base = path.basename(doc.uri.path);
  return DOCKERFILE_NAME.test(base) && !/\.(dockerignore|md|txt|json|ya?ml)$/i.test(base);
}

export class DockerfileService extends DocumentLinter {
  readonly label = 'Dockerfile';
  readonly selector: vscode.DocumentSelector = [{ language: 'dockerfile' }, { pattern: DOCKERFILE_GLOB }];
  readonly ignoreHereTitle = 'for this instruction';

  constructor(log: Log, repoConfig: RepoConfigProvider | undefined, workspaceFor: WorkspaceFactory | undefined) {
    super(log, repoConfig, workspaceFor);
  }

  matches(doc: vscode.TextDocument): boolean {
    return isDockerfileDocument(doc);
  }

  enabled(doc: vscode.TextDocument): boolean {
    return new Settings(doc).dockerfileEnabled;
  }

  protected run(uri: vscode.Uri, text: string, config: DockerfileLintConfig): LintResult {
    return lintDockerfile(text, { ...this.fileAccess(uri), config });
  }

  ignoreHereEdit(text: string, line: number, code: string): TextEdit {
    return ignoreForInstructionEdit(text, line, code);
  }

  ignoreFileEdit(text: string, code: string): TextEdit {
    return ignoreForFileEdit(text, code);
  }

  /** Codes left to another installed extension (setting `dockyard.dockerfile.overlappingRules`). */
  protected override extraOff(): readonly string[] {
    if (new Settings().overlap !== 'auto') return [];
    return codesReportedByOthers((id) => vscode.extensions.getExtension(id) !== undefined, ALL_RULES);
  }
}
