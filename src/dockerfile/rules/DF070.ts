import type { DockerfileRule, Fix } from '../types';
import { flagsOf } from './_ast';
import { addSources } from './_add';

/** Flags COPY accepts too; an ADD with any other flag (--checksum, --keep-git-dir, --unpack) is left alone. */
const COPY_FLAGS = new Set(['chown', 'chmod', 'link', 'exclude']);

export const rule: DockerfileRule = {
  code: 'DF070',
  name: 'add-local-file',
  title: 'ADD used for local files instead of COPY',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { hadolint: ['DL3020'], other: ['DS-0005', 'CKV_DOCKER_4', 'CIS-DI-0009'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'ADD') continue;
      const sources = addSources(ctx, info);
      const local = sources.find((s) => s.kind === 'local');
      if (!local) continue;
      const range = info.node.getInstructionRange();
      const written = info.node.getInstruction();
      const copy = written === written.toLowerCase() ? 'copy' : 'COPY';
      const flagsOk = flagsOf(info.node).every((f) => COPY_FLAGS.has(f.getName().toLowerCase()));
      const fixes: Fix[] =
        flagsOk && sources.every((s) => s.kind === 'local')
          ? [{ title: `Replace ${written} with ${copy}`, edits: [{ range, newText: copy }], preferred: true }]
          : [];
      ctx.report({
        range,
        message: `${written} of local file "${local.value}": use COPY (ADD is for remote URLs and archives to extract)`,
        fixes,
      });
    }
  },
};
