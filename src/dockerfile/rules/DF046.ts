import type { DockerfileRule } from '../types';

/** BuildKit's splitParts: `[ip:]hostPort:containerPort`. */
function splitParts(raw: string): { ip: string; host: string; container: string } {
  const parts = raw.split(':');
  if (parts.length === 1) return { ip: '', host: '', container: parts[0] };
  if (parts.length === 2) return { ip: '', host: parts[0], container: parts[1] };
  const n = parts.length;
  return { ip: parts.slice(0, n - 2).join(':'), host: parts[n - 2], container: parts[n - 1] };
}

export const rule: DockerfileRule = {
  code: 'DF046',
  name: 'expose-invalid-format',
  title: 'EXPOSE with an IP address or a host:container port mapping',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { buildkit: ['ExposeInvalidFormat'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'EXPOSE') continue;
      for (const arg of info.node.getArguments()) {
        const word = arg.getValue();
        if (word.includes('$') || !word.includes(':')) continue;
        const { ip, host, container } = splitParts(word);
        if (!ip && !host) continue;
        const range = arg.getRange();
        const fixes = container ? [{ title: `Keep only the container port: ${container}`, edits: [{ range, newText: container }], preferred: true }] : [];
        ctx.report({
          range,
          message: `EXPOSE "${word}" ${ip ? 'binds an IP address' : 'maps a host port'}: EXPOSE only declares the container port${container ? ` (${container})` : ''}; publish with "docker run -p"`,
          fixes,
        });
      }
    }
  },
};
