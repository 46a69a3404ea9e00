import type { DockerfileRule, RuleContext, WorkspaceAccess } from '../types';
import type { InstructionInfo, Stage } from '../model';
import type { SimpleCommand } from '../shell/types';
import type { Range } from '../../util/text';
import { parseShell } from '../shell/parse';
import { textSource } from '../shell/source';
import { commandName } from '../shell/args';
import { documentRange } from '../shell/source';
import { baseName, execFormOf, isPosixShellName, programIndex } from './_execForm';
import { stageChain } from './_images';
import { copySpec, globToRegExp, isContextRoot, relativeTo, resolvePath, workdirAt, type CopySpec } from './_copyPaths';

const DEFAULT_PATH = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
/** Last commands for which `exec` is not the answer (builtins, keep-alive loops, tests). */
const NOT_A_PROGRAM = new Set(['exit', 'return', 'wait', 'true', 'false', ':', 'set', 'shift', 'cd', 'export', 'unset', 'trap', 'echo',
  'printf', 'source', '.', 'eval', 'read', 'sleep', 'tail', 'exec', '[', '[[', 'test', 'local', 'readonly', 'ulimit', 'umask', 'break',
  'continue', 'let', 'declare', 'typeset', 'alias', 'kill', 'chown', 'chmod', 'mkdir', 'rm', 'cp', 'mv', 'ln', 'touch', 'sed', 'cat']);

interface Target {
  readonly info: InstructionInfo;
  /** The script path as written in the Dockerfile. */
  readonly path: string;
  readonly range: Range;
}

/** The script an ENTRYPOINT (or, without one, CMD) runs, if it runs one. */
function scriptTarget(ctx: RuleContext, info: InstructionInfo): Target | undefined {
  const exec = execFormOf(ctx.lines, info.node, info.keyword, ctx.model.escapeChar);
  if (exec) {
    const argv = exec.elements.map((e) => e.value);
    let p = programIndex(argv);
    if (p < 0) return undefined;
    if (isPosixShellName(argv[p])) {
      // ["sh", "/entrypoint.sh", …] runs the file; ["sh", "-c", "…"] does not.
      if (!argv[p + 1] || argv[p + 1].startsWith('-')) return undefined;
      p++;
    }
    return { info, path: argv[p], range: exec.elements[p].range };
  }
  const scripts = info.scripts();
  if (scripts.length !== 1) return undefined;
  const cmd = scripts[0].commands[0];
  if (!cmd) return undefined;
  const n = commandName(cmd);
  if (!n) return undefined;
  let w = n.word;
  if (isPosixShellName(n.name)) {
    const next = cmd.words[n.index + 1];
    if (!next || next.value.startsWith('-')) return undefined;
    w = next;
  }
  if (w.hasExpansion) return undefined;
  return { info, path: w.value, range: documentRange(scripts[0].source, w.start, w.end) };
}

/** Directories of PATH in the image: the default plus literal entries of `ENV PATH=…`. */
function pathDirs(stage: Stage, before: number): string[] {
  const dirs = [...DEFAULT_PATH];
  for (const s of stageChain(stage)) {
    for (const info of s.instructions) {
      if (info.index >= before) break;
      if (info.keyword !== 'ENV' || info.onbuild) continue;
      const props = (info.node as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] }).getProperties?.() ?? [];
      for (const p of props) {
        if (p.getName() !== 'PATH') continue;
        for (const d of (p.getValue() ?? '').split(':')) if (d.startsWith('/') && !d.includes('$')) dirs.unshift(d);
      }
    }
  }
  return [...new Set(dirs)];
}

function ctxPath(ws: WorkspaceAccess, rel: string): string {
  const dir = ws.contextDir;
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const base = dir.endsWith('/') || dir.endsWith('\\') ? dir.slice(0, -1) : dir;
  const clean = rel.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  return clean ? `${base}${sep}${clean.split('/').join(sep)}` : base;
}

function readFile(ws: WorkspaceAccess, abs: string): string | undefined {
  try {
    return ws.readFile(abs);
  } catch {
    return undefined;
  }
}

/** The stage's last instruction with this keyword, ONBUILD triggers left out. */
function lastOwn(stage: Stage, keyword: string): InstructionInfo | undefined {
  for (let k = stage.instructions.length - 1; k >= 0; k--) {
    const i = stage.instructions[k];
    if (!i.onbuild && i.keyword === keyword) return i;
  }
  return undefined;
}

/** The context file that ends up at `imagePath`, through the last COPY/ADD that writes it. */
function sourceOf(ws: WorkspaceAccess, stage: Stage, before: number, imagePaths: readonly string[]): { file: string; text: string } | undefined {
  const copies: CopySpec[] = [];
  for (const s of stageChain(stage)) {
    for (const i of s.instructions) {
      if (i.index >= before || i.onbuild || (i.keyword !== 'COPY' && i.keyword !== 'ADD')) continue;
      const c = copySpec(i);
      if (c && c.from === undefined) copies.push(c);
    }
  }
  // Each copy's absolute destination (undefined: unknown), the same for every target: computed once, on first use.
  const dests: (string | null | undefined)[] = new Array(copies.length);
  const destOf = (k: number): string | undefined => {
    let d = dests[k];
    if (d === undefined) {
      const c = copies[k];
      const wd = workdirAt(c.info.stage!, c.info.index);
      d = wd === undefined || c.dest.includes('$') ? null : resolvePath(wd, c.dest);
      dests[k] = d;
    }
    return d ?? undefined;
  };
  for (const target of imagePaths) {
    for (let k = copies.length - 1; k >= 0; k--) {
      const c = copies[k];
      const destAbs = destOf(k);
      if (destAbs === undefined) continue;
      const rel = relativeTo(destAbs, target);
      if (rel === undefined) continue;
      for (const raw of c.sources) {
        if (/^[a-z]+:\/\//i.test(raw) || raw.includes('$')) continue;
        const src = isContextRoot(raw) && !raw.includes('*') ? '' : raw.replace(/^\.\//, '').replace(/\/+$/, '');
        const candidates: string[] = [];
        if (rel === '') candidates.push(src);
        else {
          const name = baseName(src);
          if (!rel.includes('/') && (name === rel || (/[*?[]/.test(name) && safeGlob(name, rel)))) {
            const dir = src.includes('/') ? src.slice(0, src.lastIndexOf('/') + 1) : '';
            candidates.push(dir + rel); // a file (or glob) copied into the dest directory
          }
          candidates.push(src ? `${src}/${rel}` : rel); // a directory copied into dest
        }
        for (const cand of candidates) {
          if (!cand || /[*?[]/.test(cand)) continue;
          const file = ctxPath(ws, cand);
          const text = readFile(ws, file);
          if (text !== undefined) return { file, text };
        }
      }
    }
  }
  return undefined;
}

function safeGlob(glob: string, name: string): boolean {
  try {
    return globToRegExp(glob).test(name);
  } catch {
    return false;
  }
}

/** The script runs with a POSIX shell: a sh/bash shebang, or none when the Dockerfile runs it with `sh file`. */
function isShellScript(text: string, viaShell: boolean): boolean {
  const first = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')).trim();
  if (!first.startsWith('#!')) return viaShell;
  const parts = first.slice(2).trim().split(/\s+/);
  let prog = baseName(parts[0] ?? '');
  if (prog === 'env') prog = baseName(parts.find((p, i) => i > 0 && !p.startsWith('-')) ?? '');
  if (prog === 'busybox') prog = parts[1] ?? '';
  return ['sh', 'bash', 'ash', 'dash', 'ksh', 'mksh', 'zsh'].includes(prog);
}

function definesFunction(text: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s;{])(function\\s+${n}\\b|${n}\\s*\\(\\s*\\))`, 'm').test(text);
}

/** The script's last command when `exec` would make it PID 1, else undefined. */
function lastCommandNeedingExec(text: string): { cmd: SimpleCommand; name: string } | undefined {
  const script = parseShell(textSource(text));
  if (script.errors.length) return undefined;
  const all = script.commands.filter((c) => !c.inSubstitution);
  // Several processes (`a & b`): exec of the last one does not make the others get signals.
  if (all.some((c) => c.separatorAfter === '&')) return undefined;
  const top = all.filter((c) => c.depth === 0);
  const last = top[top.length - 1];
  if (!last) return undefined;
  // The script ends inside if/case/while…: we cannot tell which command runs last.
  if (all.some((c) => c.depth > 0 && c.start > last.end)) return undefined;
  if (last.inPipeline || last.separatorBefore === '||' || last.separatorBefore === '|' || last.separatorBefore === '|&') return undefined;
  if (!last.words.length || last.words[0].value === 'exec') return undefined;
  const n = commandName(last);
  if (!n || n.wrappers.includes('exec')) return undefined;
  if (NOT_A_PROGRAM.has(n.name)) return undefined;
  if (!n.word.hasExpansion && definesFunction(text, n.name)) return undefined;
  return { cmd: last, name: last.words[0].value };
}

export const rule: DockerfileRule = {
  code: 'DF125',
  name: 'entrypoint-script-without-exec',
  title: 'Entrypoint script does not exec its last command, so the app never gets SIGTERM',
  defaultSeverity: 'info',
  fix: 'yes',
  needsWorkspace: true,
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws) return;
    const seen = new Set<string>();
    for (const stage of ctx.model.stages) {
      if (stage.windows) continue;
      const chain = stageChain(stage);
      const entry = lastOwn(stage, 'ENTRYPOINT');
      const inherited = chain.slice(0, -1).some((s) => s.instructions.some((i) => i.keyword === 'ENTRYPOINT' && !i.onbuild));
      const info = entry ?? (inherited ? undefined : lastOwn(stage, 'CMD'));
      if (!info) continue;
      const target = scriptTarget(ctx, info);
      if (!target) continue;
      const p = target.path;
      const wd = workdirAt(stage, info.index);
      // A bare name runs from PATH: only a script that a COPY puts in a PATH directory counts.
      let imagePaths: string[];
      if (p.startsWith('/')) imagePaths = [resolvePath('/', p)];
      else if (p.includes('/')) {
        if (wd === undefined) continue;
        imagePaths = [resolvePath(wd, p)];
      } else imagePaths = pathDirs(stage, info.index).map((d) => resolvePath(d, p));
      const found = sourceOf(ws, stage, info.index, imagePaths);
      if (!found || seen.has(found.file)) continue;
      const exec = execFormOf(ctx.lines, info.node, info.keyword, ctx.model.escapeChar);
      const viaShell = exec ? isPosixShellName(exec.elements[programIndex(exec.elements.map((e) => e.value))]?.value ?? '') : false;
      if (!isShellScript(found.text, viaShell)) continue;
      const last = lastCommandNeedingExec(found.text);
      if (!last) continue;
      seen.add(found.file);
      const src = textSource(found.text);
      const first = last.cmd.words[0];
      const at = src.toDocument(first.start);
      const fixes = last.cmd.assignments.length
        ? []
        : [
            {
              title: `Prefix "${last.name}" with exec in ${baseName(found.file.replace(/\\/g, '/'))}`,
              edits: [],
              files: [{ path: found.file, edits: [{ range: { start: at, end: at }, newText: 'exec ' }] }],
              preferred: true,
            },
          ];
      ctx.report({
        range: target.range,
        message: `"${baseName(p)}" runs its last command "${last.name}" without exec: the shell stays PID 1, so the app never gets SIGTERM on docker stop`,
        fixes,
      });
    }
  },
};
