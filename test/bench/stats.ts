/** Timing and statistics shared by the Dockerfile and Compose benchmarks. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileCache, FsWorkspace } from '../../src/util/fsWorkspace';
export const now = (): bigint => process.hrtime.bigint();
export const ms = (ns: bigint): number => Number(ns) / 1e6;

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Reads the files once (reading is not what the benchmarks time): BOM dropped, files over `maxBytes` or unreadable set aside. */
export function readTexts(files: readonly string[], maxBytes: number): { texts: { file: string; text: string }[]; unreadable: { file: string; error: string }[] } {
  const texts: { file: string; text: string }[] = [];
  const unreadable: { file: string; error: string }[] = [];
  for (const f of files) {
    try {
      const buf = fs.readFileSync(f);
      if (buf.length > maxBytes) throw new Error('too large');
      let t = buf.toString('utf8');
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      texts.push({ file: f, text: t });
    } catch (e) {
      unreadable.push({ file: f, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { texts, unreadable };
}

/** One file-system workspace per directory, sharing one file cache (as the editor and the CLI do). */
export function workspaceFactory(): (file: string) => FsWorkspace {
  const cache = new FileCache(1024);
  const workspaces = new Map<string, FsWorkspace>();
  return (file) => {
    const d = path.dirname(file);
    let w = workspaces.get(d);
    if (!w) workspaces.set(d, (w = new FsWorkspace(d, { cache })));
    return w;
  };
}
