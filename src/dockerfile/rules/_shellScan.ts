/**
 * Walking the shell commands of RUN instructions for the security rules (DF074–DF078):
 * each simple command with its effective name (through sudo/env/…), its argument words and the
 * environment assignments that apply to it (`X=1 cmd`, `export X=1`, `env X=1 cmd`), plus the
 * edits the "remove the flag" fixes are made of. Pure; never throws.
 */
import type { InstructionInfo } from '../model';
import type { RuleContext } from '../types';
import type { ShellScript, SimpleCommand, Word } from '../shell/types';
import { commandName } from '../shell/args';
import { deleteWord, scriptRange, wordRange } from '../ruleUtils';
import type { LineIndex, Range, TextEdit } from '../../util/text';

export interface RunCommand {
  readonly info: InstructionInfo;
  readonly script: ShellScript;
  readonly cmd: SimpleCommand;
  /** Effective command name (`curl` for `sudo curl`), '' for a pure assignment. */
  readonly name: string;
  /** The word of the effective command name. */
  readonly nameWord: Word | undefined;
  /** Words after the effective command name. */
  readonly args: readonly Word[];
  /** Environment assignments that apply to the command (`X=1 cmd`, `env X=1 cmd`, `export X=1`). */
  readonly env: readonly Word[];
}

const runCache = new WeakMap<object, readonly RunCommand[]>();

/** Every simple command of every RUN (ONBUILD RUN included), in document order (computed once per model). */
export function runCommands(ctx: RuleContext): RunCommand[] {
  let all = runCache.get(ctx.model);
  if (!all) {
    all = computeRunCommands(ctx);
    runCache.set(ctx.model, all);
  }
  return all.slice();
}

function computeRunCommands(ctx: RuleContext): RunCommand[] {
  const out: RunCommand[] = [];
  for (const info of ctx.model.instructions) {
    if (info.keyword !== 'RUN') continue;
    let scripts: readonly ShellScript[];
    try {
      scripts = info.scripts();
    } catch {
      continue;
    }
    for (const script of scripts) {
      for (const cmd of script.commands) {
        const cn = commandName(cmd);
        const name = cn?.name ?? '';
        const args = cn ? cmd.words.slice(cn.index + 1) : [];
        const env: Word[] = cn ? [...cn.assignments] : [...cmd.assignments];
        if (name === 'export' || name === 'declare' || name === 'typeset' || name === 'local' || name === 'readonly') {
          for (const w of args) if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value)) env.push(w);
        }
        out.push({ info, script, cmd, name, nameWord: cn?.word, args, env });
      }
    }
  }
  return out;
}

/** `NAME=value` split (value after quote removal as the parser gives it). */
export function splitAssignment(w: Word): { name: string; value: string } | undefined {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value);
  return m ? { name: m[1], value: m[2] } : undefined;
}

/** Deletes an option: its word(s), or just its letter inside a cluster such as `-fsSLk`. */
export function deleteOption(
  lines: LineIndex,
  script: ShellScript,
  opt: { readonly words: readonly Word[]; readonly start: number; readonly end: number },
): TextEdit[] {
  const first = opt.words[0];
  if (!first) return [];
  const insideCluster = opt.words.length === 1 && opt.end - opt.start === 1 && first.raw === first.value && first.value.length > 2;
  if (insideCluster) return [{ range: scriptRange(script, opt.start, opt.end), newText: '' }];
  return opt.words.map((w) => deleteWord(lines, script, w));
}

/** The document range of an option (the letter inside a cluster, else its word). */
export function optionRange(script: ShellScript, opt: { readonly words: readonly Word[]; readonly start: number; readonly end: number }): Range {
  const first = opt.words[0];
  if (opt.words.length === 1 && opt.end - opt.start === 1 && first.value.length > 2) return scriptRange(script, opt.start, opt.end);
  return wordRange(script, first);
}
