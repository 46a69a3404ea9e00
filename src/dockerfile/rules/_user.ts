/**
 * USER instructions for DF064–DF066: the user spec (`name[:group]`), whether it is root,
 * and the USER in effect at the end of the final stage. Pure; never throws.
 */
import type { Range } from '../../util/text';
import type { DockerfileModel, InstructionInfo, Stage } from '../model';
import { finalChain } from './_image';

export interface UserSpec {
  readonly info: InstructionInfo;
  /** The whole argument, e.g. `root:root`. */
  readonly spec: string;
  readonly user: string;
  readonly group: string | undefined;
  /** Range of the whole argument. */
  readonly range: Range;
  /** Range of the user part (before `:`), when on one line. */
  readonly userRange: Range;
  /** Contains a variable: value unknown. */
  readonly variable: boolean;
}

export function userSpec(info: InstructionInfo): UserSpec | undefined {
  if (info.keyword !== 'USER') return undefined;
  let args;
  try {
    args = info.node.getArguments();
  } catch {
    return undefined;
  }
  const a = args[0];
  if (!a) return undefined;
  const spec = a.getValue();
  const range = a.getRange();
  const colon = spec.indexOf(':');
  const user = colon >= 0 ? spec.slice(0, colon) : spec;
  const group = colon >= 0 ? spec.slice(colon + 1) : undefined;
  const userRange =
    colon >= 0 && range.start.line === range.end.line && range.end.character - range.start.character === spec.length
      ? { start: range.start, end: { line: range.start.line, character: range.start.character + colon } }
      : range;
  return { info, spec, user, group, range, userRange, variable: spec.includes('$') };
}

/** `root`, `0`, `root:anything`, `0:anything` (the user part decides). */
export function isRootUser(u: UserSpec): boolean {
  return !u.variable && (u.user === 'root' || /^0+$/.test(u.user));
}

export interface EffectiveUser {
  readonly user: UserSpec;
  /** The stage that holds the USER (the final stage or one of its ancestors). */
  readonly stage: Stage;
}

/**
 * The USER in effect when the final image runs: the last USER of the final stage, else of the
 * stage it builds on, and so on. ONBUILD USER does not count (it runs in downstream builds).
 * undefined when no stage of the chain sets USER.
 */
export function effectiveFinalUser(model: DockerfileModel): EffectiveUser | undefined {
  for (const stage of finalChain(model)) {
    for (let i = stage.instructions.length - 1; i >= 0; i--) {
      const info = stage.instructions[i];
      if (info.keyword !== 'USER' || info.onbuild) continue;
      const u = userSpec(info);
      if (u) return { user: u, stage };
    }
  }
  return undefined;
}
