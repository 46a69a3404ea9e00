/**
 * Publishes the diagnostics of every linter (Dockerfile, compose): on open, on
 * change (debounced per document), on settings / `.dockyard.yaml` /
 * `.dockerignore` changes; clears them on close.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../constants';
import { Settings } from '../platform/config';
import type { Log } from '../platform/log';
import { toDiagnostic } from './convert';
import type { DocumentLinter } from './documentLinter';

export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('dockyard');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly linters: readonly DocumentLinter[],
    private readonly extensionUri: vscode.Uri,
    private readonly log: Log,
  ) {
    vscode.workspace.onDidOpenTextDocument((d) => this.lintNow(d), this, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => this.clear(d), this, this.disposables);
    vscode.workspace.onDidChangeConfiguration((e) => Settings.affects(e) && this.relintAll(), this, this.disposables);
    vscode.workspace.onDidGrantWorkspaceTrust(() => this.relintAll(), this, this.disposables);
    vscode.extensions.onDidChange(() => this.relintAll(), this, this.disposables);
    // Files that change what the linter sees: the repo config and the build context's ignore files.
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.dockyard.yaml,.dockyard.yml,.dockerignore,*.dockerignore,*.sh,.env}');
    const onFile = (): void => this.relintAll();
    watcher.onDidChange(onFile, this, this.disposables);
    watcher.onDidCreate(onFile, this, this.disposables);
    watcher.onDidDelete(onFile, this, this.disposables);
    this.disposables.push(watcher);
    for (const d of vscode.workspace.textDocuments) this.lintNow(d);
  }

  private linterFor(doc: vscode.TextDocument): DocumentLinter | undefined {
    return this.linters.find((l) => l.matches(doc));
  }

  /** Lints now and publishes. */
  lintNow(doc: vscode.TextDocument): void {
    const linter = this.linterFor(doc);
    if (!linter) return;
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    if (!linter.enabled(doc)) {
      this.collection.delete(doc.uri);
      return;
    }
    const { findings, notLinted } = linter.lint(doc);
    const diagnostics = findings.map((f) => toDiagnostic(f, this.extensionUri));
    if (notLinted) {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `Dockyard: ${notLinted}`, vscode.DiagnosticSeverity.Information);
      d.source = DIAGNOSTIC_SOURCE;
      diagnostics.push(d);
    }
    this.collection.set(doc.uri, diagnostics);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!this.linterFor(doc)) return;
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    const delay = new Settings(doc).lintDelay;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!doc.isClosed) this.lintNow(doc);
      }, delay),
    );
  }

  private clear(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.collection.delete(doc.uri);
    for (const l of this.linters) l.forget(doc);
  }

  relintAll(): void {
    for (const l of this.linters) l.forgetAll();
    for (const d of vscode.workspace.textDocuments) this.lintNow(d);
    this.log.debug('re-linted open documents');
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
