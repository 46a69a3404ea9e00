import type { DockerfileRule } from '../types';
import { userSpec } from './_user';

export const rule: DockerfileRule = {
  code: 'DF066',
  name: 'user-not-numeric',
  title: 'USER is a name, not a numeric UID',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { hadolint: ['DL3066'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'USER' || info.stage?.windows) continue;
      const u = userSpec(info);
      if (!u || u.variable || !u.user || /^\d+$/.test(u.user)) continue;
      // root is uid 0 everywhere: nothing to verify (DF064 deals with running as root).
      if (u.user === 'root' && (u.group === undefined || u.group === 'root' || /^\d+$/.test(u.group))) continue;
      ctx.report({
        range: u.userRange,
        message: `USER "${u.user}" is a name, not a UID: Kubernetes runAsNonRoot cannot verify it; use the numeric UID (e.g. USER 10001)`,
      });
    }
  },
};
