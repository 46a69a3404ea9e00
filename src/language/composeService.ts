/** The compose linter for the editor: YAML syntax, the Compose Specification schema and the CM rules, with project file access. */
import * as vscode from 'vscode';
import { lintCompose } from '../compose/lint';
import type { DockerfileLintConfig, LintResult } from '../dockerfile/lint';
import { ignoreAboveLineEdit, ignoreForFileEdit } from '../dockerfile/fixAll';
import type { TextEdit } from '../util/text';
import { Settings } from '../platform/config';
import type { Log } from '../platform/log';
import { DocumentLinter, type RepoConfigProvider, type WorkspaceFactory } from './documentLinter';

const COMPOSE_NAME = /(^|\/)(compose|docker-compose)([.-][^/]*)?\.ya?ml$/i;

export class ComposeService extends DocumentLinter {
  readonly label = 'compose';
  readonly selector: vscode.DocumentSelector = [{ language: 'dockercompose' }, { pattern: '**/{compose,docker-compose}*.{yml,yaml}' }];
  readonly ignoreHereTitle = 'on this line';

  constructor(log: Log, repoConfig: RepoConfigProvider | undefined, workspaceFor: WorkspaceFactory | undefined) {
    super(log, repoConfig, workspaceFor);
  }

  matches(doc: vscode.TextDocument): boolean {
    if (doc.languageId === 'dockercompose') return true;
    return (doc.languageId === 'yaml' || doc.languageId === 'plaintext') && COMPOSE_NAME.test(doc.uri.path);
  }

  enabled(doc: vscode.TextDocument): boolean {
    return new Settings(doc).composeEnabled;
  }

  protected run(uri: vscode.Uri, text: string, config: DockerfileLintConfig): LintResult {
    // Other files of the project (override files, .env, Dockerfiles) are read only in a trusted workspace.
    return lintCompose(text, { ...this.fileAccess(uri), config });
  }

  ignoreHereEdit(text: string, line: number, code: string): TextEdit {
    return ignoreAboveLineEdit(text, line, code);
  }

  ignoreFileEdit(text: string, code: string): TextEdit {
    return ignoreForFileEdit(text, code, { afterDirectives: false });
  }
}
