import type { DockerfileRule } from '../types';
import type { InstructionInfo } from '../model';
import type { Range, TextEdit, LineIndex } from '../../util/text';
import type { ShellScript, Pipeline } from '../shell/types';
import { commandName, parseArgs } from '../shell/args';
import { offsetRange, rootImage } from './_run';

/** Shells whose `-o pipefail` hadolint accepts (ksh variants also have it). */
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);

function programName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1).toLowerCase();
}

/** The SHELL array runs a pipefail-capable shell with `-o pipefail`. */
export function shellHasPipefail(shell: readonly string[]): boolean {
  let i = 0;
  if (programName(shell[0] ?? '') === 'env') {
    i = 1;
    while (i < shell.length && (shell[i].startsWith('-') || /^[A-Za-z_]\w*=/.test(shell[i]))) i++;
  }
  if (!PIPEFAIL_SHELLS.has(programName(shell[i] ?? ''))) return false;
  for (let k = i + 1; k + 1 < shell.length; k++) {
    if (/^-[A-Za-z]*o$/.test(shell[k]) && shell[k + 1] === 'pipefail') return true;
    if (shell[k] === '-c') break;
  }
  return false;
}

/** Offset of the first `set -o pipefail` (or `set -euo pipefail`) in the script, or -1. */
function setPipefailAt(script: ShellScript): number {
  for (const c of script.commands) {
    const n = commandName(c);
    if (!n || n.name !== 'set') continue;
    const a = parseArgs(c.words.slice(n.index + 1), { withValue: ['-o'] });
    if (a.values('-o').includes('pipefail')) return c.start;
  }
  return -1;
}

/** Script offsets of the first `|` of a pipeline. */
function pipeOffset(script: ShellScript, p: Pipeline): number | undefined {
  const text = script.source.text;
  for (const c of p.commands) {
    if (c.separatorBefore === '|' || c.separatorBefore === '|&') {
      const i = text.lastIndexOf('|', c.start);
      if (i >= p.start) return i;
    }
    if (c.separatorAfter === '|' || c.separatorAfter === '|&') {
      const i = text.indexOf('|', c.end);
      if (i >= 0 && i < p.end) return i;
    }
  }
  return undefined;
}

function isAlpineLike(image: string | undefined): boolean {
  return !!image && /alpine|busybox/i.test(image);
}

/** First line of the comment block right above an instruction (suppression comments stay attached). */
function insertionLine(lines: LineIndex, info: InstructionInfo): number {
  let line = info.range.start.line;
  while (line > 0 && /^\s*#/.test(lines.lineText(line - 1))) line--;
  return line;
}

export const rule: DockerfileRule = {
  code: 'DF080',
  name: 'pipe-without-pipefail',
  title: 'RUN with a pipe but no pipefail',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { hadolint: ['DL4006'] },
  check(ctx) {
    // One SHELL insertion per "shell region" (stage + last SHELL before the RUN), shared by its findings.
    const regionEdit = new Map<string, TextEdit>();
    const lastShell = new Map<number, number>();
    for (const info of ctx.model.instructions) {
      const stageIndex = info.stage?.index ?? -1;
      if (info.keyword === 'SHELL' && !info.onbuild) {
        lastShell.set(stageIndex, info.index);
        continue;
      }
      if (info.keyword !== 'RUN' || !info.posixShell) continue;
      if (shellHasPipefail(info.shell)) continue;
      let found: { script: ShellScript; at: number; left?: string } | undefined;
      for (const script of info.scripts()) {
        // A body run by its own interpreter (shebang, `RUN <<EOF bash`) does not use SHELL.
        if (script.source.interpreter) continue;
        const guard = setPipefailAt(script);
        for (const p of script.pipelines) {
          if ((p.size ?? p.commands.length) < 2) continue;
          if (guard >= 0 && guard < p.start) continue;
          // `yes | cmd`: yes always dies of SIGPIPE, so pipefail would break the build.
          const head = p.commands[0];
          if (head && head.start === p.start && commandName(head)?.name === 'yes') continue;
          const at = pipeOffset(script, p);
          if (at === undefined) continue;
          const leftCmd = p.commands.find((c) => c.end <= at && (c.separatorAfter === '|' || c.separatorAfter === '|&'));
          found = { script, at, left: leftCmd ? commandName(leftCmd)?.name : undefined };
          break;
        }
        if (found) break;
      }
      if (!found) continue;
      const key = `${stageIndex}:${lastShell.get(stageIndex) ?? -1}`;
      let edit = regionEdit.get(key);
      if (!edit) {
        const alpine = isAlpineLike(rootImage(info.stage));
        const shell = alpine ? '["/bin/ash", "-eo", "pipefail", "-c"]' : '["/bin/bash", "-o", "pipefail", "-c"]';
        const line = insertionLine(ctx.lines, info);
        const indent = /^[ \t]*/.exec(ctx.lines.lineText(line))![0];
        edit = { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}SHELL ${shell}${ctx.lines.eol}` };
        regionEdit.set(key, edit);
      }
      const range: Range = offsetRange(found.script, found.at, found.at + 1);
      const shellName = edit.newText.includes('/bin/ash') ? 'ash' : 'bash';
      ctx.report({
        range,
        message: found.left
          ? `Pipe "|" without pipefail: a failure of "${found.left}" is ignored; set SHELL [..., "-o", "pipefail", ...]`
          : `Pipe "|" without pipefail: a failure before the pipe is ignored; set SHELL [..., "-o", "pipefail", ...]`,
        fixes: [{ title: `Insert SHELL with ${shellName} -o pipefail before this RUN`, edits: [edit], preferred: true }],
      });
    }
  },
};
