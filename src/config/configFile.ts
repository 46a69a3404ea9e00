/**
 * Finding and reading `.dockyard.yaml` on disk, and matching its `exclude`
 * patterns. Node `fs`/`path` only (no `vscode`); never throws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { CONFIG_FILE_NAMES, parseDockyardConfig, type ConfigProblem, type DockyardConfig, type ParseConfigOptions } from './dockyardConfig';

/** Config files larger than this are refused (a config is a few lines). */
const MAX_CONFIG_BYTES = 1024 * 1024;

function isFile(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/**
 * The nearest `.dockyard.yaml` / `.dockyard.yml`, looking in `startDir` and
 * then each parent, up to and including `stopDir` (default: the file system
 * root). Returns the absolute path, or undefined.
 */
export function findConfigFile(startDir: string, stopDir?: string): string | undefined {
  let dir = path.resolve(startDir);
  const stop = stopDir !== undefined ? path.resolve(stopDir) : undefined;
  // Only stop at stopDir when it is an ancestor of (or equal to) startDir.
  const stopApplies = stop !== undefined && (dir === stop || dir.startsWith(stop.endsWith(path.sep) ? stop : stop + path.sep));
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = path.join(dir, name);
      if (isFile(p)) return p;
    }
    if (stopApplies && dir === stop) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export type LoadedConfig =
  | { readonly ok: true; readonly path: string; readonly config: DockyardConfig; readonly problems: ConfigProblem[] }
  | { readonly ok: false; readonly path: string; readonly error: string };

/** Reads and parses a config file. IO problems are an `error`; content problems are `problems`. */
export function loadConfigFile(file: string, opts?: ParseConfigOptions): LoadedConfig {
  const abs = path.resolve(file);
  let text: string;
  try {
    const st = fs.statSync(abs);
    if (st.isDirectory()) return { ok: false, path: abs, error: 'is a directory, not a config file' };
    if (st.size > MAX_CONFIG_BYTES) return { ok: false, path: abs, error: `is larger than ${MAX_CONFIG_BYTES / 1024} KB` };
    const buf = fs.readFileSync(abs);
    if (buf.includes(0)) return { ok: false, path: abs, error: 'is a binary file, not YAML' };
    text = buf.toString('utf8');
  } catch (e) {
    return { ok: false, path: abs, error: ioMessage(e) };
  }
  const { config, problems } = parseDockyardConfig(text, abs, opts);
  return { ok: true, path: abs, config, problems };
}

/** A short, human message for a Node fs error. */
export function ioMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a parent of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/**
 * A predicate for the config's `exclude` patterns (.gitignore syntax, relative
 * to the config file's folder). Paths outside that folder are never excluded.
 */
export function createExcludeMatcher(config: DockyardConfig | undefined): (absPath: string, isDir?: boolean) => boolean {
  const patterns = config?.exclude ?? [];
  const baseDir = config?.baseDir;
  if (!patterns.length || !baseDir) return () => false;
  let ig: ReturnType<typeof ignore>;
  try {
    ig = ignore().add([...patterns]);
  } catch {
    return () => false;
  }
  const base = path.resolve(baseDir);
  return (absPath, isDir = false) => {
    const rel = path.relative(base, path.resolve(absPath));
    if (!rel || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) return false;
    const posix = rel.split(path.sep).join('/');
    try {
      return ig.ignores(isDir ? posix + '/' : posix);
    } catch {
      return false;
    }
  };
}
