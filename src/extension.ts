/**
 * Composition root: builds the services and registers each feature. No logic
 * lives here.
 */
import * as vscode from 'vscode';
import { Log } from './platform/log';
import { DockerfileService } from './language/dockerfileService';
import { DockerfileDiagnostics } from './language/dockerfileDiagnostics';
import { DockerfileCodeActions } from './language/dockerfileCodeActions';
import { registerCommands } from './commands/registerCommands';
import { createRepoConfigProvider } from './platform/repoConfig';
import { FsWorkspace } from './util/fsWorkspace';
import { registerDockerfilesView } from './views/dockerfilesView';

const DOCKERFILE_SELECTOR: vscode.DocumentSelector = [
  { language: 'dockerfile' },
  { pattern: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*,*.containerfile}' },
];

export function activate(context: vscode.ExtensionContext): void {
  const log = new Log();
  context.subscriptions.push(log);
  try {
    const service = new DockerfileService(log, createRepoConfigProvider(log), (dir) => new FsWorkspace(dir));
    const diagnostics = new DockerfileDiagnostics(service, context.extensionUri, log);
    const codeActions = new DockerfileCodeActions(service, context.extensionUri);
    context.subscriptions.push(
      diagnostics,
      vscode.languages.registerCodeActionsProvider(DOCKERFILE_SELECTOR, codeActions, DockerfileCodeActions.metadata),
    );
    registerDockerfilesView(context, service, log);
    registerCommands(context, { log, extensionUri: context.extensionUri, codeActions, diagnostics });
    log.info(`Dockyard ${String(context.extension.packageJSON.version)} activated`);
  } catch (e) {
    log.error('activation failed', e);
    void vscode.window.showErrorMessage(`Dockyard failed to start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  }
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
