import type { TextEdit } from '../../util/text';
import { get, type CNode, type CScalar } from '../node';
import type { ComposeRule, ComposeRuleContext } from './types';
import { backingImage, isAlpineTag, serviceSettings, type ImageRef } from './_backing';
import { linePrefix } from './_edit';
import { judgedImage } from './CM032';

type Tool = 'curl' | 'wget';

interface Tools {
  curl?: boolean;
  wget?: boolean;
  /** The image's own probe (exec words, compose-escaped). */
  probe?: string[];
  label: string;
}

/** General-purpose images whose variants are known to lack curl (and wget). */
function generalTools(ref: ImageRef, alpine: boolean): Tools | undefined {
  if (ref.repo.startsWith('gcr.io/distroless/')) return { curl: false, wget: false, label: 'distroless' };
  if (ref.repo === 'alpine') return { curl: false, wget: true, label: 'alpine' };
  if (ref.repo === 'busybox') return { curl: false, wget: true, label: 'busybox' };
  if (ref.repo === 'node' || ref.repo === 'python') {
    if (alpine) return { curl: false, wget: true, label: `${ref.repo} alpine` };
    if (ref.tag && /(^|-)slim\b/.test(ref.tag)) return { curl: false, wget: false, label: `${ref.repo} slim` };
  }
  return undefined;
}

function toolsOf(ctx: ComposeRuleContext, ref: ImageRef, alpine: boolean, tagKnown: boolean, svc: Parameters<typeof serviceSettings>[1]): Tools | undefined {
  const b = backingImage(ref, tagKnown, serviceSettings(ctx, svc));
  if (b) {
    const t = b.toolsFor(alpine);
    if (t.curl === undefined && t.wget === undefined) return undefined;
    const probe = b.kind === 'mongo' && b.major !== undefined && b.major < 6 ? undefined : b.probe;
    return { curl: t.curl, wget: t.wget, probe, label: b.label };
  }
  return generalTools(ref, alpine);
}

/** Whether a tool is missing in every variant the tag may name. */
function missing(t: Tools | undefined, tool: Tool): boolean {
  return t?.[tool] === false;
}

/** Offsets (in the value) of words in command position of a shell line: start, after `;`, `&&`, `||`, `|`, `(`, `$(`. */
function commandWords(line: string): { word: string; at: number }[] {
  const out: { word: string; at: number }[] = [];
  const re = /(^|;|&&|\|\||\||\(|`)\s*(?:(?:[A-Za-z_][A-Za-z0-9_]*=\S*|exec|command|timeout\s+\S+)\s+)*([^\s;&|()`]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    out.push({ word: m[2], at: m.index + m[0].length - m[2].length });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function toolOf(word: string): Tool | undefined {
  const base = word.replace(/^["']|["']$/g, '').split('/').pop();
  return base === 'curl' || base === 'wget' ? base : undefined;
}

/** The range of `len` characters at `at` inside a scalar's value, or the whole scalar when it does not map 1:1. */
function rangeIn(ctx: ComposeRuleContext, n: CScalar, at: number, len: number): CScalar['range'] {
  if (n.exact === undefined) return n.range;
  const start = ctx.lines.offsetAt(n.range.start) + n.exact + at;
  return ctx.lines.rangeOf(start, start + len);
}

function quoteLike(src: string, value: string): string {
  if (src.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (src.startsWith('"') || /^[\s"'&*!|>%@`#{[-]|: | #|[{}[\],]/.test(value)) return JSON.stringify(value);
  return value;
}

/** Replacement of the whole `test:` value by the image's probe, in the style it was written. */
function probeEdit(ctx: ComposeRuleContext, test: CNode, probe: string[]): TextEdit | undefined {
  const shell = probe.some((w) => w.includes('$'));
  const shellLine = probe.map((w) => (/[\s'"()]/.test(w) ? `"${w}"` : w)).join(' ');
  const src = ctx.lines.textOf(test.range);
  if (test.kind === 'scalar') {
    if (test.range.start.line !== test.range.end.line) return undefined;
    return { range: test.range, newText: quoteLike(src, shellLine) };
  }
  if (test.kind !== 'seq' || !test.items.length) return undefined;
  const words = shell ? ['CMD-SHELL', shellLine] : ['CMD', ...probe];
  const items = words.map((w) => JSON.stringify(w));
  if (src.trimStart().startsWith('[')) return { range: test.range, newText: `[${items.join(', ')}]` };
  const first = test.items[0];
  const prefix = linePrefix(ctx.lines, first.range.start);
  const m = /^(\s*)-(\s+)$/.exec(prefix);
  if (!m) return undefined;
  const last = test.items[test.items.length - 1];
  const start = ctx.lines.offsetAt(first.range.start);
  const end = ctx.lines.offsetAt(last.range.end);
  return { range: ctx.lines.rangeOf(start, end), newText: items.join(`${ctx.lines.eol}${m[1]}-${m[2]}`) };
}

export const rule: ComposeRule = {
  code: 'CM035',
  name: 'healthcheck-tool-missing',
  title: 'The healthcheck calls a tool the image does not ship',
  defaultSeverity: 'info',
  fix: 'partial',
  anchors: { other: ['DF121 (the Dockerfile twin)'] },
  check(ctx) {
    for (const svc of ctx.model.services) {
      if (get(svc.node, 'build')) continue; // locally built: the Dockerfile may install it
      const img = judgedImage(ctx, svc);
      if (!img) continue;
      const raw = ctx.root?.kind === 'map' ? get(get(ctx.root, 'services'), svc.name) : undefined;
      const hc = get(raw, 'healthcheck');
      const test = get(hc, 'test');
      if (!test || svc.healthcheck?.disable) continue;
      // Tools per variant: with an unknown tag, both the Debian and the Alpine variant must lack it.
      const variants = img.tagKnown ? [isAlpineTag(img.ref.tag)] : [false, true];
      const tools = variants.map((a) => toolsOf(ctx, img.ref, a, img.tagKnown, svc));
      if (!tools[0]) continue;
      const installs = [svc.command?.value, svc.entrypoint?.value].flat().filter((x): x is string => typeof x === 'string').join(' ');

      // Where the tool words are: exec items, or command positions of a shell line.
      const hits: { tool: Tool; range: CScalar['range'] }[] = [];
      const scanShell = (n: CNode | undefined): void => {
        if (n?.kind !== 'scalar' || typeof n.value !== 'string') return;
        for (const w of commandWords(n.value)) {
          const t = toolOf(w.word);
          if (t) hits.push({ tool: t, range: rangeIn(ctx, n, w.at, w.word.length) });
        }
      };
      if (test.kind === 'scalar') scanShell(test);
      else if (test.kind === 'seq' && test.items[0]?.kind === 'scalar') {
        const kind = String(test.items[0].value);
        if (kind === 'CMD') {
          const exe = test.items[1];
          const t = exe?.kind === 'scalar' ? toolOf(String(exe.value)) : undefined;
          if (t && exe.kind === 'scalar') hits.push({ tool: t, range: rangeIn(ctx, exe, 0, String(exe.value).length) });
        } else if (kind === 'CMD-SHELL') scanShell(test.items[1]);
      }
      const seen = new Set<Tool>();
      for (const h of hits) {
        if (seen.has(h.tool) || !tools.every((t) => missing(t, h.tool)) || new RegExp(`\\b${h.tool}\\b`).test(installs)) continue;
        seen.add(h.tool);
        const t = tools[0];
        const alt = h.tool === 'curl' && tools.every((x) => x?.wget) ? ' (busybox `wget -q --spider` is there)' : '';
        const edit = t.probe ? probeEdit(ctx, test, t.probe) : undefined;
        ctx.report({
          range: h.range,
          message: `service "${svc.name}": the healthcheck runs \`${h.tool}\`, which the ${t.label} image (${svc.image!.value}) does not ship: the check always fails${alt}${t.probe ? `; use \`${t.probe.join(' ').replace('$$', '$')}\`` : ''}`,
          fixes: edit ? [{ title: `Use the image's own probe (\`${t.probe![0]}\`)`, edits: [edit], preferred: true }] : [],
        });
      }
    }
  },
};

