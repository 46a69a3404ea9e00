/**
 * Which files `dockyard lint` looks at. Directories are walked for files named
 * like Dockerfiles or Compose files; files named on the command line are
 * linted whatever their name. Node fs; never throws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ioMessage } from '../config/configFile';
import type { FileKind } from './linters';

/** Folders never walked into. */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

const DOCKERFILE_EXACT = /^(dockerfile|containerfile)$/i;
const DOCKERFILE_PREFIX = /^(dockerfile|containerfile)\.[^/\\]+$/i;
const DOCKERFILE_SUFFIX = /^.+\.(dockerfile|containerfile)$/i;
/** Per-Dockerfile ignore files (`Dockerfile.dockerignore`) are not Dockerfiles. */
const NOT_DOCKERFILE = /\.dockerignore$/i;
const COMPOSE = /^(docker-)?compose[^/\\]*\.ya?ml$/i;

/**
 * The kind of a file found by walking a directory, from its base name:
 * `Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `*.dockerfile`, `Containerfile`,
 * `Containerfile.*`, `*.containerfile` (case-insensitive) are Dockerfiles;
 * `compose*.y(a)ml` and `docker-compose*.y(a)ml` are Compose files.
 */
export function classifyFile(baseName: string): FileKind | undefined {
  if (NOT_DOCKERFILE.test(baseName)) return undefined;
  if (DOCKERFILE_EXACT.test(baseName) || DOCKERFILE_PREFIX.test(baseName) || DOCKERFILE_SUFFIX.test(baseName)) return 'dockerfile';
  if (COMPOSE.test(baseName)) return 'compose';
  return undefined;
}

/**
 * The kind of a file named on the command line: by name as above; otherwise a
 * `.yml`/`.yaml` file is a Compose file (`docker compose -f any.yml`) and
 * anything else is a Dockerfile (`docker build -f any-name`).
 */
export function classifyExplicitFile(baseName: string): FileKind {
  return classifyFile(baseName) ?? (/\.ya?ml$/i.test(baseName) ? 'compose' : 'dockerfile');
}

export interface DiscoveredFile {
  /** The path to show: as given on the command line, or joined to the directory as given. */
  readonly display: string;
  readonly absPath: string;
  readonly kind: FileKind;
  /** Named on the command line (not found by walking). */
  readonly explicit: boolean;
}

export interface DiscoveryProblem {
  /** The path as given or found. */
  readonly path: string;
  readonly message: string;
}

export interface DiscoverOptions {
  readonly cwd: string;
  /** Whether a path found by walking is excluded (config `exclude`). Not applied to explicit paths. */
  readonly isExcluded?: (absPath: string, isDir: boolean) => boolean;
}

export interface Discovery {
  readonly files: DiscoveredFile[];
  readonly problems: DiscoveryProblem[];
}

function safeStat(p: string): { stat?: fs.Stats; error?: string } {
  try {
    return { stat: fs.statSync(p) };
  } catch (e) {
    return { error: ioMessage(e) };
  }
}

export function discover(targets: readonly string[], opts: DiscoverOptions): Discovery {
  const files: DiscoveredFile[] = [];
  const problems: DiscoveryProblem[] = [];
  const seen = new Set<string>();
  const excluded = opts.isExcluded ?? (() => false);
  const add = (f: DiscoveredFile): void => {
    if (seen.has(f.absPath)) return;
    seen.add(f.absPath);
    files.push(f);
  };

  for (const target of targets) {
    if (!target) {
      problems.push({ path: target, message: 'empty path' });
      continue;
    }
    const abs = path.resolve(opts.cwd, target);
    const { stat, error } = safeStat(abs);
    if (!stat) {
      problems.push({ path: target, message: error ?? 'cannot be read' });
      continue;
    }
    if (stat.isFile()) {
      add({ display: target, absPath: abs, kind: classifyExplicitFile(path.basename(abs)), explicit: true });
      continue;
    }
    if (!stat.isDirectory()) {
      problems.push({ path: target, message: 'is not a regular file or directory' });
      continue;
    }
    walk(target, abs, add, problems, excluded);
  }
  return { files, problems };
}

function walk(
  rootDisplay: string,
  rootAbs: string,
  add: (f: DiscoveredFile) => void,
  problems: DiscoveryProblem[],
  excluded: (absPath: string, isDir: boolean) => boolean,
): void {
  // Depth-first, entries sorted by name, so the output order is stable.
  const stack: { display: string; abs: string }[] = [{ display: rootDisplay, abs: rootAbs }];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir.abs, { withFileTypes: true });
    } catch (e) {
      problems.push({ path: dir.display, message: `cannot list the directory: ${ioMessage(e)}` });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: { display: string; abs: string }[] = [];
    for (const ent of entries) {
      const abs = path.join(dir.abs, ent.name);
      const display = path.join(dir.display, ent.name);
      if (ent.isDirectory()) {
        // Symbolic links to directories are not followed (no cycles, no escaping the tree).
        if (SKIPPED_DIRS.has(ent.name) || excluded(abs, true)) continue;
        subdirs.push({ display, abs });
        continue;
      }
      const kind = classifyFile(ent.name);
      if (!kind) continue;
      if (ent.isSymbolicLink()) {
        const { stat } = safeStat(abs);
        if (!stat?.isFile()) continue;
      } else if (!ent.isFile()) {
        continue;
      }
      if (excluded(abs, false)) continue;
      add({ display, absPath: abs, kind, explicit: false });
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
}
