/** Compose go to definition, document links and the service hover in a real VS Code (fixture: workspace/stack). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { snap, waitFor } from './util';

const ws = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
const stack = (name: string): vscode.Uri => vscode.Uri.file(path.join(ws(), 'stack', name));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Position of the `nth` occurrence of `needle` in the document, plus `delta` characters. */
function positionOf(doc: vscode.TextDocument, needle: string, delta = 0, nth = 0): vscode.Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = doc.getText().indexOf(needle, i + 1);
    assert.ok(i >= 0, `${needle} not in ${doc.uri.fsPath}`);
  }
  return doc.positionAt(i + delta);
}

const targetOf = (l: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } =>
  'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : { uri: l.uri, range: l.range };

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n---\n');
}

describe('compose navigation (real VS Code)', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('go to definition on a depends_on entry lands on the service', async () => {
    const uri = stack('compose.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    // `db` under `depends_on:` (long syntax) of `api`.
    const ref = positionOf(doc, 'db:\n        condition', 1);
    const defs = await waitFor(
      async () => {
        const r = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, ref);
        return r?.length ? r : undefined;
      },
      20_000,
      'a definition for db',
    );
    const { uri: target, range } = targetOf(defs[0]);
    assert.strictEqual(target.fsPath, uri.fsPath);
    assert.strictEqual(doc.getText(range), 'db');
    assert.strictEqual(doc.lineAt(range.start.line).text, '  db:');

    // The real F12 (Go to Definition) moves the cursor onto the service key.
    editor.selection = new vscode.Selection(ref, ref);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    await waitFor(() => vscode.window.activeTextEditor?.selection.active.line === range.start.line, 10_000, 'the cursor on the db service');
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath);
  });

  it('goes to a service of the other project file (compose.override.yaml -> compose.yaml)', async () => {
    const uri = stack('compose.override.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, positionOf(doc, 'api:', 1));
    const t = targetOf(defs[0]);
    assert.strictEqual(t.uri.fsPath, stack('compose.yaml').fsPath);
    const base = await vscode.workspace.openTextDocument(t.uri);
    assert.strictEqual(base.getText(t.range), 'api');
    // `cache` is defined in this file, `db`'s file is compose.yaml: both resolve.
    const cache = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, positionOf(doc, '- cache', 3));
    assert.strictEqual(targetOf(cache[0]).uri.fsPath, uri.fsPath);
  });

  it('links resolve to existing files (the Dockerfile of a build context, an env file)', async () => {
    const uri = stack('compose.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const build = links.find((l) => doc.getText(l.range) === '../api');
    assert.ok(build?.target, links.map((l) => `${doc.getText(l.range)} -> ${String(l.target)}`).join(', '));
    assert.strictEqual(build.target.fsPath, path.join(ws(), 'api', 'Dockerfile'));
    assert.ok(fs.existsSync(build.target.fsPath));

    const over = stack('compose.override.yaml');
    const overDoc = await vscode.workspace.openTextDocument(over);
    const overLinks = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', over);
    const env = overLinks.find((l) => overDoc.getText(l.range) === 'api.env');
    assert.ok(env?.target, overLinks.map((l) => overDoc.getText(l.range)).join(', '));
    assert.strictEqual(env.target.fsPath, stack('api.env').fsPath);
    assert.ok(fs.existsSync(env.target.fsPath));
  });

  it('hover on a service shows the resolved image, ports and environment with secrets masked', async () => {
    const uri = stack('compose.yaml');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const api = positionOf(doc, 'api:', 1);
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, api));
    assert.ok(text.includes('**Service `api`**'), text);
    assert.ok(text.includes('Built from `../api/Dockerfile` as `stack-api`'), text);
    assert.ok(text.includes('Ports `127.0.0.1:8000 → 8000/tcp`'), text);
    assert.ok(text.includes('Depends on `db` (healthy), `cache`'), text);
    assert.ok(text.includes('LOG_LEVEL=debug'), text);
    assert.ok(text.includes('API_TOKEN=••••••'), text);
    assert.ok(!text.includes('do-not-show-me'), text);

    const db = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(doc, 'db:\n        condition', 1)));
    assert.ok(db.includes('Image `postgres:18`'), db);

    // The hover as the user sees it.
    editor.selection = new vscode.Selection(api, api);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1500);
    await snap('compose-hover');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });
});
