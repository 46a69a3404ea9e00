/**
 * Our model on top of dockerfile-ast: instructions in order with their stage
 * and effective SHELL, ONBUILD triggers unwrapped, and shell scripts parsed
 * lazily (only rules that look at RUN pay for the shell parser). Pure.
 */
import type { Dockerfile, Instruction, From, Onbuild } from 'dockerfile-ast';
import type { Range } from '../util/text';
import type { ShellScript } from './shell/types';
import { parseShell, scriptsOf } from './shell';

export const DEFAULT_POSIX_SHELL: readonly string[] = ['/bin/sh', '-c'];
export const DEFAULT_WINDOWS_SHELL: readonly string[] = ['cmd', '/S', '/C'];

export interface InstructionInfo {
  /** The instruction; for `ONBUILD X`, the trigger instruction X. */
  readonly node: Instruction;
  /** Uppercased keyword of `node` (`RUN` for `ONBUILD RUN`). */
  readonly keyword: string;
  /** Set when `node` is the trigger of an ONBUILD. */
  readonly onbuild: Onbuild | undefined;
  /** The stage it belongs to; undefined for ARGs before the first FROM. */
  readonly stage: Stage | undefined;
  /** Position in `DockerfileModel.instructions`. */
  readonly index: number;
  /** The whole instruction range (the ONBUILD included). */
  readonly range: Range;
  /** Effective SHELL for this instruction. */
  readonly shell: readonly string[];
  /** True when the shell is sh-compatible (so scripts may be parsed as POSIX sh). */
  readonly posixShell: boolean;
  /** Shell-form scripts of RUN/CMD/ENTRYPOINT/HEALTHCHECK (parsed once, on first use). Empty when not POSIX. */
  scripts(): readonly ShellScript[];
  /** Per-lint cache slot of `rules/_syntax.ts` (set on first use; a field, not a WeakMap lookup). */
  syntaxCache: unknown;
}

export interface Stage {
  readonly index: number;
  readonly from: From;
  readonly fromInfo: InstructionInfo;
  /** `AS` name as written, if any. */
  readonly name: string | undefined;
  readonly nameRange: Range | undefined;
  /** Image as written (`getImage()`), e.g. `python:3.12-slim` or `$BASE`. */
  readonly image: string | undefined;
  /** The earlier stage this FROM builds on, if the image names one. */
  readonly parent: Stage | undefined;
  /** Instructions after the FROM, in order. */
  readonly instructions: InstructionInfo[];
  /** Base looks like a Windows image, or the escape directive is a backtick. */
  readonly windows: boolean;
}

export interface DockerfileModel {
  readonly ast: Dockerfile;
  readonly escapeChar: string;
  /** Every instruction in document order (ONBUILD triggers unwrapped). */
  readonly instructions: readonly InstructionInfo[];
  readonly stages: readonly Stage[];
  /** ARGs before the first FROM. */
  readonly globalArgs: readonly InstructionInfo[];
  readonly finalStage: Stage | undefined;
  /** Case-insensitive lookup of a stage by name (or numeric index). */
  stageByName(name: string): Stage | undefined;
  /** Stages whose index is before `before` that have this name. */
  previousStage(name: string, before: number): Stage | undefined;
  /**
   * Whether a stage's filesystem ends up in an image: the final stage, or a stage a later FROM
   * builds on (directly or through other stages). True for undefined (ARGs before the first FROM).
   */
  reachesImage(stage: Stage | undefined): boolean;
}

const WINDOWS_IMAGE = /(^|[/:-])(windows|windowsservercore|servercore|nanoserver|ltsc20\d\d)([/:-]|$)/i;
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

export function isWindowsImage(image: string | undefined): boolean {
  return !!image && WINDOWS_IMAGE.test(image);
}

export function isPosixShellCommand(shell: readonly string[]): boolean {
  if (shell === DEFAULT_POSIX_SHELL) return true;
  if (shell === DEFAULT_WINDOWS_SHELL) return false;
  if (!shell.length) return false;
  const base = shell[0].replace(/\\/g, '/').split('/').pop()!.toLowerCase();
  return POSIX_SHELLS.has(base);
}

/** Parses the JSON array of a SHELL instruction; undefined when invalid. */
export function parseShellInstruction(node: Instruction): string[] | undefined {
  const raw = node.getRawArgumentsContent();
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw.replace(/\\\r?\n/g, ''));
    if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v as string[];
  } catch {
    // not JSON: DF016 reports it
  }
  return undefined;
}

export function buildModel(ast: Dockerfile): DockerfileModel {
  const escapeChar = ast.getEscapeCharacter();
  const instructions: InstructionInfo[] = [];
  const stages: Stage[] = [];
  const globalArgs: InstructionInfo[] = [];
  let stage: Stage | undefined;
  let shell: readonly string[] = escapeChar === '`' ? DEFAULT_WINDOWS_SHELL : DEFAULT_POSIX_SHELL;

  // The shell changes only at FROM and SHELL: classify it once per change, not per instruction.
  let posixOf: readonly string[] | undefined;
  let posixValue = false;
  const add = (node: Instruction, keyword: string, onbuild: Onbuild | undefined, whole: Instruction): InstructionInfo => {
    let parsed: readonly ShellScript[] | undefined;
    if (shell !== posixOf) {
      posixOf = shell;
      posixValue = isPosixShellCommand(shell);
    }
    const posix = posixValue;
    const info: InstructionInfo = {
      node,
      keyword,
      onbuild,
      stage,
      index: instructions.length,
      range: whole.getRange(),
      shell,
      posixShell: posix,
      syntaxCache: undefined,
      scripts(): readonly ShellScript[] {
        if (!parsed) {
          parsed = posix ? scriptsOf(node, escapeChar).map((s) => parseShell(s)) : [];
        }
        return parsed;
      },
    };
    instructions.push(info);
    return info;
  };

  for (const node of ast.getInstructions()) {
    const keyword = upperKeyword(node);
    if (keyword === 'FROM') {
      const from = node as From;
      const image = from.getImage() ?? undefined;
      const parent = image ? findStage(stages, image, stages.length) : undefined;
      const windows = escapeChar === '`' || isWindowsImage(image) || (parent?.windows ?? false);
      // Each stage starts with the default shell of its platform (SHELL does not carry over).
      shell = windows ? DEFAULT_WINDOWS_SHELL : DEFAULT_POSIX_SHELL;
      const s: Stage = {
        index: stages.length,
        from,
        fromInfo: undefined as unknown as InstructionInfo,
        name: from.getBuildStage() ?? undefined,
        nameRange: from.getBuildStageRange() ?? undefined,
        image,
        parent,
        instructions: [],
        windows,
      };
      stage = s;
      stages.push(s);
      (s as { fromInfo: InstructionInfo }).fromInfo = add(node, keyword, undefined, node);
      if (parent) shell = shellAtEnd(parent) ?? shell;
      continue;
    }
    if (keyword === 'ONBUILD') {
      const ob = node as Onbuild;
      const trigger = ob.getTriggerInstruction();
      const info = add(trigger ?? node, trigger ? upperKeyword(trigger) : keyword, trigger ? ob : undefined, node);
      stage?.instructions.push(info);
      continue;
    }
    const info = add(node, keyword, undefined, node);
    if (stage) stage.instructions.push(info);
    else if (keyword === 'ARG') globalArgs.push(info);
    if (keyword === 'SHELL') {
      const parsed = parseShellInstruction(node);
      if (parsed) shell = parsed;
    }
  }

  const finalStage = stages[stages.length - 1];
  // Computed on first use, once per lint: asked per RUN, a walk of the later stages each time
  // was quadratic in the number of stages.
  let reached: Set<Stage> | undefined;
  return {
    ast,
    escapeChar,
    instructions,
    stages,
    globalArgs,
    finalStage,
    stageByName: (name) => findStage(stages, name, stages.length),
    previousStage: (name, before) => findStage(stages, name, before),
    reachesImage(stage: Stage | undefined): boolean {
      if (!stage || stage === finalStage) return true;
      return (reached ??= stagesBuiltOn(stages)).has(stage);
    },
  };
}

/** The stages some other stage builds on, directly or through others (a parent is always an earlier stage). */
function stagesBuiltOn(stages: readonly Stage[]): Set<Stage> {
  const out = new Set<Stage>();
  for (const s of stages) {
    for (let p = s.parent; p && !out.has(p); p = p.parent) out.add(p);
  }
  return out;
}

/**
 * The upper-case keyword, as the constant string for the known ones: rules compare keywords
 * thousands of times per lint, and two internalized strings compare by identity.
 */
function upperKeyword(node: Instruction): string {
  const upper = node.getKeyword().toUpperCase();
  return KEYWORDS.get(upper) ?? upper;
}

const KEYWORDS = new Map(
  ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL'].map(
    (k) => [k, k],
  ),
);

function shellAtEnd(stage: Stage): readonly string[] | undefined {
  for (let i = stage.instructions.length - 1; i >= 0; i--) {
    const info = stage.instructions[i];
    if (info.keyword === 'SHELL' && !info.onbuild) return parseShellInstruction(info.node);
  }
  return undefined;
}

function findStage(stages: readonly Stage[], name: string, before: number): Stage | undefined {
  const lower = name.toLowerCase();
  for (let i = Math.min(before, stages.length) - 1; i >= 0; i--) {
    if (stages[i].name?.toLowerCase() === lower) return stages[i];
  }
  if (/^\d+$/.test(name)) {
    const n = Number(name);
    if (n < before && n < stages.length) return stages[n];
  }
  return undefined;
}
