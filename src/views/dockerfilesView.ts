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
  private readonly view: vscode.TreeView<Node>;
  private generation = 0;

  constructor(
    private readonly service: DockerfileService,
    private readonly log: Log,
  ) {
    this.view = vscode.window.createTreeView(Views.dockerfiles, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(this.view);
    const watcher = vscode.workspace.createFileSystemWatcher(DOCKERFILE_GLOB);
    watcher.onDidCreate(() => this.schedule(), this, this.disposables);
    watcher.onDidDelete(() => this.schedule(), this, this.disposables);
    watcher.onDidChange(() => this.schedule(), this, this.disposables);
    this.disposables.push(watcher);
    vscode.languages.onDidChangeDiagnostics(() => this.schedule(), this, this.disposables);
    vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule(), this, this.disposables);
    this.view.onDidChangeVisibility((e) => e.visible && this.files === undefined && this.refresh(), this, this.disposables);
  }

  /** Manual refresh: never debounced. */
  refresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.files = undefined;
    this.changed.fire(undefined);
  }

  private schedule(): void {
    if (!this.view.visible) {
      this.files = undefined; // recompute on next show
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 400);
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
    const open = new Map(vscode.workspace.textDocuments.map((d) => [d.uri.toString(), d]));
    const out: FileNode[] = [];
    for (const uri of uris) {
      if (gen !== this.generation) break;
      const doc = open.get(uri.toString());
      try {
        const result = doc ? this.service.lint(doc) : this.service.lintText(uri, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
        out.push({ kind: 'file', uri, findings: result.findings });
      } catch (e) {
        this.log.warn(`could not read ${uri.fsPath}: ${String(e)}`);
        out.push({ kind: 'file', uri, findings: [], error: String(e) });
      }
    }
    out.sort((a, b) => vscode.workspace.asRelativePath(a.uri).localeCompare(vscode.workspace.asRelativePath(b.uri)));
    return out;
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
