/**
 * Helpers shared by the RUN / package-manager rules (DF080–DF101): the RUN's
 * BuildKit flags and mounts, which stages end up in an image, variables known
 * from ARG/ENV, and the text edits that append to a script or merge two RUNs.
 * Pure.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Position, Range, TextEdit, LineIndex } from '../../util/text';
import type { DockerfileModel, InstructionInfo, Stage } from '../model';
import type { ShellScript, SimpleCommand, Word } from '../shell/types';
import { commandName } from '../shell/args';
import { memoByObject } from '../shell/memo';

// ------------------------------------------------------------------ positions and simple edits

/** Document position of the end of a word (end-biased across joined continuation lines). */
export function wordEnd(script: ShellScript, word: Word): Position {
  const s = script.source;
  return s.toDocumentEnd ? s.toDocumentEnd(word.end) : s.toDocument(word.end);
}

/** Range of a word, end-biased (never spills onto the next line of a continuation). */
export function tokenRange(script: ShellScript, word: Word): Range {
  return { start: script.source.toDocument(word.start), end: wordEnd(script, word) };
}

/** Range of script offsets [start, end), end-biased. */
export function offsetRange(script: ShellScript, start: number, end: number): Range {
  const s = script.source;
  return { start: s.toDocument(start), end: end <= start ? s.toDocument(start) : s.toDocumentEnd ? s.toDocumentEnd(end) : s.toDocument(end) };
}

/** Inserts `text` right after `word` (`install` -> `install -y`: pass ' -y'). */
export function insertAfter(script: ShellScript, word: Word, text: string): TextEdit {
  const p = wordEnd(script, word);
  return { range: { start: p, end: p }, newText: text };
}

// ------------------------------------------------------------------ commands

export interface Cmd {
  readonly cmd: SimpleCommand;
  /** Effective command name (through sudo/env/…), e.g. `apt-get`. */
  readonly name: string;
  readonly nameWord: Word;
  /** Words after the effective command name. */
  readonly args: readonly Word[];
  /** Index of `cmd` in `script.commands`. */
  readonly index: number;
}

/** Every simple command of a script with its effective name (pure assignments skipped). */
export const commandsOf: (script: ShellScript) => readonly Cmd[] = memoByObject(computeCommandsOf);

/** Once per script (scripts are parsed per lint; eight rules ask). */
function computeCommandsOf(script: ShellScript): readonly Cmd[] {
  const out: Cmd[] = [];
  const commands = script.commands;
  for (let index = 0; index < commands.length; index++) {
    const cmd = commands[index];
    const n = commandName(cmd);
    if (!n) continue;
    out.push({ cmd, name: n.name, nameWord: n.word, args: cmd.words.slice(n.index + 1), index });
  }
  return out;
}

/** `path` normalised: no trailing `/`, `/*` or `*`. */
export function normPath(path: string): string {
  let p = path;
  for (;;) {
    const q = p.replace(/\/\*$/, '').replace(/\/+$/, '');
    if (q === p) return p;
    p = q;
  }
}

/** `path` (after normPath) is `dir` or below it. */
export function isUnder(path: string, dir: string): boolean {
  const p = normPath(path);
  return p === dir || p.startsWith(dir + '/');
}

// ------------------------------------------------------------------ RUN flags and mounts

export interface MountInfo {
  readonly type: string;
  readonly target: string;
}

interface FlagLike {
  getName(): string;
  getValue(): string | null;
}

/** BuildKit flags of a RUN (`--mount=…`), as written. */
export function runFlags(node: Instruction): FlagLike[] {
  const f = (node as unknown as { getFlags?: () => FlagLike[] }).getFlags;
  if (typeof f !== 'function') return [];
  try {
    return f.call(node) ?? [];
  } catch {
    return [];
  }
}

/** The RUN's flags as a canonical string (for comparing two RUNs). */
export function flagsKey(node: Instruction): string {
  return runFlags(node)
    .map((f) => `${f.getName().toLowerCase()}=${f.getValue() ?? ''}`)
    .sort()
    .join(' ');
}

/** The instruction's mounts, kept in a field of the node (rules ask about every RUN several times). */
const MOUNTS: unique symbol = Symbol('mounts');
type WithMounts = { [MOUNTS]?: readonly MountInfo[] };

/** `--mount` flags of a RUN with their type and target. */
export function mountsOf(node: Instruction): MountInfo[] {
  return [...cachedMounts(node)];
}

function cachedMounts(node: Instruction): readonly MountInfo[] {
  const n = node as unknown as WithMounts;
  return (n[MOUNTS] ??= computeMounts(node));
}

function computeMounts(node: Instruction): MountInfo[] {
  const out: MountInfo[] = [];
  for (const f of runFlags(node)) {
    if (f.getName().toLowerCase() !== 'mount') continue;
    const v = f.getValue() ?? '';
    let type = 'bind';
    let target = '';
    for (const part of v.split(',')) {
      const eq = part.indexOf('=');
      const k = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      const val = eq < 0 ? '' : part.slice(eq + 1).trim().replace(/^["']|["']$/g, '');
      if (k === 'type') type = val.toLowerCase();
      else if (k === 'target' || k === 'dst' || k === 'destination') target = val;
    }
    out.push({ type, target });
  }
  return out;
}

/**
 * A cache or tmpfs mount whose target starts with `dir` (hadolint's test) or, unless
 * `strict`, is a parent directory of `dir` (`--mount=type=cache,target=/var/cache`).
 */
export function hasCacheMount(node: Instruction, dir: string, strict = false): boolean {
  return cachedMounts(node).some((m) => {
    if (m.type !== 'cache' && m.type !== 'tmpfs') return false;
    const t = normPath(m.target);
    return t.startsWith(dir) || (!strict && t !== '' && isUnder(dir, t));
  });
}

/** A cache or tmpfs mount whose target satisfies `test`. */
export function hasCacheMountWhere(node: Instruction, test: (target: string) => boolean): boolean {
  return cachedMounts(node).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && test(normPath(m.target)));
}

// ------------------------------------------------------------------ stages and variables

/**
 * The stage and the stages it builds on (`FROM base`), NEAREST first (so the nearest declaration
 * wins when scanning). `_images.stageChain` gives the same stages root first.
 */
function chainNearestFirst(stage: Stage | undefined): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<Stage>();
  for (let s = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    out.push(s);
  }
  return out;
}

/** The root image of a stage (following `FROM <stage>`), as written. */
export function rootImage(stage: Stage | undefined): string | undefined {
  const chain = chainNearestFirst(stage);
  return chain.length ? chain[chain.length - 1].image : undefined;
}

interface PropertyLike {
  getName(): string;
  getValue(): string | null;
}

function propertiesOf(node: Instruction): PropertyLike[] {
  const f = (node as unknown as { getProperties?: () => PropertyLike[] }).getProperties;
  if (typeof f !== 'function') return [];
  try {
    return f.call(node) ?? [];
  } catch {
    return [];
  }
}

/**
 * The instruction lists visible to `info`, nearest first: its stage up to it, then the
 * stages it builds on; before any FROM (an invalid file), the instructions before it.
 */
/** The ENV and ARG instructions of a list, computed once per lint (rules ask for every RUN: keep it linear). */
const declCache = new WeakMap<object, InstructionInfo[]>();
function declsOf(key: object, list: readonly InstructionInfo[]): InstructionInfo[] {
  let d = declCache.get(key);
  if (!d) {
    d = list.filter((x) => x.keyword === 'ENV' || x.keyword === 'ARG');
    declCache.set(key, d);
  }
  return d;
}

/** The ENV/ARG declarations in scope before `info`: its stage up to it, then the stages it builds on. */
function scopes(model: DockerfileModel, info: InstructionInfo): InstructionInfo[][] {
  if (!info.stage) return [declsOf(model, model.instructions).filter((x) => !x.stage && x.index < info.index)];
  return chainNearestFirst(info.stage).map((s) => {
    const d = declsOf(s, s.instructions);
    return s === info.stage ? d.filter((x) => x.index < info.index) : d;
  });
}

/**
 * The value an ENV or ARG of the stage chain gives `name` before `info`
 * (the nearest one wins); `null` when declared without a value; undefined when not declared.
 */
export function varValue(
  model: DockerfileModel,
  info: InstructionInfo,
  name: string,
  kinds: readonly string[] = ['ENV', 'ARG'],
): string | null | undefined {
  for (const list of scopes(model, info)) {
    for (let i = list.length - 1; i >= 0; i--) {
      const x = list[i];
      if (x.onbuild || !kinds.includes(x.keyword)) continue;
      const props = propertiesOf(x.node);
      for (let k = props.length - 1; k >= 0; k--) {
        if (props[k].getName() === name) {
          const v = props[k].getValue();
          return v === null ? null : unquote(v);
        }
      }
    }
  }
  return undefined;
}

/** Names declared by an ARG anywhere before `info`, or by an ENV/ARG of its stage chain. */
export function knownVariables(model: DockerfileModel, info: InstructionInfo): Set<string> {
  const out = new Set<string>();
  for (const x of declsOf(model, model.instructions)) {
    if (x.index >= info.index) break;
    if (x.keyword === 'ARG') for (const p of propertiesOf(x.node)) out.add(p.getName());
  }
  for (const list of scopes(model, info)) {
    for (const x of list) {
      if (x.keyword === 'ENV' || x.keyword === 'ARG') for (const p of propertiesOf(x.node)) out.add(p.getName());
    }
  }
  return out;
}

function unquote(v: string): string {
  const m = /^"(.*)"$|^'(.*)'$/.exec(v);
  return m ? (m[1] ?? m[2]) : v;
}

/** `1`, `true`, `on`, `yes` in any case (pip's boolean environment values). */
export function isTruthy(v: string | null | undefined): boolean {
  return !!v && /^(1|true|on|yes)$/i.test(v.trim());
}

// ------------------------------------------------------------------ appending to a script

/** Where code ends in a script: after the last command, before trailing blanks and a comment. */
function codeEnd(script: ShellScript): { offset: number; tail: string } | undefined {
  const text = script.source.text;
  let last = 0;
  for (const c of script.commands) last = Math.max(last, c.end);
  for (const p of script.pipelines) last = Math.max(last, p.end);
  for (const c of script.commands) for (const r of c.redirects) last = Math.max(last, r.heredoc ? r.heredoc.end : r.end);
  let end = text.length;
  // A trailing comment: `#` after a blank, in the part after the last command.
  for (let i = last; i < text.length; i++) {
    if (text[i] === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      end = i;
      break;
    }
    if (text[i] === "'" || text[i] === '"') return undefined;
  }
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  if (end === 0) return undefined;
  return { offset: end, tail: text.slice(last, end) };
}

/**
 * Edit appending `command` to the end of a RUN script, joined with `&&`
 * (`; ` after a trailing `;`; a new line at the end of a here-document body).
 * Undefined when the script ends in a way that makes appending unsafe.
 */
export function appendCommandEdit(script: ShellScript, command: string, eol: string): TextEdit | undefined {
  if (script.errors.length) return undefined;
  const ce = codeEnd(script);
  if (!ce) return undefined;
  const text = script.source.text;
  const tail = ce.tail.trimEnd();
  if (script.source.kind === 'heredoc' && !script.source.interpreter) {
    // The body runs line by line: add a line after the last code line.
    if (/\\$/.test(text.slice(0, ce.offset))) return undefined;
    const p = script.source.toDocumentEnd ? script.source.toDocumentEnd(ce.offset) : script.source.toDocument(ce.offset);
    return { range: { start: p, end: p }, newText: eol + command };
  }
  if (script.source.kind === 'heredoc') return undefined;
  if (/(&&|\|\||\||&|\\)$/.test(tail)) return undefined;
  const p = script.source.toDocumentEnd ? script.source.toDocumentEnd(ce.offset) : script.source.toDocument(ce.offset);
  const joiner = tail.endsWith(';') ? ' ' : ' && ';
  return { range: { start: p, end: p }, newText: joiner + command };
}

// ------------------------------------------------------------------ merging two RUNs

/** The single 'shell' script of a shell-form RUN (undefined for exec form, heredocs, non-POSIX shells). */
export function shellFormScript(info: InstructionInfo): ShellScript | undefined {
  const scripts = info.scripts();
  if (scripts.length !== 1 || scripts[0].source.kind !== 'shell') return undefined;
  return scripts[0];
}

/**
 * Edit that joins RUN `second` to the RUN `first` right before it: the end of
 * `first`'s script, the line break(s) and `second`'s keyword and flags become
 * ` && \` + a line break + an indent. Comment lines between them are kept.
 */
export function mergeRunsEdit(
  lines: LineIndex,
  escapeChar: string,
  first: InstructionInfo,
  firstScript: ShellScript,
  second: InstructionInfo,
  secondScript: ShellScript,
): TextEdit | undefined {
  if (first.onbuild || second.onbuild) return undefined;
  if (firstScript.errors.length || secondScript.errors.length) return undefined;
  const ce = codeEnd(firstScript);
  if (!ce) return undefined;
  const text = firstScript.source.text;
  // The first script must end its last command at the end of the instruction (no trailing comment).
  if (text.slice(ce.offset).trim() !== '') return undefined;
  const tail = ce.tail.trimEnd();
  if (/(&&|\|\||\||&|\\)$/.test(tail)) return undefined;
  if (firstScript.commands.some((c) => c.redirects.some((r) => r.heredoc))) return undefined;
  const start = firstScript.source.toDocumentEnd ? firstScript.source.toDocumentEnd(ce.offset) : firstScript.source.toDocument(ce.offset);
  const end = secondScript.source.toDocument(0);
  const firstEnd = first.range.end.line;
  const secondStart = second.range.start.line;
  const kept: string[] = [];
  for (let l = firstEnd + 1; l < secondStart; l++) {
    const t = lines.lineText(l);
    if (/^\s*#/.test(t)) kept.push(t);
  }
  const esc = escapeChar === '`' ? '`' : '\\';
  const joiner = tail.endsWith(';') ? ` ${esc}` : ` && ${esc}`;
  const indent = '    ';
  const eol = lines.eol;
  return {
    range: { start, end },
    newText: joiner + eol + kept.map((k) => k + eol).join('') + indent,
  };
}
