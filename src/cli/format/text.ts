/**
 * Human output, like eslint's "stylish": the file, then one line per finding
 * (`line:col  severity  message  CODE`), then a summary. Pure.
 */
import type { Severity } from '../../dockerfile/types';
import type { FileResult } from '../run';
import { plural, summarize } from './common';

export interface TextOptions {
  readonly color: boolean;
  /** Only the summary line when there are findings; nothing when clean. */
  readonly quiet?: boolean;
  /** `--fix` was given (report what was fixed). */
  readonly fix?: boolean;
}

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
  gray: '\u001b[90m',
};

type Style = keyof typeof ANSI;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan', style: 'blue' };

/** Display width of a string (ANSI codes excluded; every code unit one column). */
function width(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

/** Keeps a message on one line (a message with a line break would break the columns). */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

export function formatText(results: readonly FileResult[], opts: TextOptions): string {
  const c = (style: Style, s: string): string => (opts.color ? ANSI[style] + s + ANSI.reset : s);
  const out: string[] = [];
  for (const r of results) {
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const f of r.fixed ?? []) notes.push(`  ${c('green', 'fixed')}  ${oneLine(f.title)}  ${c('gray', f.code)}`);
    for (const o of r.otherFiles ?? []) {
      if (!o.error) notes.push(`  ${c('green', o.action)}  ${o.path}`);
    }
    if (r.error) notes.push(`  ${c('red', 'error')}  ${oneLine(r.error)}`);
    for (const e of r.internalErrors ?? []) notes.push(`  ${c('red', 'internal')}  ${oneLine(e)}`);
    for (const f of r.findings) {
      rows.push([
        c('dim', `${f.range.start.line + 1}:${f.range.start.character + 1}`),
        c(SEVERITY_STYLE[f.severity], f.severity),
        oneLine(f.message),
        c('dim', f.code),
      ]);
    }
    if (!rows.length && !notes.length) continue;
    out.push(c('underline', r.file));
    out.push(...notes);
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => width(row[i]))));
    for (const row of rows) out.push(`  ${pad(row[0], widths[0])}  ${pad(row[1], widths[1])}  ${pad(row[2], widths[2])}  ${row[3]}`);
    out.push('');
  }

  const s = summarize(results);
  if (opts.fix && s.fixed) {
    out.push(c('green', `Fixed ${plural(s.fixed, 'problem')} in ${plural(s.filesFixed, 'file')}.`));
  }
  if (s.total) {
    const mark = s.bySeverity.error ? c('red', '✖') : c('yellow', '⚠');
    const parts = [
      plural(s.bySeverity.error, 'error'),
      plural(s.bySeverity.warning, 'warning'),
      `${s.bySeverity.info} info`,
      `${s.bySeverity.style} style`,
    ];
    out.push(`${mark} ${c('bold', plural(s.total, 'problem'))} (${parts.join(', ')}) in ${plural(s.filesWithFindings, 'file')}`);
    if (s.fixable && !opts.quiet) {
      out.push(c('dim', `  ${plural(s.fixable, 'problem')} fixable with --fix`));
    }
  } else if (!opts.quiet && s.files && !s.errors) {
    out.push(c('green', `✔ No problems in ${plural(s.files, 'file')}.`));
  }
  if (s.errors) out.push(c('red', `${plural(s.errors, 'file')} could not be linted.`));
  return out.length ? out.join('\n') + '\n' : '';
}
