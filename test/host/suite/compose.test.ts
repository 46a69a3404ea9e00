/** Compose diagnostics and quick fixes in a real VS Code: the schema (CM001) and the project-aware rules. */
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

  it('reads the project: a service from the override file is defined, a rule fix rewrites depends_on, a missing env file is reported', async () => {
    const sub = path.join(dir(), 'project');
    fs.mkdirSync(sub, { recursive: true });
    const base = path.join(sub, 'compose.yaml');
    fs.writeFileSync(
      base,
      [
        'services:',
        '  api:',
        '    image: example/api:1.0',
        '    restart: unless-stopped',
        '    env_file: missing.env',
        '    depends_on:',
        '      - db',
        '      - worker',
        '  db:',
        '    image: postgres:17',
        '    restart: unless-stopped',
        '    healthcheck:',
        '      test: ["CMD-SHELL", "pg_isready -U postgres"]',
        '    volumes:',
        '      - db-data:/var/lib/postgresql/data',
        'volumes:',
        '  db-data: {}',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(sub, 'compose.override.yaml'), 'services:\n  worker:\n    image: example/worker:1.0\n    restart: unless-stopped\n');
    const uri = vscode.Uri.file(base);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const cm020 = await waitFor(() => ours(uri).find((x) => codeOf(x) === 'CM020'), 20_000, 'CM020 on the short depends_on entry');
    assert.strictEqual(doc.getText(cm020.range), 'db');
    const cm033 = await waitFor(() => ours(uri).find((x) => codeOf(x) === 'CM033'), 20_000, 'CM033 on the missing env file');
    assert.strictEqual(doc.getText(cm033.range), 'missing.env');
    // "worker" is defined in compose.override.yaml: no undefined-service finding.
    assert.deepEqual(ours(uri).filter((x) => codeOf(x) === 'CM004').map((x) => x.message), []);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await new Promise((r) => setTimeout(r, 800));
    await snap('compose-project-problems');
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(cm020.range.start, cm020.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await new Promise((r) => setTimeout(r, 1200));
    await snap('compose-quick-fix-menu');
    await vscode.commands.executeCommand('hideCodeActionWidget');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, cm020.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && a.title.startsWith('Use the long form'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(
      doc.getText().includes('    depends_on:\n      db:\n        condition: service_healthy\n      worker:\n        condition: service_started\n'),
      doc.getText(),
    );
    await waitFor(() => !ours(uri).some((x) => codeOf(x) === 'CM020'), 20_000, 'CM020 to disappear after the fix');
    // Creating the env file clears CM033 without touching the compose file (the file watcher re-lints).
    fs.writeFileSync(path.join(sub, 'missing.env'), 'A=1\n');
    await waitFor(() => !ours(uri).some((x) => codeOf(x) === 'CM033'), 20_000, 'CM033 to disappear once the file exists');
    await doc.save();
  });
});
