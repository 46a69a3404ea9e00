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
}

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
}

/** A pipeline `a | b | c` (a single command is a pipeline of one). */
export interface Pipeline {
  readonly commands: readonly SimpleCommand[];
  /** `!` before the pipeline. */
  readonly negated: boolean;
  readonly start: number;
  readonly end: number;
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
