/** One-to-one conversions between the pure core's LSP-shaped types and VS Code's. */
import * as vscode from 'vscode';
import type { Finding, Severity } from '../dockerfile/types';
import type { Range, TextEdit } from '../util/text';
import { DIAGNOSTIC_SOURCE } from '../constants';

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  switch (s) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
    case 'style':
      return vscode.DiagnosticSeverity.Information;
  }
}

export function toTextEdit(e: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(e.range), e.newText);
}

/** Where a rule's documentation lives: shipped inside the extension, so the link works offline. */
export function ruleDocsUri(extensionUri: vscode.Uri, code: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${code}.md`);
}

export function toDiagnostic(f: Finding, extensionUri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, toSeverity(f.severity));
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.code, target: ruleDocsUri(extensionUri, f.code) };
  if (f.code === 'DF036') d.tags = [vscode.DiagnosticTag.Deprecated];
  return d;
}

/** The code of one of our diagnostics (`code` is an object once it has a link). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  if (typeof c === 'object') return String(c.value);
  return String(c);
}
