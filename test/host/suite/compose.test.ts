/** Compose diagnostics and quick fixes in a real VS Code (CM001 so far). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { snap, waitFor } from './util';

const ws = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Dockyard');

describe('compose diagnostics (real VS Code)', function () {
  this.timeout(60_000);
  const dir = (): string => path.join(ws(), 'tmp-compose-tests');
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(dir(), { recursive: true, force: true });
  });

  it('reports an unknown service key on the key, with a did-you-mean fix that applies', async () => {
    fs.mkdirSync(dir(), { recursive: true });
    const file = path.join(dir(), 'compose.yaml');
    fs.copyFileSync(path.join(ws(), 'stack', 'compose.yaml'), file);
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'dockercompose');
    const d = await waitFor(() => ours(uri).find((x) => codeOf(x) === 'CM001'), 20_000, 'CM001 on compose.yaml');
    assert.strictEqual(doc.getText(d.range), 'imgae');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(d.message.includes('imgae'), d.message);
    assert.ok((d.code as { target: vscode.Uri }).target.path.endsWith('/docs/rules/CM001.md'));
    await snap('compose-problem');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(actions.some((a) => a.title === 'Ignore CM001 on this line'), actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(doc.getText().includes('\n    image: example/api:1.0\n'), doc.getText());
    await waitFor(() => !ours(uri).some((x) => codeOf(x) === 'CM001'), 20_000, 'CM001 to disappear after the fix');
    await doc.save();
  });
});
