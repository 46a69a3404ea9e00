import type { DockerfileRule } from '../types';

const PROTOCOLS = new Set(['tcp', 'udp', 'sctp']);

export const rule: DockerfileRule = {
  code: 'DF045',
  name: 'expose-protocol-casing',
  title: 'EXPOSE protocol is not lowercase',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { buildkit: ['ExposeProtoCasing'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'EXPOSE') continue;
      for (const arg of info.node.getArguments()) {
        const word = arg.getValue();
        if (word.includes('$')) continue; // expanded at build time
        const slash = word.lastIndexOf('/');
        if (slash < 0) continue;
        const proto = word.slice(slash + 1);
        // Unknown protocols are DF014's finding; only the casing of a valid one here.
        if (proto === proto.toLowerCase() || !PROTOCOLS.has(proto.toLowerCase())) continue;
        const r = arg.getRange();
        if (r.start.line !== r.end.line) continue;
        const range = { start: { line: r.start.line, character: r.start.character + slash + 1 }, end: r.end };
        const want = proto.toLowerCase();
        ctx.report({
          range,
          message: `EXPOSE protocol "${proto}" in "${word}" should be lowercase: "${want}"`,
          fixes: [{ title: `Replace "${proto}" with "${want}"`, edits: [{ range, newText: want }], preferred: true }],
        });
      }
    }
  },
};
