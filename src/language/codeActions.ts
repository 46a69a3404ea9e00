/**
 * Code actions for one linter's documents (Dockerfile, compose): each finding's
 * quick fixes, "fix all <CODE> in this file", "ignore <CODE> here / in this
 * file", and `source.fixAll.dockyard` for `editor.codeActionsOnSave`. The edits
 * come from the pure core; this class only adapts them.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { fixAll, minimalEdit } from '../dockerfile/fixAll';
import type { Finding, Fix } from '../dockerfile/types';
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND_SUFFIX, Commands } from '../constants';
import { codeOf, toRange, toTextEdit, toDiagnostic } from './convert';
import type { DocumentLinter } from './documentLinter';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append(FIX_ALL_KIND_SUFFIX);

export class LinterCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    readonly linter: DocumentLinter,
    private readonly extensionUri: vscode.Uri,
  ) {}

  provideCodeActions(
    doc: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const only = context.only;
    // `only` = source, source.fixAll or source.fixAll.dockyard: the one fix-all action (fix on save).
    if (only && only.contains(FIX_ALL_KIND)) {
      const a = this.fixAllAction(doc);
      return a ? [a] : [];
    }
    if (only && !only.intersects(vscode.CodeActionKind.QuickFix)) return [];

    const { findings } = this.linter.lint(doc);
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const actions: vscode.CodeAction[] = [];
    const fixAllOffered = new Set<string>();
    const ignoreOffered = new Set<string>();
    // Findings per code that an in-file preferred fix can resolve (for "fix all <code>").
    const fixable = new Map<string, number>();
    for (const f of findings) {
      if (f.fixes.some((x) => x.preferred && !x.files?.length)) fixable.set(f.code, (fixable.get(f.code) ?? 0) + 1);
    }
    for (const finding of findings) {
      const fr = toRange(finding.range);
      const diagnostic = ours.find((d) => codeOf(d) === finding.code && d.range.isEqual(fr));
      if (!diagnostic && !fr.intersection(range)) continue;
      const diag = diagnostic ?? toDiagnostic(finding, this.extensionUri);
      for (const fix of finding.fixes) actions.push(this.quickFix(doc, finding, fix, diag));
      const count = fixable.get(finding.code) ?? 0;
      if (count > 1 && !fixAllOffered.has(finding.code)) {
        fixAllOffered.add(finding.code);
        actions.push(new FixAllOfCodeAction(doc, finding.code, count));
      }
      const key = `${finding.code}:${finding.range.start.line}`;
      if (!ignoreOffered.has(key)) {
        ignoreOffered.add(key);
        actions.push(...this.ignoreActions(doc, finding, diag));
      }
    }
    return actions;
  }

  private quickFix(doc: vscode.TextDocument, finding: Finding, fix: Fix, diag: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diag];
    action.isPreferred = !!fix.preferred;
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, fix.edits.map(toTextEdit));
    for (const change of fix.files ?? []) {
      const uri = vscode.Uri.file(change.path);
      if (change.create !== undefined && !this.exists(change.path)) {
        edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(change.create) });
      } else if (change.edits?.length) {
        edit.set(uri, change.edits.map(toTextEdit));
      }
    }
    action.edit = edit;
    return action;
  }

  private exists(p: string): boolean {
    try {
      return fs.existsSync(p);
    } catch {
      return false;
    }
  }

  /**
   * "Fix all <code>" re-lints the text between passes, so its edit is computed only when the user
   * picks the action, not on every cursor move that asks for code actions.
   */
  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (!(action instanceof FixAllOfCodeAction) || action.doc.isClosed) return action;
    const text = action.doc.getText();
    const result = fixAll(text, this.linter.textLinter(action.doc), { codes: new Set([action.code]) });
    const e = minimalEdit(text, result.text);
    if (e) {
      action.edit = new vscode.WorkspaceEdit();
      action.edit.set(action.doc.uri, [toTextEdit(e)]);
    }
    return action;
  }

  /** One action applying every preferred in-file fix; used by `source.fixAll.dockyard` and the command. */
  fixAllAction(doc: vscode.TextDocument): vscode.CodeAction | undefined {
    const edit = this.fixAllEdit(doc);
    if (!edit) return undefined;
    const action = new vscode.CodeAction('Fix all Dockyard problems', FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.set(doc.uri, [edit]);
    return action;
  }

  fixAllEdit(doc: vscode.TextDocument): vscode.TextEdit | undefined {
    const text = doc.getText();
    const result = fixAll(text, this.linter.textLinter(doc));
    const e = minimalEdit(text, result.text);
    return e ? toTextEdit(e) : undefined;
  }

  private ignoreActions(doc: vscode.TextDocument, finding: Finding, diag: vscode.Diagnostic): vscode.CodeAction[] {
    const text = doc.getText();
    const here = new vscode.CodeAction(`Ignore ${finding.code} ${this.linter.ignoreHereTitle}`, vscode.CodeActionKind.QuickFix);
    here.diagnostics = [diag];
    here.edit = new vscode.WorkspaceEdit();
    here.edit.set(doc.uri, [toTextEdit(this.linter.ignoreHereEdit(text, finding.range.start.line, finding.code))]);
    const file = new vscode.CodeAction(`Ignore ${finding.code} in this file`, vscode.CodeActionKind.QuickFix);
    file.diagnostics = [diag];
    file.edit = new vscode.WorkspaceEdit();
    file.edit.set(doc.uri, [toTextEdit(this.linter.ignoreFileEdit(text, finding.code))]);
    const docs = new vscode.CodeAction(`Show documentation for ${finding.code}`, vscode.CodeActionKind.Empty);
    docs.command = { command: Commands.openRuleDocs, title: 'Show documentation', arguments: [finding.code] };
    return [here, file, docs];
  }
}

class FixAllOfCodeAction extends vscode.CodeAction {
  constructor(
    readonly doc: vscode.TextDocument,
    readonly code: string,
    count: number,
  ) {
    super(`Fix all ${code} problems in this file (${count})`, vscode.CodeActionKind.QuickFix);
  }
}
