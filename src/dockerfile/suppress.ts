/**
 * Inline suppression comments, ours and the ones teams already have:
 *   # dockyard-ignore=DF089,DF090         next instruction
 *   # dockyard-ignore-file=DF089           whole file (anywhere)
 *   # hadolint ignore=DL3008,DL3009        next instruction (mapped to our codes)
 *   # hadolint global ignore=DL3008        whole file
 *   # check=skip=JSONArgsRecommended       BuildKit directive at the top (whole file; `skip=all`)
 * Pure.
 */
import type { LineIndex } from '../util/text';
import type { DockerfileRule } from './types';

export interface Suppressions {
  /** Codes suppressed for the whole file ('*' = all). */
  readonly file: ReadonlySet<string>;
  /** Line (0-based) of a comment -> codes it suppresses for the next instruction. */
  readonly nextInstruction: ReadonlyMap<number, ReadonlySet<string>>;
}

const DIRECTIVE = /^\s*#\s*(dockyard-ignore-file|dockyard-ignore|hadolint\s+global\s+ignore|hadolint\s+ignore)\s*=\s*([A-Za-z0-9_,\s-]*)$/i;
const CHECK_DIRECTIVE = /^\s*#\s*check\s*=\s*(.*)$/i;

export interface ForeignIdMap {
  hadolint: Map<string, string[]>;
  buildkit: Map<string, string[]>;
}

export function foreignIdMap(rules: readonly DockerfileRule[]): ForeignIdMap {
  const hadolint = new Map<string, string[]>();
  const buildkit = new Map<string, string[]>();
  for (const r of rules) {
    for (const id of r.anchors?.hadolint ?? []) push(hadolint, id.toUpperCase(), r.code);
    for (const id of r.anchors?.buildkit ?? []) push(buildkit, id.toLowerCase(), r.code);
  }
  return { hadolint, buildkit };
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}

function splitIds(list: string): string[] {
  return list
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseSuppressions(lines: LineIndex, ids: ForeignIdMap): Suppressions {
  const file = new Set<string>();
  const nextInstruction = new Map<number, Set<string>>();
  let inHeader = true; // BuildKit directives only count before the first non-comment line
  const all = lines.text;
  for (let line = 0; line < lines.lineCount; line++) {
    // Fast path: a line starting with a visible ASCII character other than '#' is neither a comment nor blank.
    const c = all.charCodeAt(lines.starts[line]);
    if (c > 32 && c < 127 && c !== 35) {
      inHeader = false;
      continue;
    }
    const text = lines.lineText(line);
    const trimmed = text.trimStart();
    if (!trimmed.startsWith('#')) {
      if (trimmed.length) inHeader = false;
      continue;
    }
    if (inHeader) {
      const check = CHECK_DIRECTIVE.exec(trimmed);
      if (check) {
        for (const part of check[1].split(';')) {
          const [k, v] = part.split('=', 2).map((s) => s?.trim() ?? '');
          if (k.toLowerCase() !== 'skip' || !v) continue;
          for (const name of v.split(',').map((s) => s.trim().toLowerCase())) {
            if (name === 'all') file.add('*');
            for (const code of ids.buildkit.get(name) ?? []) file.add(code);
          }
        }
        continue;
      }
    }
    const m = DIRECTIVE.exec(trimmed);
    if (!m) continue;
    const kind = m[1].toLowerCase().replace(/\s+/g, ' ');
    const codes = new Set<string>();
    for (const id of splitIds(m[2])) {
      const upper = id.toUpperCase();
      if (kind.startsWith('hadolint')) for (const c of ids.hadolint.get(upper) ?? []) codes.add(c);
      else codes.add(upper);
    }
    if (kind === 'dockyard-ignore-file' || kind === 'hadolint global ignore') for (const c of codes) file.add(c);
    else nextInstruction.set(line, codes);
  }
  return { file, nextInstruction };
}
