/**
 * Dockerfile diagnostics and quick fixes in a real VS Code: the expected codes
 * and ranges appear, a quick fix changes the text, fix-all on save works, and
 * ignore comments work. Screenshots of the editor, the Problems panel, the
 * quick-fix menu and the Dockyard view are taken along the way.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { isWebHost, snap, waitFor } from './util';

const ws = (): string => vscode.workspace.workspaceFolders![0].uri.fsPath;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Dockyard');
}
function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}
async function diagnosticsFor(uri: vscode.Uri, predicate: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return waitFor(() => {
    const ds = ours(uri);
    return predicate(ds) ? ds : undefined;
  }, 20_000, what);
}

/** A scratch copy of a fixture inside the workspace, removed after the test. */
function scratch(name: string, text: string): vscode.Uri {
  const dir = path.join(ws(), 'tmp-host-tests');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

describe('Dockerfile diagnostics (real VS Code)', function () {
  this.timeout(90_000);

  before(async () => {
    // A clean layout for the screenshots: no Chat side bar.
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(path.join(ws(), 'tmp-host-tests'), { recursive: true, force: true });
  });

  it('shows the expected codes with token ranges and doc links', async () => {
    const uri = vscode.Uri.file(path.join(ws(), 'api', 'Dockerfile'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'dockerfile');
    const ds = await diagnosticsFor(uri, (d) => d.some((x) => codeOf(x) === 'DF036'), 'Dockyard diagnostics on api/Dockerfile');
    const byCode = (c: string): vscode.Diagnostic => {
      const d = ds.find((x) => codeOf(x) === c);
      assert.ok(d, `expected ${c} among ${ds.map(codeOf).join(', ')}`);
      return d;
    };
    const token = (c: string): string => doc.getText(byCode(c).range);
    assert.strictEqual(token('DF001'), 'RUNN');
    assert.strictEqual(byCode('DF001').severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(token('DF036'), 'MAINTAINER');
    assert.strictEqual(byCode('DF036').severity, vscode.DiagnosticSeverity.Warning);
    const link = byCode('DF036').code as { value: string; target: vscode.Uri };
    assert.ok(link.target.path.endsWith('/docs/rules/DF036.md'), `doc link ${link.target.toString()}`);
    for (const d of ds) {
      assert.ok(d.range.start.line === d.range.end.line || codeOf(d) === 'DF084', `${codeOf(d)} should cover one token, not lines`);
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await sleep(800);
    await snap('problems-panel');
  });

  it('applies a quick fix from the code action provider', async () => {
    const uri = scratch('fix.Dockerfile', 'FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const [d] = await diagnosticsFor(uri, (ds) => ds.some((x) => codeOf(x) === 'DF036'), 'DF036 on the scratch file').then((ds) => ds.filter((x) => codeOf(x) === 'DF036'));
    editor.selection = new vscode.Selection(d.range.start, d.range.start);
    await vscode.commands.executeCommand('editor.action.quickFix');
    await sleep(1200);
    await snap('quick-fix-menu');
    await vscode.commands.executeCommand('hideCodeActionWidget');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    const fix = actions.find((a) => a.isPreferred && a.title.includes('org.opencontainers.image.authors'));
    assert.ok(fix?.edit, `preferred fix among ${titles.join(' | ')}`);
    assert.ok(titles.includes('Ignore DF036 for this instruction'), titles.join(' | '));
    assert.ok(titles.includes('Ignore DF036 in this file'), titles.join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.getText(), 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n');
    await diagnosticsFor(uri, (ds) => !ds.some((x) => codeOf(x) === 'DF036'), 'DF036 to disappear after the fix');
    await doc.save();
  });

  it('fixes all on save with source.fixAll.dockyard', async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor', { languageId: 'dockerfile' });
    await editorConfig.update('codeActionsOnSave', { 'source.fixAll.dockyard': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    try {
      const uri = scratch('save.Dockerfile', 'FROM debian:12\nRUN true\n');
      const doc = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'MAINTAINER ops@example.com\nRUNN echo hi\n'));
      await diagnosticsFor(uri, (ds) => ds.some((x) => codeOf(x) === 'DF001') && ds.some((x) => codeOf(x) === 'DF036'), 'DF001 and DF036 before saving');
      assert.ok(await doc.save());
      await waitFor(() => !doc.getText().includes('MAINTAINER') && !doc.getText().includes('RUNN'), 10_000, 'fix-all on save');
      // Every preferred fix applies: the label (DF036), the keyword (DF001) and merging the consecutive RUNs (DF084).
      assert.strictEqual(doc.getText(), 'FROM debian:12\nLABEL org.opencontainers.image.authors="ops@example.com"\nRUN echo hi && \\\n    true\n');
      await waitFor(() => !doc.isDirty, 10_000, 'the saved document to be clean');
    } finally {
      await editorConfig.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  it('honours ignore comments and the ignore actions', async () => {
    const uri = scratch('ignore.Dockerfile', 'FROM debian:12\n# dockyard-ignore=DF036\nMAINTAINER a@example.com\nRUNN echo\nRUNN echo\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    let ds = await diagnosticsFor(uri, (d) => d.filter((x) => codeOf(x) === 'DF001').length === 2, 'two DF001 on the ignore fixture');
    assert.ok(!ds.some((x) => codeOf(x) === 'DF036'), 'the inline ignore comment suppresses DF036');
    const first = ds.find((x) => codeOf(x) === 'DF001')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, first.range);
    const here = actions.find((a) => a.title === 'Ignore DF001 for this instruction');
    assert.ok(here?.edit);
    assert.ok(await vscode.workspace.applyEdit(here.edit));
    ds = await diagnosticsFor(uri, (d) => d.filter((x) => codeOf(x) === 'DF001').length === 1, 'one DF001 left');
    const second = ds.find((x) => codeOf(x) === 'DF001')!;
    const actions2 = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, second.range);
    const file = actions2.find((a) => a.title === 'Ignore DF001 in this file');
    assert.ok(file?.edit);
    assert.ok(await vscode.workspace.applyEdit(file.edit));
    await diagnosticsFor(uri, (d) => !d.some((x) => codeOf(x) === 'DF001'), 'no DF001 after ignoring it in the file');
    assert.ok(doc.getText().startsWith('# dockyard-ignore-file=DF001\nFROM debian:12\n'), doc.getText());
    await doc.save();
  });

  it('applies a change of the dockyard.rules setting to open documents at once', async () => {
    const uri = scratch('settings.Dockerfile', 'FROM debian:12\nMAINTAINER ops@example.com\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await diagnosticsFor(uri, (d) => d.some((x) => codeOf(x) === 'DF036'), 'DF036 before the setting');
    const config = vscode.workspace.getConfiguration('dockyard');
    await config.update('rules', { 'maintainer-deprecated': 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await diagnosticsFor(uri, (d) => !d.some((x) => codeOf(x) === 'DF036'), 'DF036 to go when the setting turns it off');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsFor(uri, (d) => d.some((x) => codeOf(x) === 'DF036'), 'DF036 back when the setting is removed');
  });

  it('offers "Fix all <code> in this file" and computes its edit when picked', async () => {
    const uri = scratch('fixall.Dockerfile', 'FROM debian:12\nRUNN echo a\nCMD ["true"]\nRUNN echo b\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ds = await diagnosticsFor(uri, (d) => d.filter((x) => codeOf(x) === 'DF001').length === 2, 'two DF001');
    const first = ds.find((x) => codeOf(x) === 'DF001')!;
    // The last argument asks VS Code to resolve the actions (our edit is computed on resolve).
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, first.range, vscode.CodeActionKind.QuickFix.value, 50);
    const all = actions.find((a) => a.title === 'Fix all DF001 problems in this file (2)');
    assert.ok(all?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(all.edit));
    assert.strictEqual(doc.getText(), 'FROM debian:12\nRUN echo a\nCMD ["true"]\nRUN echo b\n');
    await doc.save();
  });

  it('lists workspace Dockerfiles and their problems in the Dockyard view', async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.view.extension.dockyard');
    await sleep(2500);
    const rows = await snap('dockyard-view');
    if (isWebHost) {
      const view = rows?.['Dockerfiles'] ?? rows?.['*'] ?? [];
      const files = view.filter((r) => /^Dockerfile/.test(r));
      assert.ok(files.some((r) => r.includes('api') && /error/.test(r)), `a row for api/Dockerfile with its errors in ${JSON.stringify(view)}`);
      assert.ok(files.some((r) => r.includes('web')), `a row for web/Dockerfile in ${JSON.stringify(view)}`);
      assert.ok(view.some((r) => r.includes('Unknown instruction "RUNN"')), `the DF001 finding under api/Dockerfile in ${JSON.stringify(view)}`);
    }
  });

  it('updates the Dockyard view when a Dockerfile is edited', async () => {
    const uri = scratch('view.Dockerfile', 'FROM debian:12\nMAINTAINER ops@example.com\n');
    await sleep(1500); // the view notices the new file and searches again
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    await diagnosticsFor(uri, (d) => d.some((x) => codeOf(x) === 'DF036'), 'DF036 on view.Dockerfile');
    await vscode.commands.executeCommand('workbench.view.extension.dockyard');
    const rowsOf = (rows: Record<string, string[]> | undefined): string[] => rows?.['Dockerfiles'] ?? rows?.['*'] ?? [];
    // The file's own row summarises its problems: DF036 is its only warning.
    const fileRow = (rows: string[]): string | undefined => rows.find((x) => x.startsWith('view.Dockerfile'));
    if (isWebHost) {
      await waitFor(async () => /warning/.test(fileRow(rowsOf(await snap('view-before-edit'))) ?? ''), 15_000, 'view.Dockerfile with its warning in the view');
    }
    await editor.edit((b) => b.replace(new vscode.Range(1, 0, 1, 'MAINTAINER ops@example.com'.length), 'LABEL org.opencontainers.image.authors="ops@example.com"'));
    await diagnosticsFor(uri, (d) => !d.some((x) => codeOf(x) === 'DF036'), 'DF036 to go after the edit');
    if (isWebHost) {
      await waitFor(async () => {
        const row = fileRow(rowsOf(await snap('view-after-edit'))) ?? '';
        return row !== '' && !/warning/.test(row);
      }, 15_000, 'the view to drop view.Dockerfile\'s warning after the edit');
    }
    await doc.save();
  });
});
