/**
 * Parity with hadolint: run hadolint's own rule test vectors
 * (/work/shared/parity/hadolint-cases.json, see its README) through our
 * linter and count, per hadolint rule id, the cases where we agree.
 * The mapping DLxxxx -> our rules comes from each rule's `anchors.hadolint`.
 */
import { lintDockerfile } from '../../src/dockerfile/lint';
import { ALL_RULES } from '../../src/dockerfile/rules';
import type { DockerfileRule, Finding, SeveritySetting } from '../../src/dockerfile/types';

export interface ParityCase {
  readonly id: string;
  readonly rule: string;
  readonly expect: 'fires' | 'silent';
  readonly onbuild: boolean;
  readonly count?: number;
  readonly description?: string;
  readonly dockerfile: string;
}

export interface CaseOutcome {
  readonly case: ParityCase;
  /** Our codes mapped to the case's hadolint id. */
  readonly codes: string[];
  /** Findings of those codes. */
  readonly findings: Finding[];
  readonly agree: boolean;
  /** 'missed': hadolint fires, we don't; 'extra': we fire, hadolint doesn't; 'count': both fire, counts differ. */
  readonly kind: 'agree' | 'missed' | 'extra' | 'count';
  readonly errors: string[];
  /** The text we linted (after the ONBUILD transform and the final newline). */
  readonly text: string;
}

export interface ParityRow {
  readonly hadolint: string;
  readonly codes: string[];
  readonly cases: number;
  readonly agree: number;
  readonly missed: number;
  readonly extra: number;
  readonly countMismatch: number;
}

export interface ParityReport {
  readonly rows: ParityRow[];
  /** hadolint ids with no rule of ours, with their case counts. */
  readonly unmapped: { hadolint: string; cases: number }[];
  readonly total: { cases: number; agree: number; percent: number };
  readonly outcomes: CaseOutcome[];
  readonly ruleCount: number;
}

export function parseCases(json: string): ParityCase[] {
  const data = JSON.parse(json) as { cases?: unknown };
  if (!data || !Array.isArray(data.cases)) throw new Error('no "cases" array');
  return data.cases.filter(
    (c): c is ParityCase =>
      !!c &&
      typeof (c as ParityCase).id === 'string' &&
      typeof (c as ParityCase).rule === 'string' &&
      ((c as ParityCase).expect === 'fires' || (c as ParityCase).expect === 'silent') &&
      typeof (c as ParityCase).dockerfile === 'string',
  );
}

/**
 * hadolint's `onbuild` variant: every RUN instruction becomes `ONBUILD RUN`
 * (the README: write `ONBUILD ` in front of each RUN line). Continuation lines
 * and heredoc bodies are left alone.
 */
export function onbuildTransform(text: string): string {
  const lines = text.split('\n');
  let continued = false;
  let heredoc: string | undefined;
  return lines
    .map((line) => {
      const body = line.replace(/\r$/, '');
      if (heredoc !== undefined) {
        if (body.trim() === heredoc) heredoc = undefined;
        return line;
      }
      const isComment = /^\s*#/.test(body);
      let out = line;
      if (!continued && !isComment) {
        const m = /^(\s*)(RUN)(\s|$)/i.exec(line);
        if (m) out = `${m[1]}ONBUILD ${line.slice(m[1].length)}`;
        const h = /<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/.exec(body);
        if (h) heredoc = h[1];
      }
      if (!isComment) continued = /\\\s*$/.test(body);
      return out;
    })
    .join('\n');
}

/** hadolint id -> our rules (from `anchors.hadolint`). */
export function hadolintMap(rules: readonly DockerfileRule[] = ALL_RULES): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rules) {
    for (const id of r.anchors?.hadolint ?? []) {
      const k = id.toUpperCase();
      const l = m.get(k) ?? [];
      if (!l.includes(r.code)) l.push(r.code);
      m.set(k, l);
    }
  }
  return m;
}

/** Every rule on: rules off by default get `warning`. */
export function allOnSeverities(rules: readonly DockerfileRule[] = ALL_RULES): Record<string, SeveritySetting> {
  const s: Record<string, SeveritySetting> = {};
  for (const r of rules) if (r.defaultSeverity === 'off') s[r.code] = 'warning';
  return s;
}

export function runCase(c: ParityCase, codes: string[], severities: Record<string, SeveritySetting>): CaseOutcome {
  // hadolint's tests add one newline at the end before parsing.
  const text = (c.onbuild ? onbuildTransform(c.dockerfile) : c.dockerfile) + '\n';
  const r = lintDockerfile(text, { config: { severities } });
  const set = new Set(codes);
  const findings = r.findings.filter((f) => set.has(f.code));
  let kind: CaseOutcome['kind'];
  if (c.expect === 'silent') kind = findings.length ? 'extra' : 'agree';
  else if (!findings.length) kind = 'missed';
  else if (c.count !== undefined && findings.length !== c.count) kind = 'count';
  else kind = 'agree';
  return { case: c, codes, findings, agree: kind === 'agree', kind, errors: r.errors, text };
}

export function runParity(cases: readonly ParityCase[], rules: readonly DockerfileRule[] = ALL_RULES): ParityReport {
  const map = hadolintMap(rules);
  const severities = allOnSeverities(rules);
  const byId = new Map<string, ParityCase[]>();
  for (const c of cases) {
    const k = c.rule.toUpperCase();
    const l = byId.get(k) ?? [];
    l.push(c);
    byId.set(k, l);
  }
  const rows: ParityRow[] = [];
  const unmapped: { hadolint: string; cases: number }[] = [];
  const outcomes: CaseOutcome[] = [];
  for (const id of [...byId.keys()].sort()) {
    const list = byId.get(id)!;
    const codes = map.get(id);
    if (!codes?.length) {
      unmapped.push({ hadolint: id, cases: list.length });
      continue;
    }
    const row = { hadolint: id, codes, cases: list.length, agree: 0, missed: 0, extra: 0, countMismatch: 0 };
    for (const c of list) {
      const o = runCase(c, codes, severities);
      outcomes.push(o);
      if (o.kind === 'agree') row.agree++;
      else if (o.kind === 'missed') row.missed++;
      else if (o.kind === 'extra') row.extra++;
      else row.countMismatch++;
    }
    rows.push(row);
  }
  const tc = rows.reduce((n, r) => n + r.cases, 0);
  const ta = rows.reduce((n, r) => n + r.agree, 0);
  return { rows, unmapped, total: { cases: tc, agree: ta, percent: tc ? (100 * ta) / tc : 0 }, outcomes, ruleCount: rules.length };
}

function pct(a: number, n: number): string {
  return n ? `${((100 * a) / n).toFixed(1)}%` : '–';
}

/** The report as Markdown: a table per hadolint id, the unmapped ids, the total. */
export function parityMarkdown(report: ParityReport, casesTotal: number): string {
  const out: string[] = [];
  out.push('| hadolint | ours | cases | agree | % | missed | extra | count ≠ |');
  out.push('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of report.rows) {
    out.push(`| ${r.hadolint} | ${r.codes.join(', ')} | ${r.cases} | ${r.agree} | ${pct(r.agree, r.cases)} | ${r.missed} | ${r.extra} | ${r.countMismatch} |`);
  }
  const t = report.total;
  out.push(`| **total (mapped ids)** | | **${t.cases}** | **${t.agree}** | **${pct(t.agree, t.cases)}** | ${sum(report.rows, 'missed')} | ${sum(report.rows, 'extra')} | ${sum(report.rows, 'countMismatch')} |`);
  out.push('');
  out.push(
    `${report.rows.length} hadolint ids mapped to our rules, ${report.unmapped.length} not mapped ` +
      `(${report.unmapped.reduce((n, u) => n + u.cases, 0)} of ${casesTotal} cases): ` +
      (report.unmapped.length ? report.unmapped.map((u) => `${u.hadolint} (${u.cases})`).join(', ') : 'none') +
      '.',
  );
  out.push('');
  out.push(
    '_missed_: hadolint fires, we stay silent. _extra_: we fire where hadolint stays silent. ' +
      '_count ≠_: both fire but hadolint\'s test expects a different number of findings. ' +
      'Where one rule of ours covers several hadolint ids (e.g. multiple CMD / ENTRYPOINT / HEALTHCHECK), ' +
      'any finding of that rule counts for each id.',
  );
  return out.join('\n');
}

function sum(rows: ParityRow[], k: 'missed' | 'extra' | 'countMismatch'): number {
  return rows.reduce((n, r) => n + r[k], 0);
}

export function disagreementsText(report: ParityReport): string {
  const out: string[] = [];
  for (const o of report.outcomes) {
    if (o.agree) continue;
    const c = o.case;
    const what =
      o.kind === 'missed'
        ? `hadolint fires${c.count !== undefined ? ` (${c.count})` : ''}, we are silent`
        : o.kind === 'extra'
          ? `hadolint is silent, we fire ${o.findings.length}×`
          : `hadolint expects ${c.count}, we fire ${o.findings.length}×`;
    out.push(`## ${c.id} (${o.codes.join(', ')}): ${what}${c.onbuild ? ' [onbuild]' : ''}`);
    if (c.description) out.push(`   "${c.description}"`);
    for (const line of o.text.replace(/\n$/, '').split('\n')) out.push(`   | ${line}`);
    for (const f of o.findings) out.push(`   -> ${f.code} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);
    for (const e of o.errors) out.push(`   !! ${e}`);
    out.push('');
  }
  return out.join('\n');
}
