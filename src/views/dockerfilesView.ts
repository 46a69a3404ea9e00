/**
 * The "Dockerfiles" view: every Dockerfile/Containerfile of the workspace with
 * its problems, including files that are not open (the Problems panel only
 * knows open ones). Computed lazily when the view is visible, refreshed from
 * file-system events and diagnostics changes (debounced), never polled.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands, DOCKERFILE_GLOB, Views } from '../constants';
import type { Finding } from '../dockerfile/types';
import type { Log } from '../platform/log';
import { toRange } from '../language/convert';
import type { DockerfileService } from '../language/dockerfileService';

const EXCLUDE = '**/{node_modules,.git,vendor,dist,out,.venv,venv}/**';
const MAX_FILES = 2000;

type Node = FileNode | FindingNode;
interface FileNode {
  readonly kind: 'file';
  readonly uri: vscode.Uri;
  readonly findings: readonly Finding[];
  readonly error?: string;
}
interface FindingNode {
  readonly kind: 'finding';
  readonly parent: FileNode;
  readonly finding: Finding;
}

export class DockerfilesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private files: FileNode[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Files to lint again at the next flush, by uri. */
  private readonly pending = new Map<string, vscode.Uri>();
  /** The next flush searches the workspace again. */
  private rescan = false;
  private readonly view: vscode.TreeView<Node>;
  private generation = 0;

  constructor(
    private readonly service: DockerfileService,
    private readonly log: Log,
  ) {
    this.view = vscode.window.createTreeView(Views.dockerfiles, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view);
    // Files appearing or going away need a new search; a changed file only needs linting again.
    const watcher = vscode.workspace.createFileSystemWatcher(DOCKERFILE_GLOB);
    watcher.onDidCreate(() => this.schedule(), this, this.disposables);
    watcher.onDidDelete(() => this.schedule(), this, this.disposables);
    watcher.onDidChange((uri) => this.schedule([uri]), this, this.disposables);
    this.disposables.push(watcher);
    vscode.languages.onDidChangeDiagnostics((e) => this.schedule(e.uris), this, this.disposables);
    vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule(), this, this.disposables);
    this.view.onDidChangeVisibility((e) => e.visible && this.files === undefined && this.refresh(), this, this.disposables);
  }

  /** Manual refresh (a full search): never debounced. */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.rescan = false;
    this.pending.clear();
    this.files = undefined;
    this.changed.fire(undefined);
  }

  /**
   * Debounced update: a full search when `uris` is undefined, else linting only those of the listed
   * files (diagnostics change on every keystroke, in every language: most uris are not ours).
   */
  private schedule(uris?: readonly vscode.Uri[]): void {
    if (!this.view.visible) {
      this.files = undefined; // recompute on next show
      return;
    }
    if (uris) {
      if (!this.files) return; // a search is under way and will lint them
      const known = new Set(this.files.map((f) => f.uri.toString()));
      const ours = uris.filter((u) => known.has(u.toString()));
      if (!ours.length) return;
      for (const u of ours) this.pending.set(u.toString(), u);
    } else {
      this.rescan = true;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), 400);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    if (this.rescan) {
      this.refresh();
      return;
    }
    const uris = [...this.pending.values()];
    this.pending.clear();
    if (!this.files || !uris.length) return;
    const open = openDocuments();
    const updated = new Map<string, FileNode>();
    for (const uri of uris) updated.set(uri.toString(), await this.lintFile(uri, open));
    if (!this.files) return;
    this.files = this.files.map((f) => updated.get(f.uri.toString()) ?? f);
    this.changed.fire(undefined);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'file') {
      const rel = vscode.workspace.asRelativePath(node.uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      const item = new vscode.TreeItem(path.basename(node.uri.path), node.findings.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = node.uri.toString();
      item.resourceUri = node.uri;
      const dir = path.dirname(rel);
      item.description = `${dir === '.' ? '' : dir + ' · '}${summary(node)}`;
      item.tooltip = `${rel}\n${summary(node)}`;
      item.iconPath = worstIcon(node.findings);
      item.contextValue = 'dockerfile';
      item.command = { command: 'vscode.open', title: 'Open', arguments: [node.uri] };
      return item;
    }
    const f = node.finding;
    const item = new vscode.TreeItem(f.message, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.parent.uri.toString()}#${f.code}@${f.range.start.line}:${f.range.start.character}`;
    item.description = `${f.code} · Ln ${f.range.start.line + 1}`;
    item.tooltip = new vscode.MarkdownString(`**${f.code}** ${f.message}${f.fixes.length ? '\n\nQuick fix available' : ''}`);
    item.iconPath = severityIcon(f.severity);
    item.contextValue = f.fixes.length ? 'finding.fixable' : 'finding';
    item.command = { command: 'vscode.open', title: 'Go to problem', arguments: [node.parent.uri, { selection: toRange(f.range) }] };
    return item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node?.kind === 'file') return node.findings.map((finding) => ({ kind: 'finding', parent: node, finding }));
    if (node) return [];
    if (!this.files) this.files = await vscode.window.withProgress({ location: { viewId: Views.dockerfiles } }, () => this.scan());
    void vscode.commands.executeCommand('setContext', 'dockyard.dockerfiles.empty', this.files.length === 0);
    return this.files;
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'finding' ? node.parent : undefined;
  }

  private async scan(): Promise<FileNode[]> {
    const gen = ++this.generation;
    const uris = await vscode.workspace.findFiles(DOCKERFILE_GLOB, EXCLUDE, MAX_FILES);
    const open = openDocuments();
    const out: FileNode[] = [];
    for (const uri of uris) {
      if (gen !== this.generation) break;
      out.push(await this.lintFile(uri, open));
    }
    out.sort((a, b) => vscode.workspace.asRelativePath(a.uri).localeCompare(vscode.workspace.asRelativePath(b.uri)));
    return out;
  }

  /** One file's node: the open document's (cached) result, else the file on disk. */
  private async lintFile(uri: vscode.Uri, open: ReadonlyMap<string, vscode.TextDocument>): Promise<FileNode> {
    const doc = open.get(uri.toString());
    try {
      const result = doc ? this.service.lint(doc) : this.service.lintText(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      return { kind: 'file', uri, findings: result.findings };
    } catch (e) {
      this.log.warn(`could not read ${uri.fsPath}: ${String(e)}`);
      return { kind: 'file', uri, findings: [], error: String(e) };
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

export function registerDockerfilesView(context: vscode.ExtensionContext, service: DockerfileService, log: Log): DockerfilesView {
  const view = new DockerfilesView(service, log);
  context.subscriptions.push(view, vscode.commands.registerCommand(Commands.refreshDockerfiles, () => view.refresh()));
  return view;
}

function openDocuments(): Map<string, vscode.TextDocument> {
  return new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
}

function summary(node: FileNode): string {
  if (node.error) return 'could not be read';
  if (!node.findings.length) return 'no problems';
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of node.findings) n[f.severity === 'style' ? 'info' : f.severity]++;
  const parts: string[] = [];
  if (n.error) parts.push(`${n.error} error${n.error > 1 ? 's' : ''}`);
  if (n.warning) parts.push(`${n.warning} warning${n.warning > 1 ? 's' : ''}`);
  if (n.info) parts.push(`${n.info} info`);
  return parts.join(', ');
}

function severityIcon(s: Finding['severity']): vscode.ThemeIcon {
  switch (s) {
    case 'error':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning':
      return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    default:
      return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  }
}

function worstIcon(findings: readonly Finding[]): vscode.ThemeIcon {
  if (findings.some((f) => f.severity === 'error')) return severityIcon('error');
  if (findings.some((f) => f.severity === 'warning')) return severityIcon('warning');
  if (findings.length) return severityIcon('info');
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}
