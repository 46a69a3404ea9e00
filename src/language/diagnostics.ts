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
    // Files whose content changes what the linter sees: the repo config, the build context's ignore
    // files and scripts, `.env`, and the compose files and Dockerfiles that compose rules read
    // (override files, `build.target` stages). A file created or deleted anywhere can change
    // the compose path checks. Bursts (a checkout, an install) re-lint once.
    const contents = vscode.workspace.createFileSystemWatcher(
      '**/{.dockyard.yaml,.dockyard.yml,.dockerignore,*.dockerignore,*.sh,.env,*.env,compose*.y*ml,docker-compose*.y*ml,Dockerfile,Dockerfile.*,*.Dockerfile,Containerfile}',
    );
    const anyFile = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const onFile = (): void => this.relintSoon();
    contents.onDidChange(onFile, this, this.disposables);
    contents.onDidCreate(onFile, this, this.disposables);
    contents.onDidDelete(onFile, this, this.disposables);
    anyFile.onDidCreate(onFile, this, this.disposables);
    anyFile.onDidDelete(onFile, this, this.disposables);
    this.disposables.push(contents, anyFile);
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

  private relintTimer: ReturnType<typeof setTimeout> | undefined;

  /** Re-lints every open document once a burst of file events is over. */
  private relintSoon(): void {
    if (this.relintTimer) clearTimeout(this.relintTimer);
    this.relintTimer = setTimeout(() => {
      this.relintTimer = undefined;
      this.relintAll();
    }, 200);
  }

  relintAll(): void {
    for (const l of this.linters) l.forgetAll();
    for (const d of vscode.workspace.textDocuments) this.lintNow(d);
    this.log.debug('re-linted open documents');
  }

  dispose(): void {
    if (this.relintTimer) clearTimeout(this.relintTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
