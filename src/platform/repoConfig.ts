/**
 * `.dockyard.yaml` for the editor: the nearest one above a file (up to the
 * workspace folder), parsed once per modification time. Problems in the file
 * are logged once per version.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findConfigFile, loadConfigFile } from '../config/configFile';
import { toLintConfig } from '../config/dockyardConfig';
import type { DockerfileLintConfig } from '../dockerfile/lint';
import type { RepoConfigProvider } from '../language/dockerfileService';
import type { Log } from './log';

export function createRepoConfigProvider(log: Log): RepoConfigProvider {
  const cache = new Map<string, { mtimeMs: number; config: DockerfileLintConfig | undefined }>();
  return {
    forFile(fsPath: string, workspaceRoot: string | undefined): DockerfileLintConfig | undefined {
      const file = findConfigFile(path.dirname(fsPath), workspaceRoot);
      if (!file) return undefined;
      let mtimeMs = -1;
      try {
        mtimeMs = fs.statSync(file).mtimeMs;
      } catch {
        return undefined;
      }
      const hit = cache.get(file);
      if (hit && hit.mtimeMs === mtimeMs) return hit.config;
      const loaded = loadConfigFile(file);
      let config: DockerfileLintConfig | undefined;
      if (!loaded.ok) {
        log.warn(`${file}: ${loaded.error}`);
      } else {
        for (const p of loaded.problems) log.warn(`${file}:${p.line}:${p.column}: ${p.message}`);
        config = toLintConfig(loaded.config);
      }
      cache.set(file, { mtimeMs, config });
      return config;
    },
  };
}
