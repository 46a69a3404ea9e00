/**
 * What the editor needs from a linter (Dockerfile, compose): lint a document
 * with the effective config (`.dockyard.yaml` < `dockyard.rules` setting),
 * cache the result per document version so code actions never lint twice,
 * and produce the edits of the "ignore" actions. Each language subclasses it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DockerfileLintConfig, LintResult } from '../dockerfile/lint';
import type { Finding, SeveritySetting, WorkspaceAccess } from '../dockerfile/types';
import type { TextEdit } from '../util/text';
import { normalizeRuleKey } from '../config/dockyardConfig';
import { Settings } from '../platform/config';
import type { Log } from '../platform/log';

/** Supplies the repository config (`.dockyard.yaml`) for a file; see `src/config`. */
export interface RepoConfigProvider {
  forFile(fsPath: string, workspaceRoot: string | undefined): DockerfileLintConfig | undefined;
}

/** Supplies read access to the files around a linted file (its directory as the root). */
export type WorkspaceFactory = (dir: string) => WorkspaceAccess;

export abstract class DocumentLinter {
  private readonly cache = new Map<string, { version: number; result: LintResult }>();
  /**
   * Config per document. Everything it depends on (settings, `.dockyard.yaml`, installed
   * extensions) changes only through events that call `forgetAll`, so it is not recomputed (with
   * its file-system lookups) on every keystroke.
   */
  private readonly configs = new Map<string, DockerfileLintConfig>();

  constructor(
    protected readonly log: Log,
    private readonly repoConfig: RepoConfigProvider | undefined,
    private readonly workspaceFor: WorkspaceFactory | undefined = undefined,
  ) {}

  /**
   * The file's path and read access to the files beside it (build context, override files,
   * `.env`), for rules that read them: only for files on disk, and only in a trusted workspace.
   */
  protected fileAccess(uri: vscode.Uri): { filePath?: string; workspace?: WorkspaceAccess } {
    const filePath = uri.scheme === 'file' ? uri.fsPath : undefined;
    const workspace = filePath && this.workspaceFor && vscode.workspace.isTrusted ? this.workspaceFor(path.dirname(filePath)) : undefined;
    return { filePath, workspace };
  }

  /** Short name for logs and titles ("Dockerfile", "compose"). */
  abstract readonly label: string;
  /** Documents this linter handles (for code action providers). */
  abstract readonly selector: vscode.DocumentSelector;
  abstract matches(doc: vscode.TextDocument): boolean;
  abstract enabled(doc: vscode.TextDocument): boolean;
  /** Runs the pure linter on a text. Never throws. */
  protected abstract run(uri: vscode.Uri, text: string, config: DockerfileLintConfig): LintResult;
  /** The edit of "ignore <code> here" for a finding that starts on `line`. */
  abstract ignoreHereEdit(text: string, line: number, code: string): TextEdit;
  /** The edit of "ignore <code> in this file". */
  abstract ignoreFileEdit(text: string, code: string): TextEdit;
  /** Title of the "ignore here" action, e.g. "for this instruction". */
  abstract readonly ignoreHereTitle: string;
  /** Codes to turn off on top of the user's config (e.g. left to another extension). */
  protected extraOff(): readonly string[] {
    return [];
  }

  /** Lint result for the document's current version (cached). Never throws. */
  lint(doc: vscode.TextDocument): LintResult {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.result;
    const result = this.lintText(doc.uri, doc.getText());
    this.cache.set(key, { version: doc.version, result });
    return result;
  }

  /** Lints a text as the content of `uri` (also for files that are not open). Never throws. */
  lintText(uri: vscode.Uri, text: string): LintResult {
    const started = Date.now();
    try {
      const result = this.run(uri, text, this.configFor(uri));
      for (const e of result.errors) this.log.warn(`${uri.fsPath || uri.toString()}: ${e}`);
      const ms = Date.now() - started;
      if (ms > 50) this.log.debug(`linted ${uri.fsPath} in ${ms} ms`);
      return result;
    } catch (e) {
      // The pure linters never throw; this guards the adapter itself.
      this.log.error(`could not lint ${uri.toString()}`, e);
      return { findings: [], errors: [String(e)] };
    }
  }

  /** A lint function over in-memory text with this document's config, for fix-all passes. */
  textLinter(doc: vscode.TextDocument): (text: string) => readonly Finding[] {
    const config = this.configFor(doc.uri);
    return (text) => this.run(doc.uri, text, config).findings;
  }

  forget(doc: vscode.TextDocument | vscode.Uri): void {
    const key = ('uri' in doc ? doc.uri : doc).toString();
    this.cache.delete(key);
    this.configs.delete(key);
  }

  /** Drops cached results and configs (settings, `.dockyard.yaml` or installed extensions changed). */
  forgetAll(): void {
    this.cache.clear();
    this.configs.clear();
  }

  /** The config that applies to a document: repo file < settings < `extraOff`. */
  configFor(uri: vscode.Uri): DockerfileLintConfig {
    const key = uri.toString();
    let config = this.configs.get(key);
    if (!config) {
      config = this.computeConfig(uri);
      this.configs.set(key, config);
    }
    return config;
  }

  private computeConfig(uri: vscode.Uri): DockerfileLintConfig {
    const settings = new Settings(uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    let base: DockerfileLintConfig | undefined;
    if (settings.useConfigFile && uri.scheme === 'file' && this.repoConfig) {
      try {
        base = this.repoConfig.forFile(uri.fsPath, folder?.uri.fsPath);
      } catch (e) {
        this.log.error('could not read .dockyard.yaml', e);
      }
    }
    // Setting keys may be codes or rule names: normalise to codes so they override the file's entries.
    const fromSettings: Record<string, SeveritySetting> = {};
    for (const [k, v] of Object.entries(settings.rules)) fromSettings[normalizeRuleKey(k)] = v;
    const severities: Record<string, SeveritySetting> = { ...(base?.severities ?? {}), ...fromSettings };
    for (const code of this.extraOff()) if (!(code in fromSettings)) severities[code] = 'off';
    return {
      severities,
      options: {
        ...(base?.options ?? {}),
        ...(settings.allowedRegistries.length ? { allowedRegistries: settings.allowedRegistries } : {}),
        ...(settings.requiredLabels.length ? { requiredLabels: settings.requiredLabels } : {}),
      },
    };
  }
}
