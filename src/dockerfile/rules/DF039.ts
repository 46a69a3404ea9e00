import type { DockerfileRule, Fix } from '../types';
import type { Stage } from '../model';
import { isAbsolutePath, posixJoin } from './_paths';
import { stripQuotes } from './_words';
import { baseStages } from './_stages';

interface WorkdirState {
  /** A WORKDIR ran in this stage or a stage it builds on (BuildKit's `workdirSet`). */
  set: boolean;
  /** The working directory when statically known (absolute, POSIX). */
  cwd: string | undefined;
}

export const rule: DockerfileRule = {
  code: 'DF039',
  name: 'workdir-relative-path',
  title: 'Relative WORKDIR',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: {
    hadolint: ['DL3000'],
    buildkit: ['WorkdirRelativePath'],
    dockerfileUtils: ['WORKDIR_IS_NOT_ABSOLUTE'],
    other: ['DS-0009', 'CKV_DOCKER_10'],
  },
  check(ctx) {
    const endStates = new Map<Stage, WorkdirState>();
    const none = (): WorkdirState => ({ set: false, cwd: undefined });
    let state = none();
    let current: Stage | undefined | null = null;
    for (const info of ctx.model.instructions) {
      if (info.stage !== current) {
        if (current) endStates.set(current, state);
        current = info.stage;
        const bases = current ? baseStages(current, ctx.model).map((b) => endStates.get(b) ?? none()) : [];
        const cwd = bases.length && bases.every((b) => b.cwd === bases[0].cwd) ? bases[0].cwd : undefined;
        state = { set: bases.some((b) => b.set), cwd };
      }
      if (info.keyword !== 'WORKDIR') continue;
      const node = info.node;
      const args = node.getArguments();
      if (!args.length) continue;
      const range = { start: args[0].getRange().start, end: args[args.length - 1].getRange().end };
      const raw = ctx.lines.textOf(range);
      const path = stripQuotes(raw);
      const windows = info.stage?.windows ?? false;
      const onbuild = !!info.onbuild;
      if (path.startsWith('$')) {
        if (!onbuild) state = { set: true, cwd: undefined };
        continue;
      }
      if (isAbsolutePath(path, windows)) {
        if (!onbuild) state = { set: true, cwd: !windows && path.startsWith('/') && !path.includes('$') ? posixJoin(path, '.') : undefined };
        continue;
      }
      const fixes: Fix[] = [];
      if (!onbuild && state.cwd && !windows) {
        const joined = posixJoin(state.cwd, path);
        const q = raw[0] === '"' || raw[0] === "'" ? raw[0] : /\s/.test(joined) ? '"' : '';
        fixes.push({ title: `Make it absolute: ${joined}`, edits: [{ range, newText: `${q}${joined}${q}` }], preferred: true });
      }
      ctx.report({
        range,
        message: state.set
          ? `Relative WORKDIR "${path}": write the absolute path${state.cwd ? ` (${posixJoin(state.cwd, path)})` : ''} so it does not depend on the previous WORKDIR`
          : `Relative WORKDIR "${path}" depends on the base image's working directory: use an absolute path`,
        // BuildKit only warns while no WORKDIR has been set in the stage; after one, it is hadolint's milder advice.
        severity: state.set ? 'info' : undefined,
        fixes,
      });
      if (!onbuild) state = { set: true, cwd: state.cwd && !windows ? posixJoin(state.cwd, path) : undefined };
    }
  },
};
