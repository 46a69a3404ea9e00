/**
 * A Node-fs implementation of `WorkspaceAccess` (the build context that
 * workspace-aware rules read), for the CLI and the extension host. Sync,
 * never throws, and backed by a small LRU cache keyed by path + mtime + size,
 * so a `.dockerignore` read on every keystroke is read from disk once per
 * change. Node only (no `vscode`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceAccess } from '../dockerfile/types';

/** Files larger than this read as undefined (rules read small files: .dockerignore, scripts, manifests). */
export const MAX_WORKSPACE_FILE_BYTES = 2 * 1024 * 1024;

interface Entry {
  readonly key: string;
  readonly text: string | undefined;
}

/** An LRU of file contents keyed by path, validated by mtime and size. */
export class FileCache {
  private readonly entries = new Map<string, Entry>();
  constructor(
    readonly capacity = 256,
    readonly maxFileBytes = MAX_WORKSPACE_FILE_BYTES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** File content (UTF-8, BOM dropped), or undefined when missing, unreadable, a directory, too big or binary. */
  read(absPath: string): string | undefined {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(absPath, { throwIfNoEntry: false });
    } catch {
      st = undefined;
    }
    if (!st || !st.isFile()) {
      this.entries.delete(absPath);
      return undefined;
    }
    const key = `${st.mtimeMs}:${st.size}:${st.ino}`;
    const hit = this.entries.get(absPath);
    if (hit && hit.key === key) {
      // Refresh recency.
      this.entries.delete(absPath);
      this.entries.set(absPath, hit);
      return hit.text;
    }
    let text: string | undefined;
    if (st.size <= this.maxFileBytes) {
      try {
        const buf = fs.readFileSync(absPath);
        if (!buf.subarray(0, 8192).includes(0)) {
          text = buf.toString('utf8');
          if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        }
      } catch {
        text = undefined;
      }
    }
    this.entries.delete(absPath);
    this.entries.set(absPath, { key, text });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return text;
  }

  /** Forget one path (after writing it), or everything. */
  invalidate(absPath?: string): void {
    if (absPath === undefined) this.entries.clear();
    else this.entries.delete(absPath);
  }
}

/** One cache shared by every workspace created without an explicit one. */
export const sharedFileCache = new FileCache();

export interface FsWorkspaceOptions {
  readonly cache?: FileCache;
}

/** Build-context access rooted at `contextDir` (absolute; resolved if relative). */
export class FsWorkspace implements WorkspaceAccess {
  readonly contextDir: string;
  private readonly cache: FileCache;

  constructor(contextDir: string, opts: FsWorkspaceOptions = {}) {
    this.contextDir = path.resolve(contextDir);
    this.cache = opts.cache ?? sharedFileCache;
  }

  private abs(p: string): string {
    return path.isAbsolute(p) ? path.normalize(p) : path.resolve(this.contextDir, p);
  }

  readFile(p: string): string | undefined {
    if (typeof p !== 'string' || !p || p.includes('\0')) return undefined;
    return this.cache.read(this.abs(p));
  }

  exists(p: string): boolean {
    if (typeof p !== 'string' || !p || p.includes('\0')) return false;
    try {
      return fs.statSync(this.abs(p), { throwIfNoEntry: false }) !== undefined;
    } catch {
      return false;
    }
  }

  isDirectory(p: string): boolean {
    if (typeof p !== 'string' || !p || p.includes('\0')) return false;
    try {
      return fs.statSync(this.abs(p), { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  }

  /** Forget a path after writing it (so the next read sees the new content). */
  invalidate(p?: string): void {
    this.cache.invalidate(p === undefined ? undefined : this.abs(p));
  }
}

/** Build-context access rooted at `contextDir` (for a Dockerfile, by default its folder). */
export function createFsWorkspace(contextDir: string, opts?: FsWorkspaceOptions): FsWorkspace {
  return new FsWorkspace(contextDir, opts);
}
