/**
 * getopt-style argument parsing of shell words, and the effective command name
 * behind wrappers such as `sudo`, `env` or `xargs`. Pure.
 */
import type { SimpleCommand, Word } from './types';
import { memoByObject } from './memo';

export interface ArgSpec {
  /** Options that take a value, written with their dashes: `['-o', '--option']`. */
  readonly withValue?: readonly string[];
  /**
   * Long options whose value is optional: only `--opt=value` gives one (like every
   * unknown long option). Listed for documentation; behaves like the default.
   */
  readonly optionalValue?: readonly string[];
  /** Multi-letter options written with one dash, matched whole: `-nv` (wget), `-tool`. */
  readonly singleDashLong?: readonly string[];
  /** Every `-word` / `--word` is one option named `-word` (Go's flag package). */
  readonly longOnly?: boolean;
  /** `-x=value` gives `-x` the value (apt: `-q=2`, `-o=Foo=bar`). */
  readonly shortEquals?: boolean;
  /** Stop at the first positional (POSIX getopt, wrappers). Default: options anywhere (GNU). */
  readonly stopAtFirstPositional?: boolean;
}

export interface ParsedOption {
  /** With its dashes: `-y`, `--yes`. */
  readonly name: string;
  readonly value?: string;
  /** The option's word, plus the value's word when the value is a separate word. */
  readonly words: readonly Word[];
  /** The separate value word (`-o x`, `--opt x`). */
  readonly valueWord?: Word;
  /** Index in the parsed word list of the option's word. */
  readonly index: number;
  /**
   * Script offsets of the option text: the letter itself inside a plain cluster such
   * as `-yq`, otherwise the whole word (plus the value word, if any).
   */
  readonly start: number;
  readonly end: number;
}

export interface ParsedArgs {
  /** Option occurrences in order. */
  readonly options: readonly ParsedOption[];
  /** Non-option words (operands), in order. */
  readonly positionals: readonly Word[];
  /** Index in the parsed word list of each positional. */
  readonly positionalIndexes: readonly number[];
  /** Index of the `--` word, or -1. */
  readonly endOfOptions: number;
  /** Any of the names given (`'-y', '--yes'`) occurs. */
  has(...names: string[]): boolean;
  /** Last occurrence of any of the names. */
  get(...names: string[]): ParsedOption | undefined;
  /** Values of every occurrence of the names (occurrences without a value are skipped). */
  values(...names: string[]): string[];
  /** Number of occurrences of the names. */
  count(...names: string[]): number;
}

const compiledSpecs = new WeakMap<ArgSpec, { withValue: ReadonlySet<string>; singleDash: ReadonlySet<string> }>();

function compiled(spec: ArgSpec): { withValue: ReadonlySet<string>; singleDash: ReadonlySet<string> } {
  let c = compiledSpecs.get(spec);
  if (!c) {
    c = { withValue: new Set(spec.withValue ?? []), singleDash: new Set(spec.singleDashLong ?? []) };
    compiledSpecs.set(spec, c);
  }
  return c;
}

/** Parses `words` (usually the words after the command name) per `spec`. */
export function parseArgs(words: readonly Word[], spec: ArgSpec = {}): ParsedArgs {
  const { withValue, singleDash } = compiled(spec);
  const options: ParsedOption[] = [];
  const positionals: Word[] = [];
  const positionalIndexes: number[] = [];
  let endOfOptions = -1;
  let stopped = false;

  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const v = w.value;
    if (stopped || v.length < 2 || v[0] !== '-' || w.raw.startsWith('$')) {
      positionals.push(w);
      positionalIndexes.push(i);
      if (spec.stopAtFirstPositional) stopped = true;
      continue;
    }
    if (v === '--') {
      endOfOptions = i;
      stopped = true;
      continue;
    }
    const eq = v.indexOf('=');
    if (spec.longOnly || v.startsWith('--') || singleDash.has(eq < 0 ? v : v.slice(0, eq))) {
      let name = eq < 0 ? v : v.slice(0, eq);
      if (spec.longOnly && name.startsWith('--')) name = name.slice(1);
      if (eq >= 0) {
        options.push({ name, value: v.slice(eq + 1), words: [w], index: i, start: w.start, end: w.end });
      } else if (withValue.has(name)) {
        if (takeNext(options, words, i, name, w.start, w.end)) i++;
      } else {
        options.push({ name, words: [w], index: i, start: w.start, end: w.end });
      }
      continue;
    }
    // A cluster of short options: -abc, -ovalue, -o value, -q=2.
    const exact = w.raw === v && v.length > 2;
    for (let k = 1; k < v.length; k++) {
      const name = shortName(v, k);
      const cs = exact ? w.start + k : w.start;
      const ce = exact ? cs + 1 : w.end;
      if (spec.shortEquals && v[k + 1] === '=') {
        options.push({ name, value: v.slice(k + 2), words: [w], index: i, start: cs, end: w.end });
        break;
      }
      if (withValue.has(name)) {
        if (k + 1 < v.length) {
          options.push({ name, value: v.slice(k + 1), words: [w], index: i, start: cs, end: w.end });
        } else if (takeNext(options, words, i, name, cs, ce)) {
          i++;
        }
        break;
      }
      options.push({ name, words: [w], index: i, start: cs, end: ce });
    }
  }

  return new Parsed(options, positionals, positionalIndexes, endOfOptions);
}

/** `-x` for the letter at `k` of `v`: one shared string per ASCII letter (no new string per option). */
function shortName(v: string, k: number): string {
  const c = v.charCodeAt(k);
  return c < 128 ? SHORT_NAMES[c] : '-' + v[k];
}
const SHORT_NAMES: readonly string[] = Array.from({ length: 128 }, (_, c) => '-' + String.fromCharCode(c));

/**
 * Pushes option `name` of the word at `i`, taking the next word as its value when there is
 * one; returns whether it did (the caller skips that word).
 */
function takeNext(options: ParsedOption[], words: readonly Word[], i: number, name: string, start: number, end: number): boolean {
  const w = words[i];
  const next = words[i + 1];
  if (next) {
    options.push({ name, value: next.value, words: [w, next], valueWord: next, index: i, start, end: next.end });
    return true;
  }
  options.push({ name, words: [w], index: i, start, end });
  return false;
}

/** The queries as methods (no closures per parse). */
class Parsed implements ParsedArgs {
  constructor(
    readonly options: readonly ParsedOption[],
    readonly positionals: readonly Word[],
    readonly positionalIndexes: readonly number[],
    readonly endOfOptions: number,
  ) {}

  has(...names: string[]): boolean {
    for (const o of this.options) if (names.includes(o.name)) return true;
    return false;
  }

  get(...names: string[]): ParsedOption | undefined {
    const options = this.options;
    for (let i = options.length - 1; i >= 0; i--) if (names.includes(options[i].name)) return options[i];
    return undefined;
  }

  values(...names: string[]): string[] {
    const out: string[] = [];
    for (const o of this.options) if (o.value !== undefined && names.includes(o.name)) out.push(o.value);
    return out;
  }

  count(...names: string[]): number {
    let n = 0;
    for (const o of this.options) if (names.includes(o.name)) n++;
    return n;
  }
}

/** The last path component of a command word: `/usr/bin/apt-get` -> `apt-get`. */
export function baseName(value: string): string {
  const i = value.lastIndexOf('/');
  return i >= 0 ? value.slice(i + 1) : value;
}

export interface CommandName {
  /** Base name of the effective command (`apt-get` for `sudo /usr/bin/apt-get …`). */
  readonly name: string;
  readonly word: Word;
  /** Index of `word` in the command's words. */
  readonly index: number;
  /** The command runs through `sudo` (or `doas`). */
  readonly sudo: boolean;
  /** Wrapper names skipped, outermost first (`['sudo', 'env']`). */
  readonly wrappers: readonly string[];
  /** `NAME=value` words given to `env` / `sudo`, plus the command's own leading assignments. */
  readonly assignments: readonly Word[];
}

interface Wrapper {
  readonly spec: ArgSpec;
  /** Positionals that precede the command (`timeout 10 cmd`, `gosu user cmd`). */
  readonly skip?: number;
  /** Accepts NAME=value words before the command. */
  readonly assignments?: boolean;
  /** An option that means "do not run a command" (`command -v`). */
  readonly notRun?: readonly string[];
}

const WRAPPERS = new Map<string, Wrapper>(Object.entries({
  sudo: {
    spec: {
      stopAtFirstPositional: true,
      withValue: ['-u', '-g', '-C', '-D', '-h', '-p', '-r', '-t', '-U', '-T', '-R', '--user', '--group', '--close-from',
        '--chdir', '--host', '--prompt', '--role', '--type', '--other-user', '--command-timeout', '--chroot'],
    },
    assignments: true,
    notRun: ['-e', '--edit', '-l', '--list', '-v', '--validate', '-k', '-K'],
  },
  doas: { spec: { stopAtFirstPositional: true, withValue: ['-u', '-C'] } },
  env: {
    spec: {
      stopAtFirstPositional: true,
      withValue: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string', '-P'],
    },
    assignments: true,
  },
  exec: { spec: { stopAtFirstPositional: true, withValue: ['-a'] } },
  command: { spec: { stopAtFirstPositional: true }, notRun: ['-v', '-V'] },
  builtin: { spec: { stopAtFirstPositional: true } },
  nohup: { spec: { stopAtFirstPositional: true } },
  time: { spec: { stopAtFirstPositional: true, withValue: ['-f', '--format', '-o', '--output'] } },
  nice: { spec: { stopAtFirstPositional: true, withValue: ['-n', '--adjustment'] } },
  ionice: { spec: { stopAtFirstPositional: true, withValue: ['-c', '-n', '-p', '-P', '-u', '--class', '--classdata'] } },
  timeout: { spec: { stopAtFirstPositional: true, withValue: ['-s', '--signal', '-k', '--kill-after'] }, skip: 1 },
  xargs: {
    spec: {
      stopAtFirstPositional: true,
      withValue: ['-a', '-d', '-E', '-I', '-L', '-n', '-P', '-s', '--arg-file', '--delimiter', '--max-args',
        '--max-procs', '--max-chars', '--max-lines', '--process-slot-var'],
    },
  },
  stdbuf: { spec: { stopAtFirstPositional: true, withValue: ['-i', '-o', '-e'] } },
  setsid: { spec: { stopAtFirstPositional: true } },
  eatmydata: { spec: { stopAtFirstPositional: true } },
  fakeroot: { spec: { stopAtFirstPositional: true, withValue: ['-l', '-s', '-i', '--lib', '--faked'] } },
  chronic: { spec: { stopAtFirstPositional: true } },
  unbuffer: { spec: { stopAtFirstPositional: true } },
  gosu: { spec: { stopAtFirstPositional: true }, skip: 1 },
  'su-exec': { spec: { stopAtFirstPositional: true }, skip: 1 },
  busybox: { spec: { stopAtFirstPositional: true } },
} satisfies Record<string, Wrapper>));

/**
 * The effective command of a simple command, looking through wrappers
 * (sudo, doas, env, exec, command, builtin, nohup, time, nice, ionice, timeout,
 * xargs, stdbuf, setsid, eatmydata, fakeroot, chronic, unbuffer, gosu, su-exec,
 * busybox). Undefined for a pure assignment. When a wrapper runs nothing
 * (`sudo -v`, `command -v x`, `env` alone) the wrapper itself is the command.
 */
export function commandName(cmd: SimpleCommand | readonly Word[]): CommandName | undefined {
  return isWordList(cmd) ? computeCommandName(cmd) : cachedCommandName(cmd);
}

const cachedCommandName: (cmd: SimpleCommand) => CommandName | undefined = memoByObject(computeCommandName);

/** Shared by the results without wrappers / assignments (they are read-only). */
const NONE: readonly never[] = Object.freeze([]);

function computeCommandName(cmd: SimpleCommand | readonly Word[]): CommandName | undefined {
  const words = isWordList(cmd) ? cmd : cmd.words;
  if (words.length === 0) return undefined;
  // Most commands have no wrapper: the arrays are copied only when a wrapper adds to them.
  let assignments: readonly Word[] = isWordList(cmd) ? NONE : cmd.assignments;
  let wrappers: string[] | undefined;
  let sudo = false;
  let i = 0;
  for (let guard = 0; guard < 16; guard++) {
    const w = words[i];
    const name = baseName(w.value);
    const wrapper = w.hasExpansion ? undefined : WRAPPERS.get(name);
    if (!wrapper) break;
    const rest = words.slice(i + 1);
    const parsed = parseArgs(rest, wrapper.spec);
    if (wrapper.notRun && parsed.has(...wrapper.notRun)) break;
    let k = parsed.positionalIndexes.length > 0 ? parsed.positionalIndexes[0] : rest.length;
    if (parsed.endOfOptions >= 0 && parsed.endOfOptions < k) k = parsed.endOfOptions + 1;
    if (wrapper.assignments) {
      while (k < rest.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[k].value)) assignments = [...assignments, rest[k++]];
    }
    k += wrapper.skip ?? 0;
    if (k >= rest.length) break;
    (wrappers ??= []).push(name);
    if (name === 'sudo' || name === 'doas') sudo = true;
    i = i + 1 + k;
  }
  const word = words[i];
  return { name: baseName(word.value), word, index: i, sudo, wrappers: wrappers ?? NONE, assignments };
}

function isWordList(x: SimpleCommand | readonly Word[]): x is readonly Word[] {
  return Array.isArray(x);
}

/** The words after the effective command name (its arguments). */
export function commandArgs(cmd: SimpleCommand): readonly Word[] {
  const n = commandName(cmd);
  return n ? cmd.words.slice(n.index + 1) : [];
}
