import type { DockerfileRule, RuleContext } from '../types';
import { referenceProblem } from './_reference';
import { lex, parseInstruction, parseWords, splitWhitespace } from './_syntax';

/** ARGs BuildKit defines automatically in the global scope, with the values of a typical linux/amd64 build. */
const PLATFORM_ARGS: ReadonlyArray<[string, string]> = [
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
];

export const rule: DockerfileRule = {
  code: 'DF006',
  name: 'invalid-image-reference',
  title: 'Invalid image reference in FROM (bad name, tag or digest, or empty after ARG expansion)',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: {
    buildkit: ['InvalidDefaultArgInFrom'],
    dockerfileUtils: ['INVALID_REFERENCE_FORMAT', 'BASE_NAME_EMPTY'],
  },
  check(ctx) {
    let env: { values: Map<string, string>; declared: Set<string> } | undefined;
    const stageNames = new Set(ctx.model.stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => !!n));
    for (const stage of ctx.model.stages) {
      const info = stage.fromInfo;
      const p = parseInstruction(ctx, info);
      const text = p.logical.text;
      const args = splitWhitespace(text, p.argsStart, p.argsEnd);
      if (!args.length) continue; // DF002
      const img = args[0];
      const esc = ctx.model.escapeChar;
      const hasVar = img.raw.includes('$');
      env ??= globalArgEnv(ctx);
      const lexed = lex(text, img.start, img.end, esc, env.values);
      if (lexed.problems.length || lexed.value === undefined || lexed.unevaluated) continue; // DF012 / unknown
      const value = lexed.value;
      // An earlier (or any) stage name is not an image reference.
      if (stageNames.has(value.toLowerCase())) continue;
      if (!hasVar) {
        if (img.raw !== value) {
          // quoted: point at the whole word
          const pr = referenceProblem(value);
          if (pr) ctx.report({ range: p.logical.range(img.start, img.end), message: `Invalid image reference "${value}": ${pr.message}` });
          continue;
        }
        const pr = referenceProblem(value);
        if (!pr) continue;
        ctx.report({
          range: p.logical.range(img.start + pr.start, img.start + Math.max(pr.end, pr.start + 1)),
          message: `Invalid image reference "${value}": ${pr.message}`,
        });
        continue;
      }
      // Depends on ARGs: undeclared names are DF041's; judge with the declared defaults (BuildKit InvalidDefaultArgInFrom).
      if (lexed.vars.some((v) => !env!.declared.has(v))) continue;
      const range = p.logical.range(img.start, img.end);
      if (value === '') {
        ctx.report({
          range,
          severity: 'warning',
          message: `Base image "${img.raw}" is empty with the ARG defaults: give the ARG a default or always pass --build-arg`,
        });
        continue;
      }
      const pr = referenceProblem(value);
      if (pr) {
        ctx.report({
          range,
          severity: 'warning',
          message: `Base image "${img.raw}" expands to "${value}" with the ARG defaults, an invalid reference: ${pr.message}`,
        });
      }
    }
  },
};

/** Values of the global ARGs (before the first FROM) as BuildKit sees them without --build-arg. */
function globalArgEnv(ctx: RuleContext): { values: Map<string, string>; declared: Set<string> } {
  const values = new Map<string, string>();
  const declared = new Set<string>();
  for (const [k, v] of PLATFORM_ARGS) {
    values.set(k, v);
    declared.add(k);
  }
  for (const info of ctx.model.globalArgs) {
    const p = parseInstruction(ctx, info);
    for (const w of parseWords(p.logical.text, p.argsStart, p.argsEnd, ctx.model.escapeChar)) {
      const eq = w.raw.indexOf('=');
      const name = eq >= 0 ? w.raw.slice(0, eq) : w.raw;
      if (!name) continue;
      declared.add(name);
      if (eq < 0) {
        if (!PLATFORM_ARGS.some(([k]) => k === name)) values.delete(name);
        continue;
      }
      const v = lex(p.logical.text, w.start + eq + 1, w.end, ctx.model.escapeChar, values);
      if (v.value !== undefined) values.set(name, v.value);
      else values.delete(name);
    }
  }
  return { values, declared };
}
