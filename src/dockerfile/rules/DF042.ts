import type { Arg, Instruction, PropertyInstruction } from 'dockerfile-ast';
import type { DockerfileRule, Fix, RuleContext } from '../types';
import type { InstructionInfo, Stage } from '../model';
import type { LineIndex, Range } from '../../util/text';
import { insertLinesBefore } from '../ruleUtils';
import { PREDEFINED_ARGS, scanRange, suggestName, type DocVarRef } from './_vars';
import { argWords, flagOf } from './_words';
import { baseStages } from './_stages';

/**
 * Environment of base images we know by heart: variables such images define.
 * Other images (python, node, golang…) define variables we cannot see, so in
 * their stages only sure mistakes are reported.
 */
function knownBaseEnv(image: string | undefined): readonly string[] | undefined {
  if (!image || image.includes('$')) return undefined;
  const lower = image.toLowerCase();
  if (lower === 'scratch') return [];
  const name = lower.replace(/@.*$/, '').replace(/:[^/]*$/, '').replace(/^(docker\.io\/|index\.docker\.io\/)/, '').replace(/^library\//, '');
  if (['alpine', 'busybox', 'debian', 'ubuntu'].includes(name)) return ['PATH'];
  if (name.startsWith('gcr.io/distroless/')) return ['PATH', 'SSL_CERT_FILE'];
  return undefined;
}

interface StageEnv {
  /** Names defined by ENV/ARG so far (this stage and the stages it builds on). */
  readonly defined: Set<string>;
  /** The base image's environment is known (scratch, alpine…): any other name is undefined. */
  readonly closed: boolean;
}

/** The instructions `expandedRanges` gives ranges for. */
const EXPANDED = new Set(['COPY', 'ADD', 'WORKDIR', 'USER', 'VOLUME', 'STOPSIGNAL']);

/** Document ranges of an instruction whose variables BuildKit expands (and reports when undefined). */
function expandedRanges(info: InstructionInfo, escape: string, lines: LineIndex): Range[] {
  const node = info.node;
  switch (info.keyword) {
    case 'COPY':
    case 'ADD': {
      const out = argWords(node, escape, lines).map((w) => w.range);
      for (const flag of ['chown', 'chmod']) {
        const r = flagOf(node, flag)?.getValueRange();
        if (r) out.push(r);
      }
      return out;
    }
    case 'WORKDIR':
    case 'USER':
    case 'VOLUME':
    case 'STOPSIGNAL': {
      const r = node.getArgumentsRange();
      return r ? [r] : [];
    }
    default:
      return [];
  }
}

/** A `$` in the range: every reference starts with one (a scan, not a slice: scanRange slices). */
function hasDollar(lines: LineIndex, r: Range): boolean {
  const text = lines.text;
  const end = lines.offsetAt(r.end);
  for (let i = lines.offsetAt(r.start); i < end; i++) if (text.charCodeAt(i) === 36 /* $ */) return true;
  return false;
}

export const rule: DockerfileRule = {
  code: 'DF042',
  name: 'undefined-variable',
  title: 'Undefined variable in a non-shell instruction (COPY, ENV, LABEL, WORKDIR…)',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { buildkit: ['UndefinedVar'] },
  check(ctx) {
    const model = ctx.model;
    const escape = model.escapeChar;
    const global = new Set<string>();
    for (const info of model.globalArgs) for (const p of (info.node as Arg).getProperties()) global.add(p.getName());
    const ends = new Map<Stage, StageEnv>();
    for (const stage of model.stages) {
      const parents = baseStages(stage, model).map((b) => ends.get(b)!).filter(Boolean);
      const base = parents.length ? undefined : knownBaseEnv(stage.image);
      // Several possible parents (`FROM base-${V}`): a name defined by any of them counts.
      const env: StageEnv = {
        defined: new Set(parents.length ? parents.flatMap((p) => [...p.defined]) : ['PATH', ...(base ?? [])]),
        closed: parents.length ? parents.every((p) => p.closed) : base !== undefined && !stage.windows,
      };
      checkStage(ctx, stage, env, global, escape);
      ends.set(stage, env);
    }
  },
};

function checkStage(ctx: RuleContext, stage: Stage, env: StageEnv, global: ReadonlySet<string>, escape: string): void {
  const plain = stage.instructions.filter((i) => !i.onbuild);
  // Where each name gets defined in this stage (first definition), to spot uses before it.
  const definedAt = new Map<string, number>();
  plain.forEach((info, k) => {
    if (info.keyword !== 'ARG' && info.keyword !== 'ENV') return;
    for (const p of (info.node as PropertyInstruction).getProperties()) if (!definedAt.has(p.getName())) definedAt.set(p.getName(), k);
  });
  const firstNode: Instruction | undefined = plain[0]?.node;

  const report = (ref: DocVarRef, k: number): void => {
    const name = ref.name;
    if (env.defined.has(name) || PREDEFINED_ARGS.has(name)) return;
    const guess = suggestName(name, env.defined);
    const isGlobal = global.has(name);
    const later = definedAt.get(name);
    const usedBefore = later !== undefined && later > k;
    // With an unknown base image only sure mistakes are reported: a global ARG not
    // redeclared, a name declared later in the stage, a near-miss of a declared name.
    const closeGuess = guess && (guess.toLowerCase() === name.toLowerCase() || suggestName(name, [guess], 1) === guess);
    if (!env.closed && !isGlobal && !usedBefore && !(closeGuess && name.length >= 4)) return;
    const fixes: Fix[] = [];
    if (guess) fixes.push({ title: `Change to $${guess}`, edits: [{ range: ref.nameRange, newText: guess }], preferred: !isGlobal });
    if (isGlobal && firstNode) {
      fixes.push({
        title: `Declare ARG ${name} in this stage (inherits the global value)`,
        edits: [insertLinesBefore(ctx.lines, firstNode, [`ARG ${name}`])],
        preferred: true,
      });
    }
    let why = '';
    if (isGlobal) why = `: the global ARG ${name} is not visible in a stage until redeclared with "ARG ${name}"`;
    else if (usedBefore) why = `: it is only declared later, on line ${plain[later!].range.start.line + 1}`;
    else if (guess) why = ` (did you mean $${guess}?)`;
    ctx.report({ range: ref.range, message: `Usage of undefined variable "$${name}"${why}`, fixes });
  };

  plain.forEach((info, k) => {
    const node = info.node;
    if (info.keyword === 'ARG') {
      for (const p of (node as Arg).getProperties()) {
        const vr = p.getValueRange();
        if (vr && hasDollar(ctx.lines, vr)) for (const ref of scanRange(ctx.lines, vr, escape)) if (ref.valid) report(ref, k);
        env.defined.add(p.getName());
      }
      return;
    }
    if (info.keyword === 'ENV' || info.keyword === 'LABEL') {
      const props = (node as PropertyInstruction).getProperties();
      const names = new Set<string>();
      for (const p of props) {
        for (let side = 0; side < 2; side++) {
          const r = side === 0 ? p.getNameRange() : p.getValueRange();
          if (!r || !hasDollar(ctx.lines, r)) continue;
          for (const ref of scanRange(ctx.lines, r, escape)) {
            // A name set earlier in the same ENV is DF043's finding.
            if (!ref.valid || (info.keyword === 'ENV' && names.has(ref.name))) continue;
            report(ref, k);
          }
        }
        names.add(p.getName());
      }
      if (info.keyword === 'ENV') for (const n of names) env.defined.add(n);
      return;
    }
    // The expanded ranges lie inside the instruction: without a `$` in it there is no reference to check.
    if (!EXPANDED.has(info.keyword) || !hasDollar(ctx.lines, node.getRange())) return;
    for (const r of expandedRanges(info, escape, ctx.lines)) for (const ref of scanRange(ctx.lines, r, escape)) if (ref.valid) report(ref, k);
  });
}
