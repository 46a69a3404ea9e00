/**
 * ADD sources for DF070/DF071: each source with its range and what it is (remote URL, git
 * repository, archive that ADD extracts, variable, plain local file). Pure; never throws.
 */
import type { JSONInstruction } from 'dockerfile-ast';
import type { Range } from '../../util/text';
import type { InstructionInfo } from '../model';
import type { RuleContext } from '../types';

export type SourceKind = 'url' | 'git' | 'archive' | 'variable' | 'local';

export interface AddSource {
  readonly value: string;
  readonly range: Range;
  readonly kind: SourceKind;
}

/** Compression/archive formats ADD auto-extracts (tar, optionally gzip/bzip2/xz/zstd/compress). */
const ARCHIVE = /\.(tar|tgz|taz|tz|tbz|tbz2|tb2|txz|tlz|tzst|tpz|gz|bz2|xz|lz|lzma|zst|z)$/i;

export function classifySource(value: string): SourceKind {
  const v = value.trim();
  if (/^git@[^:\s]+:/.test(v) || /^git:\/\//i.test(v)) return 'git';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return /\.git([#?].*)?$/i.test(v) ? 'git' : 'url';
  if (v.startsWith('$')) return 'variable';
  // `target/${JAR}`: the name comes from a variable; its extension is unknown.
  if (/\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)$/.test(v)) return 'variable';
  if (ARCHIVE.test(v)) return 'archive';
  return 'local';
}

function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

/** The sources of an ADD (all arguments but the destination); empty for heredocs and malformed ADDs. */
export function addSources(ctx: RuleContext, info: InstructionInfo): AddSource[] {
  try {
    const node = info.node as JSONInstruction;
    const items: { value: string; range: Range }[] = [];
    if (typeof node.getOpeningBracket === 'function' && node.getOpeningBracket() && node.getClosingBracket()) {
      for (const s of node.getJSONStrings()) {
        const r = s.getRange();
        let v: string;
        try {
          v = JSON.parse(ctx.lines.textOf(r)) as string;
        } catch {
          v = s.getJSONValue();
        }
        items.push({ value: v, range: r });
      }
    } else {
      for (const a of node.getArguments()) items.push({ value: unquote(a.getValue()), range: a.getRange() });
    }
    if (items.length < 2 || items.some((i) => i.value.startsWith('<<'))) return [];
    return items.slice(0, -1).map((i) => ({ ...i, kind: classifySource(i.value) }));
  } catch {
    return [];
  }
}
