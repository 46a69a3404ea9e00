/**
 * The only file of `src/compose/` that touches the disk: a `node:fs` reader
 * for `loadProject`. Everything else is pure and tested in memory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProject, type LoadProjectOptions, type ReadFile } from './project';
import type { ComposeProject } from './model';

/** Reads a file as UTF-8; undefined when it is missing or not a file. */
export const nodeReadFile: ReadFile = (p: string) => {
  try {
    if (!fs.statSync(p).isFile()) return undefined;
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
};

/** `loadProject` on the real file system, with `process.env` by default. */
export function loadProjectFromDisk(options: Omit<LoadProjectOptions, 'readFile'> & { readFile?: ReadFile }): Promise<ComposeProject> {
  return loadProject({
    ...options,
    workingDir: path.resolve(options.workingDir).split(path.sep).join('/'),
    env: options.env ?? (process.env as Record<string, string | undefined>),
    readFile: options.readFile ?? nodeReadFile,
  });
}
