/**
 * Compose go to definition, document links and the service hover: thin
 * adapters over `compose/navigation.ts`. Other files of the project are read
 * only in a trusted workspace (like the compose linter); what another
 * installed extension already offers is left to it (`compose/overlap.ts`).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { documentLinks, findDefinitions, serviceHover, type NavigationInput, type NavigationWorkspace } from '../compose/navigation';
import { composeFeaturePlan, plannedDefinitions, plannedLinks, type ComposeFeaturePlan } from '../compose/overlap';
import { Settings } from '../platform/config';
import type { Log } from '../platform/log';
import { toRange } from './convert';

export type NavigationWorkspaceFactory = (dir: string) => NavigationWorkspace;

export class ComposeNavigation implements vscode.DefinitionProvider, vscode.DocumentLinkProvider, vscode.HoverProvider {
  constructor(
    private readonly log: Log,
    private readonly workspaceFor: NavigationWorkspaceFactory,
  ) {}

  /** Registers the three providers for the compose files of `selector`. */
  register(selector: vscode.DocumentSelector): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.languages.registerDefinitionProvider(selector, this),
      vscode.languages.registerDocumentLinkProvider(selector, this),
      vscode.languages.registerHoverProvider(selector, this),
    );
  }

  private loggedPlan = '';

  private plan(): ComposeFeaturePlan {
    const plan = composeFeaturePlan(new Settings().composeOverlap, (id) => vscode.extensions.getExtension(id) !== undefined);
    const key = plan.deferTo.join(',');
    if (key !== this.loggedPlan) {
      this.loggedPlan = key;
      if (key) this.log.info(`compose: leaving same-file definitions and ${[...plan.skipLinks].join('/')} links to ${key} (dockyard.compose.overlappingFeatures)`);
    }
    return plan;
  }

  private input(doc: vscode.TextDocument): NavigationInput {
    const file = doc.uri.scheme === 'file';
    const filePath = file ? doc.uri.fsPath : doc.uri.path;
    // Other files (override files, includes, .env, Dockerfiles) only in a trusted workspace.
    const workspace = file && vscode.workspace.isTrusted ? this.workspaceFor(path.dirname(filePath)) : undefined;
    return { text: doc.getText(), filePath, workspace };
  }

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    try {
      const input = this.input(doc);
      const result = findDefinitions(input, doc.offsetAt(position));
      if (!result) return undefined;
      return plannedDefinitions(this.plan(), input.filePath, result.locations).map((l) => new vscode.Location(this.uriOf(doc, l.file, input.filePath), toRange(l.range)));
    } catch (e) {
      this.log.error('compose definition failed', e);
      return undefined;
    }
  }

  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    try {
      return plannedLinks(this.plan(), documentLinks(this.input(doc))).map((l) => {
        const target = vscode.Uri.file(l.target);
        const link = new vscode.DocumentLink(
          toRange(l.range),
          // A folder cannot be opened in an editor: reveal it in the Explorer.
          l.directory ? vscode.Uri.parse(`command:revealInExplorer?${encodeURIComponent(JSON.stringify([target]))}`) : target,
        );
        link.tooltip = l.tooltip;
        return link;
      });
    } catch (e) {
      this.log.error('compose document links failed', e);
      return [];
    }
  }

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    try {
      if (!this.plan().serviceHover) return undefined;
      const hover = await serviceHover(this.input(doc), doc.offsetAt(position));
      if (!hover) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range));
    } catch (e) {
      this.log.error('compose hover failed', e);
      return undefined;
    }
  }

  private uriOf(doc: vscode.TextDocument, file: string, self: string): vscode.Uri {
    return file === self || path.normalize(file) === path.normalize(self) ? doc.uri : vscode.Uri.file(file);
  }
}
