import type { DockerfileRule } from '../types';
import { allLabelPairs } from './_labels';
import { SPDX_LICENSE_IDS } from './_spdx';

let spdxIds: Set<string> | undefined;

function isSpdxId(id: string): boolean {
  spdxIds ??= new Set(SPDX_LICENSE_IDS.map((x) => x.toLowerCase()));
  const bare = id.endsWith('+') ? id.slice(0, -1) : id;
  return spdxIds.has(bare.toLowerCase()) || /^(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(id);
}

/** An SPDX license expression: ids joined by AND/OR, `WITH <exception>`, parentheses. */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.match(/\(|\)|[^\s()]+/g);
  if (!tokens) return false;
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const simple = (): boolean => {
    const t = peek();
    if (t === '(') {
      i++;
      if (!expr()) return false;
      if (peek() !== ')') return false;
      i++;
      return true;
    }
    if (!t || t === ')' || /^(AND|OR|WITH)$/i.test(t) || !isSpdxId(t)) return false;
    i++;
    if (peek()?.toUpperCase() === 'WITH') {
      i++;
      const ex = peek();
      if (!ex || !/^[A-Za-z0-9.+-]+$/.test(ex)) return false;
      i++;
    }
    return true;
  };
  const expr = (): boolean => {
    if (!simple()) return false;
    while (peek() && /^(AND|OR)$/i.test(peek()!)) {
      i++;
      if (!simple()) return false;
    }
    return true;
  };
  return expr() && i === tokens.length;
}

const RFC3339 =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
// semver.org's recommended expression (an optional leading "v" is not semver).
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const GIT_HASH = /^(?:[0-9a-f]{7}|[0-9a-f]{40}|[0-9a-f]{64})$/;

function isUrl(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1];
}

function isEmail(value: string): boolean {
  if (value.length > 254) return false;
  const m = /^(?:[^<>]*<([^<>]+)>)$/.exec(value); // "Jane Doe <jane@example.com>" (RFC 5322 name-addr)
  const addr = m ? m[1] : value;
  return EMAIL.test(addr) && addr.split('@')[0].length <= 64;
}

const FORMATS: Record<string, { test: (v: string) => boolean; what: string }> = {
  url: { test: isUrl, what: 'a URL' },
  rfc3339: { test: isRfc3339, what: 'an RFC 3339 date-time' },
  spdx: { test: isSpdxExpression, what: 'an SPDX license expression' },
  hash: { test: (v) => GIT_HASH.test(v), what: 'a git commit hash' },
  semver: { test: (v) => SEMVER.test(v), what: 'a semantic version' },
  email: { test: isEmail, what: 'an email address' },
};

export const rule: DockerfileRule = {
  code: 'DF113',
  name: 'label-value-format',
  title: 'Label value does not match the format the label schema requires',
  defaultSeverity: 'off',
  fix: 'no',
  anchors: { hadolint: ['DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'] },
  check(ctx) {
    const schema = ctx.options.labelSchema;
    if (!schema || typeof schema !== 'object') return;
    const keys = Object.keys(schema);
    if (!keys.length) return;
    for (const pair of allLabelPairs(ctx.model)) {
      if (!Object.prototype.hasOwnProperty.call(schema, pair.name)) continue;
      const format = FORMATS[String(schema[pair.name]).toLowerCase()];
      if (!format || pair.value === null || !pair.valueRange) continue;
      const value = pair.value.trim();
      // Empty values are DF111's; values with build-arg expansions are only known at build time.
      if (!value || /\$/.test(value)) continue;
      if (format.test(value)) continue;
      ctx.report({ range: pair.valueRange, message: `Label "${pair.name}" value "${value}" is not ${format.what}` });
    }
  },
};
