import type { DockerfileRule } from '../types';
import { referenceProblem } from './_reference';
import { flagSpec, parseInstruction } from './_syntax';

export const rule: DockerfileRule = {
  code: 'DF009',
  name: 'invalid-flag-value',
  title: 'Flag without its value, non-boolean value on a boolean flag, or invalid --from',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { dockerfileUtils: ['FLAG_MISSING_VALUE', 'FLAG_EXPECTED_BOOLEAN_VALUE', 'FLAG_INVALID_FROM_VALUE'] },
  check(ctx) {
    const stages = ctx.model.stages;
    let stageNames: Set<string> | undefined;
    // Podman/Buildah (which read Containerfiles) expand variables in --from; BuildKit does not.
    const buildah = /containerfile/i.test((ctx.filePath ?? '').split(/[\\/]/).pop() ?? '');
    for (const info of ctx.model.instructions) {
      const p = parseInstruction(ctx, info);
      const spec = flagSpec(p);
      if (!spec) continue;
      for (const f of p.flags) {
        const type = Object.prototype.hasOwnProperty.call(spec, f.name) ? spec[f.name] : undefined;
        if (!type) continue; // DF007
        const whole = p.logical.range(f.start, f.end);
        if (type === 'bool') {
          if (f.value === null) continue;
          if (f.value === '') {
            ctx.report({ range: whole, message: `Flag --${f.name} has "=" but no value: write --${f.name} or --${f.name}=true|false` });
          } else if (!/^(true|false)$/i.test(f.value)) {
            ctx.report({
              range: p.logical.range(f.valueStart!, f.end),
              message: `Flag --${f.name} expects true or false, not "${f.value}"`,
            });
          }
          continue;
        }
        if (f.value === null) {
          ctx.report({ range: whole, message: `Flag --${f.name} needs a value: --${f.name}=<value>` });
          continue;
        }
        if (p.keyword === 'COPY' && f.name === 'from' && f.value !== '' && !info.onbuild) {
          const v = f.value;
          const vr = p.logical.range(f.valueStart!, f.end);
          if (v.includes('$')) {
            if (buildah) continue;
            ctx.report({
              range: vr,
              message: `--from="${v}": variables are not expanded in --from; declare a stage (FROM ${v} AS <name>) and copy from it`,
            });
            continue;
          }
          if (/^[+-]?\d+$/.test(v)) {
            if (!stages.length) continue; // no FROM at all: DF004
            const n = Number(v);
            if (n < 0 || n >= stages.length) {
              ctx.report({ range: vr, message: `--from=${v}: there is no stage with index ${v} (stages are numbered 0 to ${stages.length - 1})` });
            }
            continue;
          }
          stageNames ??= new Set(stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => !!n));
          if (stageNames.has(v.toLowerCase())) continue;
          const pr = referenceProblem(v);
          if (pr) ctx.report({ range: vr, message: `--from="${v}" is neither a stage name nor a valid image reference: ${pr.message}` });
        }
      }
    }
  },
};
