import type { FileChange, Fix } from '../../dockerfile/types';
import { isSecretName, isSettingValue, nameParts } from '../../dockerfile/rules/_secrets';
import { LineIndex, type Range } from '../../util/text';
import { parseDotenv } from '../dotenv';
import { slashPath } from '../lintProject';
import type { CNode, CScalar } from '../node';
import { dirnamePath, joinPath } from '../paths';
import type { ComposeRule, ComposeRuleContext } from './types';
import { isFlow, once, rawServices } from './_raw';
import { replace } from './_edit';

const VAR_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

/**
 * A secret-like key (BuildKit's word list, as the Dockerfile rules read it),
 * except where `auth` is the only such word: in compose files that names an
 * auth method or setting (`REGISTRY_AUTH=htpasswd`, `GF_AUTH_ANONYMOUS_ORG_ROLE`).
 */
export function isSecretKey(key: string): boolean {
  return isSecretName(key) && nameParts(key).some((p) => p !== 'auth' && isSecretName(p));
}

/** The value as Compose reads it when it holds no variable reference (`$$` is a literal `$`); undefined otherwise. */
function literalOf(raw: string): string | undefined {
  const stripped = raw.replace(/\$\$/g, '');
  if (stripped.includes('$')) return undefined;
  return raw.replace(/\$\$/g, '$');
}

/** `KEY=value` for a `.env` file that compose's dotenv reads back as `value`, or undefined. */
export function dotenvLine(key: string, value: string): string | undefined {
  let enc: string | undefined;
  if (/^[^\s#$'"\\`]+$/.test(value)) enc = value;
  else if (!/['\r\n]/.test(value)) enc = `'${value}'`;
  if (enc === undefined) return undefined;
  const line = `${key}=${enc}`;
  return parseDotenv(line + '\n').values[key] === value ? line : undefined;
}

interface Candidate {
  key: string;
  /** What Compose passes to the container. */
  literal: string;
  /** Range of the value text (without quotes). */
  valueRange: Range;
  /** The edit that replaces the value with `${KEY}`, when it can be made safely. */
  edit?: { range: Range; newText: string };
  service: string;
}

function fromMapEntry(ctx: ComposeRuleContext, env: CNode, key: string, v: CNode, service: string): Candidate | undefined {
  if (v.kind !== 'scalar' || v.value === null || v.tag) return undefined;
  const raw = String(v.value);
  const literal = literalOf(raw);
  if (literal === undefined) return undefined;
  const written = ctx.lines.textOf(v.range);
  const q = written[0] === '"' || written[0] === "'" ? written[0] : '';
  let edit: Candidate['edit'];
  if (VAR_NAME.test(key) && v.range.start.line === v.range.end.line) {
    const quote = q || (isFlow(ctx, env) ? '"' : '');
    if (q || v.plain !== undefined) edit = { range: v.range, newText: `${quote}\${${key}}${quote}` };
  }
  const valueRange =
    q && v.range.start.line === v.range.end.line
      ? { start: { ...v.range.start, character: v.range.start.character + 1 }, end: { ...v.range.end, character: v.range.end.character - 1 } }
      : v.range;
  return { key, literal, valueRange, edit, service };
}

function fromListItem(ctx: ComposeRuleContext, env: CNode, it: CNode, service: string): Candidate | undefined {
  if (it.kind !== 'scalar' || typeof it.value !== 'string' || it.tag) return undefined;
  const eq = it.value.indexOf('=');
  if (eq <= 0) return undefined;
  const key = it.value.slice(0, eq);
  const literal = literalOf(it.value.slice(eq + 1));
  if (literal === undefined) return undefined;
  // Ranges inside the item only when its text maps 1:1 onto the source.
  let valueRange: Range = it.range;
  let edit: Candidate['edit'];
  if (it.exact !== undefined) {
    const line = it.range.start.line;
    const from = it.range.start.character + it.exact + eq + 1;
    valueRange = { start: { line, character: from }, end: { line, character: from + it.value.length - eq - 1 } };
    // A plain `${KEY}` cannot sit inside a flow list (`[A=${A}]` breaks on the braces).
    if (VAR_NAME.test(key) && !(it.plain !== undefined && isFlow(ctx, env))) edit = { range: valueRange, newText: `\${${key}}` };
  }
  return { key, literal, valueRange, edit, service };
}

function envFileChange(ctx: ComposeRuleContext, key: string, literal: string): FileChange | undefined | 'skip' {
  if (!ctx.workspace || !ctx.filePath) return undefined;
  const existing = ctx.env[key];
  if (existing !== undefined) return existing === literal ? undefined : 'skip';
  const line = dotenvLine(key, literal);
  if (!line) return undefined;
  const path = joinPath(dirnamePath(slashPath(ctx.filePath)), '.env');
  const content = ctx.workspace.readFile(path);
  if (content === undefined) return { path, create: line + '\n' };
  const idx = new LineIndex(content);
  const eol = content.includes('\r\n') ? '\r\n' : '\n';
  const end = idx.positionAt(content.length);
  const lead = content.length && !content.endsWith('\n') ? eol : '';
  return { path, edits: [{ range: { start: end, end }, newText: lead + line + eol }] };
}

export const rule: ComposeRule = {
  code: 'CM022',
  name: 'plaintext-secret-in-environment',
  title: 'A secret-like environment variable has its value written in the compose file',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { other: ['BuildKit SecretsUsedInArgOrEnv (analogue)', 'KICS Passwords And Secrets - Generic Password'] },
  check(ctx) {
    const first = once();
    for (const svc of rawServices(ctx.root)) {
      const env = svc.node.entries.find((e) => e.key === 'environment')?.value;
      if (!env) continue;
      const cands: Candidate[] = [];
      if (env.kind === 'map') {
        for (const e of env.entries) {
          if (!isSecretKey(e.key)) continue;
          const c = fromMapEntry(ctx, env, e.key, e.value, svc.name);
          if (c) cands.push(c);
        }
      } else if (env.kind === 'seq') {
        for (const it of env.items) {
          const s = it as CScalar;
          const key = typeof s.value === 'string' ? s.value.split('=')[0] : '';
          if (!key || !isSecretKey(key)) continue;
          const c = fromListItem(ctx, env, it, svc.name);
          if (c) cands.push(c);
        }
      }
      for (const c of cands) {
        if (c.literal.trim() === '' || isSettingValue(c.literal) || !first(c.valueRange)) continue;
        const fixes: Fix[] = [];
        if (c.edit) {
          const change = envFileChange(ctx, c.key, c.literal);
          if (change !== 'skip') {
            const edits = [replace(c.edit.range, c.edit.newText)];
            if (change) {
              fixes.push({
                title: `Move the value of ${c.key} to .env and read it as \${${c.key}}`,
                edits,
                files: [change],
                preferred: true,
              });
            } else if (ctx.env[c.key] === c.literal) {
              fixes.push({ title: `Read ${c.key} from .env as \${${c.key}}`, edits, preferred: true });
            } else {
              fixes.push({ title: `Read ${c.key} from the environment as \${${c.key}} (set it in .env or the shell)`, edits });
            }
          }
        }
        ctx.report({
          range: c.valueRange,
          message: `service "${c.service}": ${c.key} is set to a literal value in the compose file: keep secrets out of it (\${${c.key}} from .env, or a secret)`,
          fixes,
        });
      }
    }
  },
};
