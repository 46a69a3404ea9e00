/**
 * The shell model that RUN/CMD/ENTRYPOINT/HEALTHCHECK rules work on.
 * Pure: no `vscode`, no dockerfile-ast types here.
 *
 * Offsets are into `ShellScript.source.text` (the logical script: continuation
 * lines joined, comment lines inside the instruction removed); map them to the
 * document with `source.toDocument(offset)`.
 */
import type { Position } from 'vscode-languageserver-types';

/** Where a shell script came from and how to map its offsets back to the Dockerfile. */
export interface ScriptSource {
  /** The logical script text handed to the shell. */
  readonly text: string;
  /** 'shell' = shell-form arguments; 'heredoc' = body of `RUN <<EOF` run by the shell. */
  readonly kind: 'shell' | 'heredoc';
  /** Document position of a script offset (offset may equal text.length). */
  toDocument(offset: number): Position;
  /**
   * Like `toDocument`, but for an exclusive end offset: where the script joins two
   * document pieces (a removed `\`+newline), it maps to the end of the earlier piece.
   * Optional so that hand-made sources stay valid; `documentRange()` falls back to `toDocument`.
   */
  toDocumentEnd?(offset: number): Position;
  /**
   * For 'heredoc' sources: the interpreter that runs the body when it is not the
   * Dockerfile's SHELL (e.g. `bash` for `RUN <<EOF bash` or a `#!/bin/bash` shebang).
   */
  readonly interpreter?: string;
}

/** One shell word, e.g. `"--foo=$BAR"`. */
export interface Word {
  /** Raw source text, quotes included. */
  readonly raw: string;
  /**
   * Value after quote removal and backslash unescaping; expansions (`$X`, `${X}`,
   * `$(...)`, backticks) are kept literally as written.
   */
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** Any part was single- or double-quoted. */
  readonly quoted: boolean;
  /** Contains an unquoted or double-quoted `$`/backtick expansion. */
  readonly hasExpansion: boolean;
}

export type Separator = '&&' | '||' | ';' | '&' | '|' | '|&' | '\n' | null;

export interface Redirect {
  /** `>`, `>>`, `<`, `2>`, `&>`, `<<`, `<<-`, `<<<`, `>&`, … */
  readonly op: string;
  readonly target?: Word;
  readonly start: number;
  readonly end: number;
  /** The operator without its file-descriptor number: `2>&` -> `>&`. Always set by `parseShell`. */
  readonly operator?: string;
  /** The file-descriptor number written before the operator (`2` in `2>&1`), if any. */
  readonly fd?: string;
  /** For `<<` / `<<-`: the here-document (its body lines are not parsed as commands). */
  readonly heredoc?: HeredocBody;
}

/** A here-document body inside a script. */
export interface HeredocBody {
  /** Delimiter after quote removal (`EOF` for `<<'EOF'`). */
  readonly delimiter: string;
  /** The delimiter was quoted, so the body is not expanded. */
  readonly quoted: boolean;
  /** `<<-`: leading tabs are stripped. */
  readonly stripTabs: boolean;
  /** Body offsets (from the line after the command to the start of the delimiter line). */
  readonly start: number;
  readonly end: number;
  /** False when the script ended before the delimiter line. */
  readonly terminated: boolean;
}

/** The innermost compound construct around a command. */
export type ShellConstruct =
  | 'subshell'
  | 'group'
  | 'if'
  | 'while'
  | 'until'
  | 'for'
  | 'select'
  | 'case'
  | 'function'
  | 'substitution';

/** A simple command: `VAR=x cmd arg1 arg2 >file`. */
export interface SimpleCommand {
  readonly type: 'simple';
  /** Leading `NAME=value` words. */
  readonly assignments: readonly Word[];
  /** The command words (name first); empty for a pure assignment. */
  readonly words: readonly Word[];
  readonly redirects: readonly Redirect[];
  readonly start: number;
  readonly end: number;
  /** The operator that joins this command to the previous one in its list (`null` for the first). */
  readonly separatorBefore: Separator;
  /** The operator after it (`null` at the end of its list). */
  readonly separatorAfter: Separator;
  /** True when this command is part of a pipeline with 2+ commands. */
  readonly inPipeline: boolean;
  /** Nesting: 0 at top level; +1 inside `( )`, `{ }`, if/for/while/case bodies, `$( )`/backticks. */
  readonly depth: number;
  /** True when it sits inside `$( )` or backticks. */
  readonly inSubstitution: boolean;
  /** Innermost enclosing construct; undefined at top level. Always set by `parseShell` when nested. */
  readonly construct?: ShellConstruct;
  /**
   * True when the command is (part of) the condition of `if`/`elif`/`while`/`until`,
   * or is not the last pipeline of an `&&`/`||` list or is under `!` — places where
   * a failure does not stop a `set -e` script. Always set by `parseShell`.
   */
  readonly inCondition?: boolean;
}

/** A pipeline `a | b | c` (a single command is a pipeline of one). */
export interface Pipeline {
  readonly commands: readonly SimpleCommand[];
  /** `!` before the pipeline. */
  readonly negated: boolean;
  readonly start: number;
  readonly end: number;
  /**
   * Number of elements joined by `|`/`|&`, compound ones included (`a | while …; done`
   * has size 2 but one SimpleCommand in `commands`). Always set by `parseShell`.
   */
  readonly size?: number;
}

export interface ShellScript {
  readonly source: ScriptSource;
  /** Every simple command in source order, nested ones included (see `depth`). */
  readonly commands: readonly SimpleCommand[];
  /** Every pipeline in source order, nested ones included. */
  readonly pipelines: readonly Pipeline[];
  /** Parse problems (unterminated quote, unbalanced parenthesis…); parsing never throws. */
  readonly errors: readonly { message: string; start: number; end: number }[];
}
