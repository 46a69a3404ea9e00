import type { DockerfileRule, Fix, RuleContext } from '../types';
import type { InstructionInfo, Stage } from '../model';
import type { ShellScript, SimpleCommand, Word } from '../shell/types';
import type { TextEdit } from '../../util/text';
import { apkCommand, aptCommand, nodePackageCommand, pipCommand, rpmCommand, zypperCommand } from '../shell/packageManagers';
import { commandName, parseArgs } from '../shell/args';
import { scriptRange } from '../ruleUtils';
import { documentRange } from '../shell/source';
import { baseName } from './_execForm';
import { stageChain } from './_images';
import {
  copySpec,
  flagsText,
  globToRegExp,
  isContextRoot,
  relativeTo,
  resolvePath,
  workdirAt,
  type CopySpec,
} from './_copyPaths';

type Kind = 'pip' | 'uv-pip' | 'npm' | 'yarn' | 'pnpm' | 'poetry' | 'uv' | 'go' | 'bundle' | 'composer';

interface Install {
  readonly kind: Kind;
  readonly cmd: SimpleCommand;
  /** Script offsets of `npm ci`, `pip install`, `go mod download`… (the finding's range). */
  readonly labelStart: number;
  readonly labelEnd: number;
  /** Files the install reads, relative to its working directory. The first ones are required. */
  readonly manifests: readonly string[];
  /** Lock/config files copied along when they exist (always, when the context cannot be read). */
  readonly optional: readonly string[];
  /** The install also installs the project itself: keep it after `COPY . .`, and install only the dependencies before. */
  readonly keep: boolean;
  /** Options that make the early install skip the project (poetry --no-root…). */
  readonly depsOnlyFlags: string;
  /** Reads local paths (`-e .`, `--prefix`): report, but do not rewrite. */
  readonly noFix?: boolean;
  /** Subcommand word (the flags of the early install go right after it). */
  readonly subWord?: Word;
}

function positional(cmd: SimpleCommand, from: number): { words: readonly Word[]; args: ReturnType<typeof parseArgs> } {
  const words = cmd.words.slice(from);
  return { words, args: parseArgs(words) };
}

function installOf(cmd: SimpleCommand): Install | undefined {
  if (cmd.inSubstitution) return undefined;
  // In an if/while condition the command only tests something.
  if (cmd.inCondition && (cmd.construct === 'if' || cmd.construct === 'while' || cmd.construct === 'until') && cmd.separatorAfter !== '&&') return undefined;
  const base = (kind: Kind, start: number, end: number, manifests: string[], optional: string[], rest: Partial<Install> = {}): Install => ({
    kind,
    cmd,
    labelStart: start,
    labelEnd: end,
    manifests,
    optional,
    keep: false,
    depsOnlyFlags: '',
    ...rest,
  });

  const pip = pipCommand(cmd);
  if (pip) {
    if (pip.manager !== 'pip' || pip.subcommand !== 'install' || !pip.requirements.length) return undefined;
    const local = pip.editables.length > 0 || pip.packages.some((p) => p.kind === 'path' || p.kind === 'file');
    const start = cmd.words[pip.index].start;
    return base('pip', start, pip.subcommandWord!.end, [...pip.requirements, ...pip.constraints], [], { noFix: local });
  }
  const node = nodePackageCommand(cmd);
  if (node) {
    if (node.global || node.packages.length) return undefined;
    const start = node.toolWord.start;
    const end = node.subcommandWord?.end ?? node.toolWord.end;
    const moved = node.args.has('--prefix', '-C', '--dir', '--cwd', '-w', '--workspace', '--filter', '-F');
    if (node.tool === 'npm' && (node.action === 'ci' || node.action === 'install'))
      return base('npm', start, end, ['package.json'], ['package-lock.json', 'npm-shrinkwrap.json', '.npmrc'], { noFix: moved });
    if (node.tool === 'yarn' && (node.action === undefined || node.action === 'install'))
      return base('yarn', start, end, ['package.json'], ['yarn.lock', '.yarnrc.yml', '.yarnrc', '.npmrc'], { noFix: moved });
    if (node.tool === 'pnpm' && node.action === 'install')
      return base('pnpm', start, end, ['package.json'], ['pnpm-lock.yaml', '.npmrc'], { noFix: moved });
    return undefined;
  }
  const n = commandName(cmd);
  if (!n || n.word.hasExpansion) return undefined;
  const { words, args } = positional(cmd, n.index + 1);
  const pos = args.positionals;
  const sub = pos[0];
  const start = n.word.start;
  switch (n.name) {
    case 'poetry': {
      if (sub?.value !== 'install') return undefined;
      const depsOnly = args.has('--no-root') || args.has('--only-root');
      return base('poetry', start, sub.end, ['pyproject.toml'], ['poetry.lock', 'poetry.toml'], {
        keep: !depsOnly,
        depsOnlyFlags: depsOnly ? '' : ' --no-root',
        subWord: sub,
      });
    }
    case 'uv': {
      if (sub?.value === 'sync') {
        const depsOnly = args.has('--no-install-project') || args.has('--only-group');
        const noWorkspace = args.has('--no-install-workspace');
        return base('uv', start, sub.end, ['pyproject.toml'], ['uv.lock', '.python-version'], {
          keep: !depsOnly && !noWorkspace,
          depsOnlyFlags: depsOnly || noWorkspace ? '' : ' --no-install-project',
          subWord: sub,
        });
      }
      if (sub?.value === 'pip' && (pos[1]?.value === 'install' || pos[1]?.value === 'sync')) {
        const reqs = pos[1].value === 'install' ? reqsFromWords(words) : pos.slice(2).map((w) => w.value);
        if (!reqs.length) return undefined;
        return base('uv-pip', start, pos[1].end, reqs, []);
      }
      return undefined;
    }
    case 'go': {
      if (sub?.value !== 'mod' || pos[1]?.value !== 'download') return undefined;
      return base('go', start, pos[1].end, ['go.mod'], ['go.sum']);
    }
    case 'bundle': {
      if (sub && sub.value !== 'install') return undefined;
      return base('bundle', start, sub?.end ?? n.word.end, ['Gemfile'], ['Gemfile.lock']);
    }
    case 'composer': {
      if (sub?.value !== 'install') return undefined;
      const missing = ['--no-scripts', '--no-autoloader'].filter((f) => !args.has(f));
      return base('composer', start, sub.end, ['composer.json'], ['composer.lock'], {
        keep: missing.length > 0,
        depsOnlyFlags: missing.length ? ' ' + missing.join(' ') : '',
        subWord: sub,
      });
    }
  }
  return undefined;
}

/** `-r file` / `--requirement file` / `-rfile` / `--requirement=file` values among words. */
function reqsFromWords(words: readonly Word[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const v = words[i].value;
    if ((v === '-r' || v === '--requirement') && words[i + 1]) out.push(words[++i].value);
    else if (v.startsWith('--requirement=')) out.push(v.slice(14));
    else if (/^-r./.test(v)) out.push(v.slice(2));
  }
  return out;
}

// ---------------------------------------------------------------- commands that only prepare dependencies

const CACHE_PATH = /(^|\/)(\.cache|\.npm|\.yarn|\.pnpm-store|cache)(\/|$)|^\/var\/lib\/apt\/lists|^\/var\/cache|^\/tmp\/|^\/root\/\.|^~\/\.|^\$\{?HOME\}?\/\./;
const HARMLESS = new Set(['true', ':', 'set', 'echo', 'printf', 'export', 'corepack', 'mkdir', 'cd']);

/** Commands that may travel with the install (they do not read the project's sources). */
function isPreparation(cmd: SimpleCommand): boolean {
  if (cmd.inSubstitution) return true;
  const inst = installOf(cmd);
  if (inst) return !inst.keep;
  if (aptCommand(cmd) || apkCommand(cmd) || rpmCommand(cmd) || zypperCommand(cmd)) return true;
  const pip = pipCommand(cmd);
  if (pip) return pip.subcommand !== 'install' || (!pip.editables.length && !pip.requirements.length && pip.packages.every((p) => p.kind === 'package' || p.kind === 'vcs'));
  const node = nodePackageCommand(cmd);
  if (node) return node.global || node.action === 'cache-clean' || node.action === 'config';
  const n = commandName(cmd);
  if (!n) return cmd.assignments.length > 0;
  const name = n.name;
  if (HARMLESS.has(name)) return true;
  const args = cmd.words.slice(n.index + 1);
  if (name === 'rm') return args.every((w) => w.value.startsWith('-') || CACHE_PATH.test(w.value));
  if (name === 'poetry' || name === 'pip' || name === 'composer' || name === 'bundle' || name === 'gem' || name === 'uv' || name === 'npm' || name === 'yarn' || name === 'pnpm')
    return ['config', 'cache', 'self', 'venv', 'env'].includes(args[0]?.value ?? '') || (name === 'gem' && args[0]?.value === 'install');
  if (/^python(\d+(\.\d+)*)?$/.test(name)) return args[0]?.value === '-m' && args[1]?.value === 'venv';
  if (name === 'go') return args[0]?.value === 'env' || (args[0]?.value === 'mod' && args[1]?.value === 'verify');
  return false;
}

// ---------------------------------------------------------------- the fix

interface Layout {
  /** COPY lines to insert (without indentation/EOL). */
  readonly copies: string[];
  /** Context paths of the manifests, for the message. */
  readonly names: string[];
}

/** Which manifest files to copy and where, or undefined when we cannot say. */
function layoutFor(ctx: RuleContext, inst: Install, copy: CopySpec, copyDestAbs: string, cwdAbs: string, wdAtCopy: string): Layout | undefined {
  const ws = ctx.workspace;
  const root = copy.sources.some((s) => isContextRoot(s)) ? '' : undefined;
  if (root === undefined) return undefined;
  const ctxFile = (rel: string): string => (ws ? joinCtx(ws.contextDir, rel) : rel);
  const exists = (rel: string): boolean | undefined => {
    if (!ws) return undefined;
    try {
      return ws.exists(ctxFile(rel));
    } catch {
      return false;
    }
  };
  const read = (rel: string): string | undefined => {
    try {
      return ws?.readFile(ctxFile(rel));
    } catch {
      return undefined;
    }
  };
  // image path of each manifest -> its context path
  const files: { abs: string; rel: string; required: boolean }[] = [];
  const add = (m: string, required: boolean): boolean => {
    const abs = resolvePath(cwdAbs, m);
    const rel = relativeTo(copyDestAbs, abs);
    if (rel === undefined || rel === '') return false;
    if (files.some((f) => f.abs === abs)) return true;
    files.push({ abs, rel, required });
    return true;
  };
  for (const m of inst.manifests) if (!add(m, true)) return undefined;
  for (const m of inst.optional) add(m, false);

  // What the context tells us.
  if (ws) {
    for (const f of files) if (f.required && exists(f.rel) === false) return undefined;
    const pkg = inst.kind === 'npm' || inst.kind === 'yarn' || inst.kind === 'pnpm' ? read(files[0].rel) : undefined;
    if (pkg && /"workspaces"\s*:/.test(pkg)) return undefined; // monorepo: every workspace's package.json is needed
    if (inst.kind === 'pnpm' && exists(siblingOf(files[0].rel, 'pnpm-workspace.yaml'))) return undefined;
    if (inst.kind === 'bundle' && /^\s*gemspec\b/m.test(read(files[0].rel) ?? '')) return undefined;
    if (inst.kind === 'pip' || inst.kind === 'uv-pip') {
      // Follow `-r`/`-c` includes; give up on local paths (`-e .`), which need the sources.
      for (let k = 0; k < files.length && k < 20; k++) {
        const text = read(files[k].rel);
        if (text === undefined) continue;
        for (const line of text.split(/\r?\n/)) {
          const t = line.replace(/\s+#.*$/, '').trim();
          const inc = /^(?:-r|--requirement|-c|--constraint)[\s=]+(\S+)$/.exec(t);
          if (inc) {
            if (!add(resolvePath(dirOf(files[k].abs), inc[1]), true)) return undefined;
            continue;
          }
          if (/^(-e|--editable)\b|^\.{1,2}(\/|$)|^file:|^\//.test(t)) return undefined;
        }
      }
    }
  }
  const kept = files.filter((f) => f.required || (ws ? exists(f.rel) === true : isLikelyLock(inst.kind, f.rel)));
  // Group by destination directory.
  const byDir = new Map<string, string[]>();
  for (const f of kept) {
    const dir = dirOf(f.abs);
    byDir.set(dir, [...(byDir.get(dir) ?? []), f.rel]);
  }
  const flags = flagsText(copy.info.node).replace(/--from=\S+\s*/g, '');
  const copies: string[] = [];
  for (const [dir, rels] of byDir) {
    const relDir = relativeTo(wdAtCopy, dir);
    const dest = relDir === '' ? './' : relDir !== undefined ? `${relDir}/` : `${dir}/`;
    let sources = rels;
    if (!ws && inst.kind === 'npm' && rels.every((r) => /(^|\/)(package\.json|package-lock\.json|npm-shrinkwrap\.json)$/.test(r))) {
      const prefix = rels[0].slice(0, rels[0].lastIndexOf('/') + 1);
      sources = [`${prefix}package*.json`];
    }
    if (sources.length > 1 && !dest.endsWith('/')) return undefined;
    copies.push(`COPY${flags ? ' ' + flags : ''} ${sources.map(quoteIfNeeded).join(' ')} ${dest}`);
  }
  // Yarn Berry needs its release and plugins before `yarn install`.
  if (ws && inst.kind === 'yarn') {
    for (const d of ['.yarn/releases', '.yarn/plugins']) {
      const rel = siblingOf(files[0].rel, d);
      if (exists(rel)) {
        const abs = resolvePath(dirOf(files[0].abs), d);
        const relDest = relativeTo(wdAtCopy, abs);
        copies.push(`COPY${flags ? ' ' + flags : ''} ${rel} ${relDest ? relDest : abs}/`);
      }
    }
  }
  return { copies, names: kept.map((f) => f.rel) };
}

function isLikelyLock(kind: Kind, rel: string): boolean {
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  switch (kind) {
    case 'npm':
      return name === 'package-lock.json';
    case 'yarn':
      return name === 'yarn.lock';
    case 'pnpm':
      return name === 'pnpm-lock.yaml';
    case 'poetry':
      return name === 'poetry.lock';
    case 'uv':
      return name === 'uv.lock';
    case 'go':
      return name === 'go.sum';
    case 'bundle':
      return name === 'Gemfile.lock';
    case 'composer':
      return name === 'composer.lock';
    default:
      return false;
  }
}

function quoteIfNeeded(s: string): string {
  return /^[A-Za-z0-9_@%+=:,./*?[\]-]+$/.test(s) ? s : JSON.stringify(s);
}

function dirOf(abs: string): string {
  const i = abs.lastIndexOf('/');
  return i <= 0 ? '/' : abs.slice(0, i);
}

function siblingOf(rel: string, name: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? name : `${rel.slice(0, i)}/${name}`;
}

function joinCtx(dir: string, rel: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const base = dir.endsWith('/') || dir.endsWith('\\') ? dir.slice(0, -1) : dir;
  return `${base}${sep}${rel.split('/').join(sep)}`;
}

/** Instructions that may sit between `COPY . .` and the install without changing what the install sees. */
const NEUTRAL_BETWEEN = new Set(['COPY', 'ADD', 'LABEL', 'EXPOSE', 'HEALTHCHECK', 'STOPSIGNAL', 'CMD', 'ENTRYPOINT', 'MAINTAINER']);

function separatorText(sep: SimpleCommand['separatorAfter']): string {
  return sep === '&&' ? ' && ' : '; ';
}

function buildFix(
  ctx: RuleContext,
  stage: Stage,
  copy: CopySpec,
  run: InstructionInfo,
  script: ShellScript,
  inst: Install,
  layout: Layout,
): Fix | undefined {
  // Top-level commands only, joined by && ; or newlines.
  const top = script.commands.filter((c) => c.depth === 0 && !c.inSubstitution);
  if (script.commands.some((c) => c.depth > 0 && !c.inSubstitution)) return undefined;
  if (top.some((c) => c.inPipeline || (c.separatorAfter !== null && !['&&', ';', '\n'].includes(c.separatorAfter)))) return undefined;
  const i = top.indexOf(inst.cmd);
  if (i < 0) return undefined;
  const prefix = top.slice(0, i);
  const suffix = top.slice(i + 1);
  if (!prefix.every(isPreparation)) return undefined;
  const text = script.source.text;
  const cmdText = (c: SimpleCommand): string => text.slice(c.start, c.end);
  let installText = cmdText(inst.cmd);
  if (inst.keep) {
    if (!inst.subWord) return undefined;
    installText = text.slice(inst.cmd.start, inst.subWord.end) + inst.depsOnlyFlags + text.slice(inst.subWord.end, inst.cmd.end);
  }
  const eol = ctx.lines.eol;
  const indent = /^[ \t]*/.exec(ctx.lines.lineText(copy.info.node.getRange().start.line))![0];
  const copyStart = { line: copy.info.node.getRange().start.line, character: 0 };
  const flags = flagsText(run.node);
  const edits: TextEdit[] = [];
  const movesWhole = !inst.keep && suffix.every(isPreparation);
  if (movesWhole) {
    // Move the RUN as written (continuations, comments above it and all).
    const r = run.node.getRange();
    let first = r.start.line;
    while (first - 1 > copy.info.node.getRange().end.line && /^\s*#/.test(ctx.lines.lineText(first - 1))) first--;
    const startOff = ctx.lines.offsetAt({ line: first, character: 0 });
    const endOff = r.end.line + 1 < ctx.lines.lineCount ? ctx.lines.offsetAt({ line: r.end.line + 1, character: 0 }) : ctx.text.length;
    let moved = ctx.text.slice(startOff, endOff);
    if (!moved.endsWith('\n')) moved += eol;
    edits.push({ range: { start: copyStart, end: copyStart }, newText: layout.copies.map((l) => indent + l + eol).join('') + moved });
    edits.push({ range: { start: ctx.lines.positionAt(startOff), end: ctx.lines.positionAt(endOff) }, newText: '' });
  } else {
    // The commands left in the RUN would lose a `cd` that moved away.
    if (!inst.keep && prefix.some((c) => commandName(c)?.name === 'cd')) return undefined;
    const parts = [...prefix, inst.cmd];
    let line = '';
    parts.forEach((c, k) => {
      line += k === parts.length - 1 ? installText : cmdText(c) + separatorText(c.separatorAfter);
    });
    const runLine = `RUN ${flags ? flags + ' ' : ''}${line}`;
    edits.push({ range: { start: copyStart, end: copyStart }, newText: [...layout.copies, runLine].map((l) => indent + l + eol).join('') });
    if (!inst.keep) {
      // Remove the moved commands from the RUN: from the first one to the start of the next one.
      if (!suffix.length) return undefined;
      edits.push({ range: scriptRange(script, top[0].start, suffix[0].start), newText: '' });
    }
  }
  const what = layout.names.length === 1 ? layout.names[0] : `${layout.names.slice(0, -1).join(', ')} and ${layout.names[layout.names.length - 1]}`;
  return { title: `Install dependencies from ${what} before ${copy.info.keyword} ${[...copy.sources, copy.dest].join(' ')}`, edits, preferred: true };
}

// ---------------------------------------------------------------- the rule

export const rule: DockerfileRule = {
  code: 'DF122',
  name: 'install-after-copy-all',
  title: 'Dependencies are installed after `COPY . .`, so every code change reinstalls them',
  defaultSeverity: 'warning',
  fix: 'yes',
  check(ctx) {
    for (const stage of ctx.model.stages) {
      let copyAll: CopySpec | undefined;
      const earlierSources: string[] = [];
      // Sources copied from the context by the stages this one builds on count too.
      for (const s of stageChain(stage).slice(0, -1))
        for (const info of s.instructions) {
          const c = copySpec(info);
          if (c && c.from === undefined) earlierSources.push(...c.sources);
        }
      for (const info of stage.instructions) {
        if (info.onbuild) continue;
        // `RUN --mount=type=bind,source=uv.lock,…` before the copy brings the manifest in as well.
        if (!copyAll && info.keyword === 'RUN') earlierSources.push(...bindSources(info));
        const c = copySpec(info);
        if (c && c.from === undefined) {
          if (!copyAll && c.sources.some(isContextRoot)) copyAll = c;
          else if (!copyAll) earlierSources.push(...c.sources);
          continue;
        }
        if (!copyAll || info.keyword !== 'RUN' || !info.posixShell) continue;
        // One finding per RUN (the first install in it).
        outer: for (const script of info.scripts()) {
          for (const cmd of script.commands) {
            const inst = installOf(cmd);
            if (!inst) continue;
            if (inst.manifests.some((m) => copiedBefore(earlierSources, m))) continue;
            report(ctx, stage, copyAll, info, script, inst);
            break outer;
          }
        }
      }
    }
  },
};

/** Context files bind-mounted into a RUN (`--mount=type=bind,source=x`, no `from=`). */
function bindSources(info: InstructionInfo): string[] {
  const out: string[] = [];
  const flags = (info.node as unknown as { getFlags?: () => { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? [];
  for (const f of flags) {
    if (f.getName().toLowerCase() !== 'mount') continue;
    const opts = new Map((f.getValue() ?? '').split(',').map((kv) => [kv.split('=')[0].trim().toLowerCase(), kv.slice(kv.indexOf('=') + 1).trim()] as const));
    if (opts.get('type') !== 'bind' || opts.has('from')) continue;
    const src = opts.get('source') ?? opts.get('src');
    if (src) out.push(src);
  }
  return out;
}

/** An earlier COPY already brought the manifest (by name or glob: `package*.json`, `requirements/`). */
function copiedBefore(sources: readonly string[], manifest: string): boolean {
  const name = baseName(manifest);
  const path = manifest.replace(/^\.\//, '');
  for (const raw of sources) {
    const s = raw.replace(/^\.\//, '').replace(/\/+$/, '');
    if (!s || isContextRoot(raw)) continue;
    try {
      if (globToRegExp(baseName(s)).test(name)) return true;
    } catch {
      // a malformed glob: ignore it
    }
    if (path.startsWith(s + '/')) return true;
  }
  return false;
}

function report(ctx: RuleContext, stage: Stage, copy: CopySpec, run: InstructionInfo, script: ShellScript, inst: Install): void {
  const label = script.source.text.slice(inst.labelStart, inst.labelEnd).replace(/\s+/g, ' ');
  const copied = `${copy.info.keyword} ${[...copy.sources, copy.dest].join(' ')}`;
  const fixes: Fix[] = [];
  let names = [...inst.manifests, ...inst.optional.filter((o) => isLikelyLock(inst.kind, o))];
  const wdCopy = workdirAt(stage, copy.info.index);
  const wdRun = workdirAt(stage, run.index);
  if (!inst.noFix && wdCopy !== undefined && wdRun !== undefined && wdCopy === wdRun && script.source.kind === 'shell' && run.scripts().length === 1) {
    const between = stage.instructions.filter((i) => i.index > copy.info.index && i.index < run.index);
    if (between.every((i) => NEUTRAL_BETWEEN.has(i.keyword) && !i.onbuild)) {
      const destAbs = resolvePath(wdCopy, copy.dest);
      let cwd = wdRun;
      // `cd dir && install` in the same RUN
      for (const c of script.commands) {
        if (c === inst.cmd) break;
        const n = commandName(c);
        if (n?.name === 'cd' && c.depth === 0) {
          const target = c.words[n.index + 1];
          if (!target || target.hasExpansion) {
            cwd = '';
            break;
          }
          cwd = resolvePath(cwd, target.value);
        }
      }
      if (cwd) {
        const layout = layoutFor(ctx, inst, copy, destAbs, cwd, wdCopy);
        if (layout) {
          names = layout.names;
          const fix = buildFix(ctx, stage, copy, run, script, inst, layout);
          if (fix) fixes.push(fix);
        }
      }
    }
  }
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  ctx.report({
    range: documentRange(script.source, inst.labelStart, inst.labelEnd),
    message: `"${label}" runs after ${copied}, so every code change reinstalls all dependencies: install from ${list} before copying the rest`,
    fixes,
  });
}
