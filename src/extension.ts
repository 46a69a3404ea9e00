/**
 * Composition root: builds the services and registers each feature. No logic
 * lives here.
 */
import * as vscode from 'vscode';
import { Log } from './platform/log';
import { DockerfileService } from './language/dockerfileService';
import { ComposeService } from './language/composeService';
import { ComposeNavigation } from './language/composeNavigation';
import { DiagnosticsPublisher } from './language/diagnostics';
import { LinterCodeActions } from './language/codeActions';
import { registerCommands } from './commands/registerCommands';
import { createRepoConfigProvider } from './platform/repoConfig';
import { FsWorkspace } from './util/fsWorkspace';
import { registerDockerfilesView } from './views/dockerfilesView';

export function activate(context: vscode.ExtensionContext): void {
  const log = new Log();
  context.subscriptions.push(log);
  try {
    const repoConfig = createRepoConfigProvider(log);
    const dockerfiles = new DockerfileService(log, repoConfig, (dir) => new FsWorkspace(dir));
    const compose = new ComposeService(log, repoConfig, (dir) => new FsWorkspace(dir));
    const linters = [dockerfiles, compose];
    const diagnostics = new DiagnosticsPublisher(linters, context.extensionUri, log);
    const codeActions = linters.map((l) => new LinterCodeActions(l, context.extensionUri));
    context.subscriptions.push(diagnostics);
    for (const provider of codeActions) {
      context.subscriptions.push(vscode.languages.registerCodeActionsProvider(provider.linter.selector, provider, LinterCodeActions.metadata));
    }
    context.subscriptions.push(new ComposeNavigation(log, (dir) => new FsWorkspace(dir)).register(compose.selector));
    registerDockerfilesView(context, dockerfiles, log);
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
