import type { DockerfileRule } from '../types';

export const rule: DockerfileRule = {
  code: 'DF036',
  name: 'maintainer-deprecated',
  title: 'MAINTAINER is deprecated',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: {
    hadolint: ['DL4000'],
    buildkit: ['MaintainerDeprecated'],
    dockerfileUtils: ['DEPRECATED_MAINTAINER'],
    other: ['DS-0022', 'CKV_DOCKER_6'],
  },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'MAINTAINER') continue;
      const node = info.node;
      const value = (node.getArgumentsContent() ?? '').trim();
      const quoted = /^"(?:[^"\\]|\\.)*"$/.test(value) ? value : JSON.stringify(value);
      const fixes = value
        ? [
            {
              title: 'Replace with LABEL org.opencontainers.image.authors',
              edits: [{ range: node.getRange(), newText: `LABEL org.opencontainers.image.authors=${quoted}` }],
              preferred: true,
            },
          ]
        : [];
      ctx.report({
        range: node.getInstructionRange(),
        message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors',
        fixes,
      });
    }
  },
};
