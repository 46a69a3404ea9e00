import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Log } from '../platform/log';
import { ruleDocsUri } from '../language/convert';
import type { LinterCodeActions } from '../language/codeActions';
import type { DiagnosticsPublisher } from '../language/diagnostics';

export interface CommandDeps {
  readonly log: Log;
  readonly extensionUri: vscode.Uri;
  readonly codeActions: readonly LinterCodeActions[];
  readonly diagnostics: DiagnosticsPublisher;
}

/** One line per command id. */
export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const reg = (id: string, fn: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  };
  reg(Commands.showLog, () => deps.log.show());
  reg(Commands.openRuleDocs, (code?: string) => openRuleDocs(deps, code));
  reg(Commands.fixAllInFile, (uri?: vscode.Uri) => fixAllInFile(deps, uri));
  reg(Commands.openRuleIndex, () => openRuleDocs(deps, 'README'));
}

async function openRuleDocs(deps: CommandDeps, code?: string): Promise<void> {
  if (!code) return;
  const uri = ruleDocsUri(deps.extensionUri, code);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}

async function fixAllInFile(deps: CommandDeps, uri?: vscode.Uri): Promise<void> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  const provider = doc && deps.codeActions.find((p) => p.linter.matches(doc));
  if (!doc || !provider) {
    void vscode.window.showInformationMessage('Dockyard: open a Dockerfile or a compose file to fix its problems.');
    return;
  }
  const edit = provider.fixAllEdit(doc);
  if (!edit) {
    void vscode.window.setStatusBarMessage('Dockyard: nothing to fix', 3000);
    return;
  }
  const we = new vscode.WorkspaceEdit();
  we.set(doc.uri, [edit]);
  await vscode.workspace.applyEdit(we);
  deps.diagnostics.lintNow(doc);
}
