/**
 * Lints Dockerfile documents for the editor: gathers the effective config
 * (`.dockyard.yaml`, then the `dockyard.*` settings, then the overlap policy),
 * gives workspace-aware rules read access to the build context, and caches the
 * result per document version so code actions never lint twice.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { lintDockerfile, type DockerfileLintConfig, type LintResult } from '../dockerfile/lint';
import { ALL_RULES } from '../dockerfile/rules';
import type { DockerfileRuleOptions, SeveritySetting, WorkspaceAccess } from '../dockerfile/types';
import { codesReportedByOthers } from '../dockerfile/overlap';
import { normalizeRuleKey } from '../config/dockyardConfig';
import { Settings } from '../platform/config';
import type { Log } from '../platform/log';

/** Supplies the repository config (`.dockyard.yaml`) for a file; see `src/config`. */
export interface RepoConfigProvider {
  forFile(fsPath: string, workspaceRoot: string | undefined): DockerfileLintConfig | undefined;
}

/** Supplies read access to a build context directory. */
export type WorkspaceFactory = (contextDir: string) => WorkspaceAccess;

export interface CachedLint {
  readonly version: number;
  readonly result: LintResult;
}

const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:dockerfile|containerfile))$/i;

export function isDockerfileDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId === 'dockerfile') return true;
  if (doc.uri.scheme === 'output' || doc.uri.scheme === 'git') return false;
  const base = path.basename(doc.uri.path);
  return DOCKERFILE_NAME.test(base) && !/\.(dockerignore|md|txt|json|ya?ml)$/i.test(base);
}

export class DockerfileService {
  private readonly cache = new Map<string, CachedLint>();

  constructor(
    private readonly log: Log,
    private readonly repoConfig: RepoConfigProvider | undefined,
    private readonly workspaceFor: WorkspaceFactory | undefined,
  ) {}

  /** Lint result for the document's current version (cached). Never throws. */
  lint(doc: vscode.TextDocument): LintResult {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version) return hit.result;
    const result = this.lintFresh(doc);
    this.cache.set(key, { version: doc.version, result });
    return result;
  }

  forget(doc: vscode.TextDocument | vscode.Uri): void {
    this.cache.delete(('uri' in doc ? doc.uri : doc).toString());
  }

  forgetAll(): void {
    this.cache.clear();
  }

  /** The lint config that applies to a document: repo file < settings < overlap policy. */
  configFor(doc: vscode.TextDocument | vscode.Uri): DockerfileLintConfig {
    const uri = doc instanceof vscode.Uri ? doc : doc.uri;
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
    for (const code of overlappingCodes(settings.overlap)) if (!(code in fromSettings)) severities[code] = 'off';
    const options: DockerfileRuleOptions = {
      ...(base?.options ?? {}),
      ...(settings.allowedRegistries.length ? { allowedRegistries: settings.allowedRegistries } : {}),
      ...(settings.requiredLabels.length ? { requiredLabels: settings.requiredLabels } : {}),
    };
    return { severities, options };
  }

  private lintFresh(doc: vscode.TextDocument): LintResult {
    return this.lintText(doc.uri, doc.getText());
  }

  /** Lints a text as the content of `uri` (used for files that are not open). Never throws. */
  lintText(uri: vscode.Uri, text: string): LintResult {
    const started = Date.now();
    try {
      const filePath = uri.scheme === 'file' ? uri.fsPath : undefined;
      const workspace =
        filePath && this.workspaceFor && vscode.workspace.isTrusted ? this.workspaceFor(path.dirname(filePath)) : undefined;
      const result = lintDockerfile(text, { filePath, workspace, config: this.configFor(uri) });
      for (const e of result.errors) this.log.warn(`${uri.fsPath || uri.toString()}: ${e}`);
      const ms = Date.now() - started;
      if (ms > 50) this.log.debug(`linted ${uri.fsPath} in ${ms} ms`);
      return result;
    } catch (e) {
      // lintDockerfile never throws; this guards the adapter itself.
      this.log.error(`could not lint ${uri.toString()}`, e);
      return { findings: [], errors: [String(e)] };
    }
  }
}

/** Codes we leave to another installed extension (setting `dockyard.dockerfile.overlappingRules`). */
export function overlappingCodes(policy: 'auto' | 'dockyard'): string[] {
  if (policy !== 'auto') return [];
  return codesReportedByOthers((id) => vscode.extensions.getExtension(id) !== undefined, ALL_RULES);
}
