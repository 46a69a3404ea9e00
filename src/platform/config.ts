import * as vscode from 'vscode';
import { CONFIG_SECTION } from '../constants';
import type { SeveritySetting } from '../dockerfile/types';
import type { ComposeOverlapPolicy } from '../compose/overlap';

export type OverlapPolicy = 'auto' | 'dockyard';

/** Typed access to the `dockyard.*` settings (read with the document as scope). */
export class Settings {
  constructor(private readonly scope?: vscode.ConfigurationScope) {}
  private get c(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(CONFIG_SECTION, this.scope);
  }
  get dockerfileEnabled(): boolean {
    return this.c.get<boolean>('dockerfile.enable', true);
  }
  get composeEnabled(): boolean {
    return this.c.get<boolean>('compose.enable', true);
  }
  get rules(): Record<string, SeveritySetting> {
    return { ...this.c.get<Record<string, SeveritySetting>>('rules', {}) };
  }
  get allowedRegistries(): string[] {
    return this.c.get<string[]>('dockerfile.allowedRegistries', []);
  }
  get requiredLabels(): string[] {
    return this.c.get<string[]>('dockerfile.requiredLabels', []);
  }
  get lintDelay(): number {
    return Math.max(0, this.c.get<number>('lint.delay', 120));
  }
  get useConfigFile(): boolean {
    return this.c.get<boolean>('useConfigFile', true);
  }
  get overlap(): OverlapPolicy {
    return this.c.get<OverlapPolicy>('dockerfile.overlappingRules', 'auto');
  }
  get composeOverlap(): ComposeOverlapPolicy {
    return this.c.get<ComposeOverlapPolicy>('compose.overlappingFeatures', 'auto');
  }
  static affects(e: vscode.ConfigurationChangeEvent): boolean {
    return e.affectsConfiguration(CONFIG_SECTION);
  }
}
