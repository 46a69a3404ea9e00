import type { DockerfileRule } from '../types';
import { parseInstruction } from './_syntax';

/** moby/sys/signal SignalMap (Linux), the names ParseSignal accepts (with or without SIG, any case). */
const SIGNALS = new Set([
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL', 'PROF',
  'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1', 'USR2',
  'VTALRM', 'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
  ...Array.from({ length: 15 }, (_, i) => `RTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `RTMAX-${i + 1}`),
]);

/** moby's signal.ParseSignal: a non-zero integer or a known name. */
export function isValidSignal(raw: string): boolean {
  if (/^[+-]?[0-9]+$/.test(raw)) return Number(raw) !== 0 && Math.abs(Number(raw)) <= 2147483647;
  const upper = raw.toUpperCase();
  return SIGNALS.has(upper.startsWith('SIG') ? upper.slice(3) : upper);
}

export const rule: DockerfileRule = {
  code: 'DF015',
  name: 'invalid-stopsignal',
  title: 'STOPSIGNAL is not a valid signal',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { dockerfileUtils: ['INVALID_SIGNAL'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'STOPSIGNAL') continue;
      const p = parseInstruction(ctx, info);
      if (p.keyword !== 'STOPSIGNAL' || !p.args) continue; // DF002
      const value = p.args;
      if (value.includes('$')) continue; // expanded at build time
      const unquoted = /^"[^"]*"$|^'[^']*'$/.test(value) ? value.slice(1, -1) : value;
      if (isValidSignal(unquoted)) continue;
      const hint = /^[0-9]+$/.test(unquoted)
        ? 'signal 0 does not exist'
        : /\s#/.test(value)
          ? 'Dockerfiles have no inline comments, so the comment is part of the value'
          : 'expected a name such as SIGTERM, SIGINT or SIGQUIT, or a signal number';
      ctx.report({ range: p.logical.range(p.argsStart, p.argsEnd), message: `Invalid STOPSIGNAL "${value}": ${hint}` });
    }
  },
};
