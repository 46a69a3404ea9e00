/**
 * POSIX paths inside the image, WORKDIR tracking and COPY source/destination
 * reading, for DF122 and DF125 (owned by those rules). Pure.
 */
import type { Copy, Instruction } from 'dockerfile-ast';
import type { InstructionInfo, Stage } from '../model';
import { stageChain } from './_images';

/** Normalises an absolute POSIX path (`/a/./b/../c/` -> `/a/c`). */
export function normalizePath(p: string): string {
  // Already normal (absolute, no empty, `.` or `..` parts, no trailing slash): the loop below would rebuild it as is.
  if (p === '/' || (p.charCodeAt(0) === 47 && !p.endsWith('/') && !p.includes('//') && !p.includes('/.'))) return p;
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** Resolves `p` against the directory `cwd` (both POSIX; `cwd` absolute). */
export function resolvePath(cwd: string, p: string): string {
  return normalizePath(p.startsWith('/') ? p : `${cwd}/${p}`);
}

/** `child` relative to `parent` ('' when equal), or undefined when it is not under it. */
export function relativeTo(parent: string, child: string): string | undefined {
  const a = normalizePath(parent);
  const b = normalizePath(child);
  if (a === b) return '';
  const prefix = a === '/' ? '/' : a + '/';
  return b.startsWith(prefix) ? b.slice(prefix.length) : undefined;
}

/**
 * The WORKDIR in effect just before instruction `before` (an index in the model) in
 * `stage`, following the stages it builds on. Undefined when a WORKDIR uses a variable.
 */
export function workdirAt(stage: Stage, before: number): string | undefined {
  let wd = '/';
  for (const s of stageChain(stage)) {
    for (const info of s.instructions) {
      if (info.index >= before) return wd;
      if (info.keyword !== 'WORKDIR' || info.onbuild) continue;
      const arg = (info.node.getArgumentsContent() ?? '').trim().replace(/^"(.*)"$/, '$1');
      if (!arg || arg.includes('$')) return undefined;
      wd = resolvePath(wd, arg);
    }
  }
  return wd;
}

export interface CopySpec {
  readonly info: InstructionInfo;
  /** Source arguments as written (context-relative for a context COPY). */
  readonly sources: readonly string[];
  readonly dest: string;
  /** `--from` value, if any. */
  readonly from?: string;
}

/** Sources and destination of a COPY/ADD (exec/JSON form included); undefined for heredocs and malformed ones. */
export function copySpec(info: InstructionInfo): CopySpec | undefined {
  if (info.keyword !== 'COPY' && info.keyword !== 'ADD') return undefined;
  const node = info.node as Copy;
  let args: string[];
  try {
    const json = (node as unknown as { getJSONStrings?: () => { getJSONValue(): string }[]; getOpeningBracket?: () => unknown; getClosingBracket?: () => unknown });
    if (json.getOpeningBracket?.() && json.getClosingBracket?.()) args = (json.getJSONStrings?.() ?? []).map((s) => s.getJSONValue());
    else args = node.getArguments().map((a) => a.getValue());
    if ((node as unknown as { getHeredocs?: () => unknown[] }).getHeredocs?.().length) return undefined;
  } catch {
    return undefined;
  }
  if (args.length < 2) return undefined;
  const from = node.getFlags().find((f) => f.getName().toLowerCase() === 'from')?.getValue() ?? undefined;
  const base = { info, sources: args.slice(0, -1), dest: args[args.length - 1] };
  return from !== undefined && from !== null ? { ...base, from } : base;
}

/** Raw text of an instruction's flags (`--chown=app:app --link`), for copying them to a new instruction. */
export function flagsText(node: Instruction): string {
  const flags = (node as unknown as { getFlags?: () => { toString(): string }[] }).getFlags?.() ?? [];
  return flags.map((f) => f.toString()).join(' ');
}

/** A COPY source that is the whole build context. */
export function isContextRoot(src: string): boolean {
  return src === '.' || src === './' || src === '/' || src === '*' || src === './*';
}

/** Docker-style glob (`*`, `?`, `[…]`) to a RegExp over one path. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const j = glob.indexOf(']', i + 1);
      if (j < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, j).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = j;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
