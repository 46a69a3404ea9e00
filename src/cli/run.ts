/**
 * Linting files on disk for the CLI: read (with clear refusals for binary,
 * UTF-16, oversized or unreadable files), pick the config, run the file's
 * linter, optionally fix. Node fs; never throws.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_LINT_BYTES } from '../dockerfile/lint';
import type { Finding } from '../dockerfile/types';
import { createExcludeMatcher, findConfigFile, ioMessage, loadConfigFile, type LoadedConfig } from '../config/configFile';
import { mergeConfigs, type ConfigProblem, type DockyardConfig } from '../config/dockyardConfig';
import { FileCache, FsWorkspace } from '../util/fsWorkspace';
import type { DiscoveredFile } from './discover';
import { applyFileChange, fixLoop, writeFileAtomic, type AppliedFix, type FileChangeResult } from './fix';
import type { FileKind, FileLinter } from './linters';

export interface FileResult {
  /** As given on the command line or found under a directory given. */
  readonly file: string;
  readonly absPath: string;
  readonly kind: FileKind;
  readonly findings: Finding[];
  /**
   * Set when the file could not be read or linted (then `findings` is empty),
   * or, with `--fix`, when a fixed file could not be written.
   */
  readonly error?: string;
  /** Internal problems (a rule that threw); the other rules' findings are still there. */
  readonly internalErrors?: string[];
  /** With `--fix`: the fixes applied, in order. */
  readonly fixed?: AppliedFix[];
  /** With `--fix`: other files fixes created or edited (e.g. `.dockerignore`). */
  readonly otherFiles?: FileChangeResult[];
}

export type SourceRead =
  | { readonly ok: true; readonly text: string; readonly bom: boolean; readonly validUtf8: boolean }
  | { readonly ok: false; readonly error: string };

/** Reads a file to lint. Refuses binaries, UTF-16 and files over the linter's size limit. */
export function readSource(absPath: string): SourceRead {
  let buf: Buffer;
  try {
    const st = fs.statSync(absPath);
    if (st.isDirectory()) return { ok: false, error: 'is a directory' };
    if (!st.isFile()) return { ok: false, error: 'is not a regular file' };
    if (st.size > MAX_LINT_BYTES) {
      return { ok: false, error: `file is larger than ${MAX_LINT_BYTES / 1024 / 1024} MB; not linted` };
    }
    buf = fs.readFileSync(absPath);
  } catch (e) {
    return { ok: false, error: `cannot read the file: ${ioMessage(e)}` };
  }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    return { ok: false, error: 'the file is UTF-16 encoded; save it as UTF-8 (docker build needs UTF-8)' };
  }
  if (buf.includes(0)) return { ok: false, error: 'binary file (contains NUL bytes); not linted' };
  let text = buf.toString('utf8');
  const validUtf8 = !text.includes('\ufffd') || Buffer.from(text, 'utf8').equals(buf);
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { ok: true, text, bom, validUtf8 };
}

/** A config problem to show once, with the file it is in. */
export interface ConfigNotice {
  readonly path: string;
  readonly problems?: ConfigProblem[];
  readonly error?: string;
}

/**
 * Finds the config for each file: the `--config` file when given, else the
 * nearest `.dockyard.yaml`/`.dockyard.yml` above the file (cached per folder),
 * with `--rule` overrides layered on top.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, LoadedConfig | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();
  private readonly matchers = new Map<string, (p: string, isDir?: boolean) => boolean>();
  readonly notices: ConfigNotice[] = [];

  constructor(
    private readonly overrides: DockyardConfig,
    private readonly explicit?: LoadedConfig,
  ) {
    if (explicit) this.note(explicit);
  }

  private note(c: LoadedConfig): void {
    if (!c.ok) this.notices.push({ path: c.path, error: c.error });
    else if (c.problems.length) this.notices.push({ path: c.path, problems: c.problems });
  }

  private load(file: string): LoadedConfig {
    let c = this.loaded.get(file);
    if (!c) {
      c = loadConfigFile(file);
      this.loaded.set(file, c);
      this.note(c);
    }
    return c;
  }

  /** The loaded config file that applies in `dir` (undefined: none). */
  fileFor(dir: string): LoadedConfig | undefined {
    if (this.explicit) return this.explicit;
    const abs = path.resolve(dir);
    if (this.byDir.has(abs)) return this.byDir.get(abs);
    // Look in this folder only, then defer to the parent (so every folder is probed once).
    let found: LoadedConfig | undefined;
    const here = findConfigFile(abs, abs);
    if (here) found = this.load(here);
    else {
      const parent = path.dirname(abs);
      found = parent === abs ? undefined : this.fileFor(parent);
    }
    this.byDir.set(abs, found);
    return found;
  }

  /** The effective config of a file (file config + overrides). */
  configFor(absFile: string): DockyardConfig {
    const c = this.fileFor(path.dirname(absFile));
    return mergeConfigs(c?.ok ? c.config : undefined, this.overrides);
  }

  /** Whether a path found by walking is excluded by the config that applies to it. */
  isExcluded = (absPath: string, isDir: boolean): boolean => {
    const c = this.fileFor(path.dirname(absPath));
    if (!c?.ok || !c.config.exclude?.length) return false;
    let m = this.matchers.get(c.path);
    if (!m) {
      m = createExcludeMatcher(c.config);
      this.matchers.set(c.path, m);
    }
    return m(absPath, isDir);
  };

  /** Whether any config file (found or given) could not be read. */
  get hadIoError(): boolean {
    return this.notices.some((n) => n.error !== undefined);
  }
}

export interface LintFileOptions {
  readonly fix: boolean;
  readonly resolver: ConfigResolver;
  readonly cache: FileCache;
}

/** Lints one discovered file. The linter for its kind must exist. */
export function lintFile(file: DiscoveredFile, linter: FileLinter, opts: LintFileOptions): FileResult {
  const base = { file: file.display, absPath: file.absPath, kind: file.kind };
  try {
    const src = readSource(file.absPath);
    if (!src.ok) return { ...base, findings: [], error: src.error };
    const config = opts.resolver.configFor(file.absPath);
    const workspace = new FsWorkspace(path.dirname(file.absPath), { cache: opts.cache });
    const run = (text: string) => {
      try {
        return linter.lint(text, { filePath: file.absPath, workspace, config });
      } catch (e) {
        return { findings: [], errors: [`the ${linter.label} linter failed: ${e instanceof Error ? e.message : String(e)}`] };
      }
    };
    if (!opts.fix) {
      const r = run(src.text);
      return { ...base, findings: r.findings, ...(r.errors.length ? { internalErrors: r.errors } : {}) };
    }
    if (!src.validUtf8) {
      const r = run(src.text);
      return {
        ...base,
        findings: r.findings,
        error: 'not valid UTF-8; not fixed (fixing would change bytes the linter could not read)',
        ...(r.errors.length ? { internalErrors: r.errors } : {}),
      };
    }
    const loop = fixLoop(src.text, {
      lint: (t) => run(t).findings,
      applyChange: (c) => applyFileChange(c, (p) => opts.cache.invalidate(p)),
    });
    let error: string | undefined;
    if (loop.text !== src.text) {
      try {
        writeFileAtomic(file.absPath, (src.bom ? '\ufeff' : '') + loop.text);
        opts.cache.invalidate(file.absPath);
      } catch (e) {
        error = `cannot write the fixed file: ${ioMessage(e)}`;
      }
    }
    const finalText = error ? src.text : loop.text;
    const r = run(finalText);
    const otherErrors = loop.fileChanges.filter((c) => c.error).map((c) => `cannot write ${c.path}: ${c.error}`);
    if (!error && otherErrors.length) error = otherErrors.join('; ');
    return {
      ...base,
      findings: r.findings,
      ...(error ? { error } : {}),
      ...(r.errors.length ? { internalErrors: r.errors } : {}),
      fixed: error && loop.text !== src.text ? [] : loop.applied,
      otherFiles: loop.fileChanges.filter((c) => c.action !== 'unchanged' || c.error),
    };
  } catch (e) {
    return { ...base, findings: [], error: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

