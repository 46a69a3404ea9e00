import type { DockerfileRule } from '../types';
import { commandsOf, tokenRange } from './_run';

/** hadolint DL3001's list, plus ifconfig. */
const POINTLESS: Record<string, string> = {
  ssh: 'there is no interactive session during a build',
  vim: 'there is no terminal during a build',
  shutdown: 'a build step cannot shut the builder down',
  service: 'services started in a RUN do not survive the step',
  ps: 'only the processes of this build step are visible',
  free: 'it reports the builder, not the container at run time',
  top: 'there is no terminal during a build',
  kill: 'only the processes of this build step can be killed',
  mount: 'the builder does not give the privileges to mount',
  ifconfig: 'the network of a build step is not the container\'s',
};

export const rule: DockerfileRule = {
  code: 'DF082',
  name: 'pointless-command',
  title: 'Command that makes no sense in a container build',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { hadolint: ['DL3001'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      for (const script of info.scripts()) {
        for (const c of commandsOf(script)) {
          if (c.nameWord.hasExpansion) continue;
          const why = Object.prototype.hasOwnProperty.call(POINTLESS, c.name) ? POINTLESS[c.name] : undefined;
          if (!why) continue;
          ctx.report({ range: tokenRange(script, c.nameWord), message: `"${c.name}" in RUN makes no sense: ${why}` });
        }
      }
    }
  },
};
