/**
 * Compose variable interpolation (compose-go `template`): `$$`, `$VAR`,
 * `${VAR}`, `${VAR:-d}`, `${VAR-d}`, `${VAR:?err}`, `${VAR?err}`,
 * `${VAR:+r}`, `${VAR+r}`, defaults interpolated recursively. A variable with
 * no value and no default becomes "" (as compose does) and is reported.
 */
import type { Range } from '../util/text';
import type { ComposeProblem } from './model';
import { mapScalars, type CNode, type CScalar } from './node';

export interface InterpolationIssue {
  kind: 'unresolved' | 'required' | 'syntax';
  variable?: string;
  message: string;
  /** Offsets in the input string. */
  start: number;
  end: number;
}

export interface InterpolationResult {
  value: string;
  issues: InterpolationIssue[];
}

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

export type Lookup = (name: string) => string | undefined;

/** Interpolates one string. Never throws. */
export function interpolateString(input: string, lookup: Lookup, offset = 0): InterpolationResult {
  const issues: InterpolationIssue[] = [];
  let out = '';
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (next === '{') {
      const close = findClose(input, i + 2);
      if (close < 0) {
        issues.push({ kind: 'syntax', message: `Invalid interpolation format: "${input}"`, start: offset + i, end: offset + input.length });
        out += input.slice(i);
        break;
      }
      const body = input.slice(i + 2, close);
      const m = NAME.exec(body);
      if (!m) {
        issues.push({ kind: 'syntax', message: `Invalid interpolation format: "\${${body}}"`, start: offset + i, end: offset + close + 1 });
        i = close + 1;
        continue;
      }
      const name = m[0];
      const rest = body.slice(name.length);
      const value = lookup(name);
      const start = offset + i;
      const end = offset + close + 1;
      const argOffset = offset + i + 2 + name.length;
      const sub = (s: string, skip: number): string => {
        const r = interpolateString(s, lookup, argOffset + skip);
        issues.push(...r.issues);
        return r.value;
      };
      if (rest === '') {
        if (value === undefined) issues.push({ kind: 'unresolved', variable: name, message: `The "${name}" variable is not set. Defaulting to a blank string.`, start, end });
        out += value ?? '';
      } else if (rest.startsWith(':-')) {
        out += value === undefined || value === '' ? sub(rest.slice(2), 2) : value;
      } else if (rest.startsWith('-')) {
        out += value === undefined ? sub(rest.slice(1), 1) : value;
      } else if (rest.startsWith(':?') || rest.startsWith('?')) {
        const colon = rest[0] === ':';
        const missing = value === undefined || (colon && value === '');
        if (missing) {
          const msg = sub(rest.slice(colon ? 2 : 1), colon ? 2 : 1);
          issues.push({ kind: 'required', variable: name, message: `required variable ${name} is missing a value${msg ? `: ${msg}` : ''}`, start, end });
        } else out += value;
      } else if (rest.startsWith(':+')) {
        out += value !== undefined && value !== '' ? sub(rest.slice(2), 2) : '';
      } else if (rest.startsWith('+')) {
        out += value !== undefined ? sub(rest.slice(1), 1) : '';
      } else {
        issues.push({ kind: 'syntax', message: `Invalid interpolation format: "\${${body}}"`, start, end });
      }
      i = close + 1;
      continue;
    }
    const m = NAME.exec(input.slice(i + 1));
    if (m) {
      const name = m[0];
      const value = lookup(name);
      if (value === undefined) {
        issues.push({ kind: 'unresolved', variable: name, message: `The "${name}" variable is not set. Defaulting to a blank string.`, start: offset + i, end: offset + i + 1 + name.length });
      }
      out += value ?? '';
      i += 1 + name.length;
      continue;
    }
    // A lone `$` stays (compose-go keeps it).
    out += '$';
    i++;
  }
  return { value: out, issues };
}

function findClose(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '$') {
      i++;
      continue;
    }
    if (s[i] === '$' && s[i + 1] === '{') {
      depth++;
      i++;
      continue;
    }
    if (s[i] === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** Range of a sub-string of a scalar: exact when the value maps 1:1 onto its source, else the whole scalar. */
function subRange(s: CScalar, start: number, end: number): Range {
  if (s.exact !== undefined) {
    const c = s.range.start.character + s.exact;
    return { start: { line: s.range.start.line, character: c + start }, end: { line: s.range.start.line, character: c + end } };
  }
  return s.range;
}

/** Interpolates every string scalar of a tree (keys are not interpolated); reports problems. */
export function interpolateTree(root: CNode, lookup: Lookup, problems: ComposeProblem[]): CNode {
  return mapScalars(root, (s) => {
    if (typeof s.value !== 'string' || !s.value.includes('$')) return s;
    const r = interpolateString(s.value, lookup);
    for (const is of r.issues) {
      problems.push({
        code: is.kind === 'unresolved' ? 'unresolved-variable' : 'interpolation',
        severity: is.kind === 'unresolved' ? 'warning' : 'error',
        message: is.message,
        file: s.file,
        range: subRange(s, is.start, is.end),
        variable: is.variable,
      });
    }
    return { ...s, value: r.value, exact: r.value === s.value ? s.exact : undefined };
  });
}
