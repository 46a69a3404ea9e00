import type { CNode, CScalar } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import { once } from './_raw';
import { replace } from './_edit';

/**
 * Where a YAML 1.1 boolean word matters, as paths from the root (`*` any
 * key of a mapping, `[]` any item of a list):
 * - `bool`: fields compose-go casts with `toBoolean` (or the schema types as
 *   boolean): `yes`/`on`/`y` work as true and `no`/`off`/`n` as false, with
 *   the warning "… for boolean is not supported by YAML 1.2".
 * - `string`: values Compose keeps as text (environment, labels, build args,
 *   annotations, `restart`): Compose (YAML 1.2) reads `yes` as the string
 *   "yes", YAML 1.1 readers (docker stack deploy's go-yaml v2,
 *   docker-compose v1, PyYAML tools) as the boolean true.
 */
const BOOL_PATHS = [
  ...['attach', 'init', 'oom_kill_disable', 'privileged', 'read_only', 'stdin_open', 'tty', 'use_api_socket'].map((k) => `services.*.${k}`),
  'services.*.build.no_cache',
  'services.*.build.pull',
  'services.*.build.privileged',
  'services.*.depends_on.*.restart',
  'services.*.depends_on.*.required',
  'services.*.env_file.[].required',
  'services.*.healthcheck.disable',
  'services.*.volumes.[].read_only',
  'services.*.volumes.[].bind.create_host_path',
  'services.*.volumes.[].volume.nocopy',
  'services.*.post_start.[].privileged',
  'services.*.pre_stop.[].privileged',
  ...['external', 'internal', 'attachable', 'enable_ipv4', 'enable_ipv6'].map((k) => `networks.*.${k}`),
  'volumes.*.external',
  'secrets.*.external',
  'configs.*.external',
];
const STRING_PATHS = [
  'services.*.environment.*',
  'services.*.labels.*',
  'services.*.annotations.*',
  'services.*.build.args.*',
  'services.*.build.labels.*',
  'services.*.deploy.labels.*',
  'services.*.post_start.[].environment.*',
  'services.*.pre_stop.[].environment.*',
  'services.*.restart',
  ...['networks', 'volumes', 'secrets', 'configs'].map((k) => `${k}.*.labels.*`),
];

/** YAML 1.1 booleans that YAML 1.2 (and so Compose) reads as strings, in the case variants YAML 1.1 knows. */
const YAML11_WORD = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const TRUE_WORD = /^(y|yes|on)$/i;
const FALSE_WORD = /^(n|no|off)$/i;

interface Hit {
  scalar: CScalar;
  path: string[];
  kind: 'bool' | 'string';
}

function walk(n: CNode | undefined, pattern: string[], i: number, path: string[], kind: Hit['kind'], out: Hit[]): void {
  if (!n) return;
  if (i === pattern.length) {
    if (n.kind === 'scalar') out.push({ scalar: n, path, kind });
    return;
  }
  const seg = pattern[i];
  if (seg === '[]') {
    if (n.kind === 'seq') n.items.forEach((it) => walk(it, pattern, i + 1, path, kind, out));
    return;
  }
  if (n.kind !== 'map') return;
  for (const e of n.entries) {
    if (seg !== '*' && e.key !== seg) continue;
    walk(e.value, pattern, i + 1, [...path, e.key], kind, out);
  }
}

function describe(h: Hit): string {
  const [top, name, ...rest] = h.path;
  const where = rest.join('.');
  if (top === 'services') return `service "${name}": ${where}`;
  return `${top.replace(/s$/, '')} "${name}": ${where}`;
}

function check(ctx: ComposeRuleContext): void {
  const hits: Hit[] = [];
  for (const p of BOOL_PATHS) walk(ctx.root, p.split('.'), 0, [], 'bool', hits);
  for (const p of STRING_PATHS) walk(ctx.root, p.split('.'), 0, [], 'string', hits);
  const first = once();
  for (const h of hits) {
    const s = h.scalar;
    if (typeof s.value !== 'string' || s.tag) continue;
    if (h.kind === 'bool') {
      // compose-go lower-cases the text: any case works (and warns), quoted or not.
      const t = TRUE_WORD.test(s.value) ? 'true' : FALSE_WORD.test(s.value) ? 'false' : undefined;
      if (!t || !first(s.range)) continue;
      const written = ctx.lines.textOf(s.range);
      ctx.report({
        range: s.range,
        message: `${describe(h)}: ${written} is a YAML 1.1 boolean: Compose reads it as ${t} but warns that YAML 1.2 wants \`${t}\``,
        fixes: [{ title: `Write \`${t}\``, edits: [replace(s.range, t)], preferred: true }],
      });
      continue;
    }
    // Strings: only plain (unquoted) words are read as booleans by YAML 1.1.
    if (s.plain === undefined || !YAML11_WORD.test(s.plain) || !first(s.range)) continue;
    const as = TRUE_WORD.test(s.plain) ? 'true' : 'false';
    ctx.report({
      range: s.range,
      message: `${describe(h)}: ${s.plain} is read as the string "${s.plain}" by Compose but as the boolean ${as} by YAML 1.1 parsers (docker stack deploy, docker-compose v1): quote it`,
      fixes: [{ title: `Quote it: "${s.plain}"`, edits: [replace(s.range, `"${s.plain}"`)], preferred: true }],
    });
  }
}

export const rule: ComposeRule = {
  code: 'CM015',
  name: 'yaml11-boolean',
  title: 'A YAML 1.1 boolean word (yes/no/on/off/y/n) where YAML 1.1 and YAML 1.2 readers disagree',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { other: ['compose-go loader/interpolate.go toBoolean warning', 'yamllint truthy'] },
  check,
};
