/**
 * Secret detection shared by DF068 (secret-like ARG/ENV names) and DF069 (literal credential values):
 * which variable / option names denote secrets, known token formats, and whether a literal value
 * looks like a real credential rather than a placeholder, a path, a checksum name or a flag.
 * Pure; linear; never throws.
 */

/** Name parts that mark a secret (BuildKit's SecretsUsedInArgOrEnv list, plus a few spellings). */
const SECRET_PARTS = new Set([
  'apikey', 'apikeys', 'auth', 'credential', 'credentials', 'creds', 'key', 'keys', 'password', 'passwords',
  'pword', 'passwd', 'pass', 'pwd', 'secret', 'secrets', 'token', 'tokens', 'accesskey', 'secretkey',
  'privatekey', 'passphrase', 'authtoken',
]);

/** Parts that make the name about something public or about key material that is not secret. */
const PUBLIC_PARTS = new Set([
  'public', 'pub', 'gpg', 'pgp', 'gnupg', 'keyring', 'keyserver', 'keyservers', 'keyid', 'fingerprint',
  'fingerprints', 'apt', 'sha', 'sha1', 'sha256', 'sha512', 'md5', 'checksum', 'hash', 'digest', 'cache',
  'sort', 'no', 'skip', 'disable', 'disabled', 'recv', 'fetch', 'search', 'refresh', 'keyserver',
]);

/** A last part that makes the variable hold a reference or setting, not the secret itself. */
const SETTING_SUFFIXES = new Set([
  'file', 'files', 'path', 'dir', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'name', 'enabled',
  'enable', 'required', 'mode', 'type', 'method', 'provider', 'ttl', 'timeout', 'expiry', 'expires',
  'length', 'size', 'header', 'realm', 'algorithm', 'algo', 'version', 'backend', 'scheme', 'server',
  'user', 'username', 'location', 'stdin', 'prompt', 'helper', 'policy', 'format', 'env', 'sock', 'socket',
]);

/** Splits `AWS_SECRET_ACCESS_KEY`, `apiKey`, `--auth-token`, `x.y.password` into lowercase parts. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p.toLowerCase());
}

/** True when a variable or option name says it holds a secret (`DB_PASSWORD`, `NPM_TOKEN`, `apiKey`). */
export function isSecretName(name: string): boolean {
  let v = secretNames.get(name);
  if (v === undefined) {
    if (secretNames.size >= 4096) secretNames.clear();
    v = computeIsSecretName(name);
    secretNames.set(name, v);
  }
  return v;
}

/** isSecretName is a pure function of the name and names repeat across instructions, rules and lints. */
const secretNames = new Map<string, boolean>();

function computeIsSecretName(name: string): boolean {
  if (name === 'PWD' || name === 'OLDPWD') return false;
  const parts = nameParts(name);
  if (!parts.length) return false;
  if (!parts.some((p) => SECRET_PARTS.has(p))) return false;
  if (parts.some((p) => PUBLIC_PARTS.has(p))) return false;
  const last = parts[parts.length - 1];
  if (parts.length > 1 && SETTING_SUFFIXES.has(last)) return false;
  return true;
}

/** Values of ARG/ENV that are settings, not secrets: booleans and small numbers. */
export function isSettingValue(value: string): boolean {
  const v = unquote(value.trim());
  // booleans, small numbers, and paths/URLs that point to where the secret lives (`/run/secrets/x`)
  return /^(true|false|yes|no|on|off|none|null|\d{1,5})$/i.test(v) || /^(\/|~\/|[a-z][a-z0-9+.-]*:\/\/[^@\s]*$)/i.test(v);
}

const PLACEHOLDER =
  /example|changeme|change_?me|change-me|placeholder|dummy|your|xxx|sample|redacted|replace|insert|fake|test|secret|password|passwd|token|\*\*\*|\.\.\.|<|>|\{\{|%s|%\(|todo|default|localhost|notset|unset/i;

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/**
 * Whether a literal value (already known to sit under a secret name) looks like a real credential:
 * long enough, no expansion, not a path/URL/placeholder/number, several character classes and
 * some entropy. Deliberately conservative.
 */
export function looksLikeSecretValue(raw: string): boolean {
  const v = unquote(raw.trim());
  if (v.length < 8 || v.length > 4096) return false;
  if (/[\s$`]/.test(v)) return false;
  if (/^(\/|\.\.?\/|~|[A-Za-z]:\\)/.test(v) || v.includes('://')) return false;
  if (/^[\d.\-_:+]+$/.test(v)) return false;
  if (PLACEHOLDER.test(v)) return false;
  if (/^@?[\w.-]+@[\w.-]+\.[a-z]{2,}$/i.test(v)) return false; // an e-mail address
  let classes = 0;
  if (/[a-z]/.test(v)) classes++;
  if (/[A-Z]/.test(v)) classes++;
  if (/[0-9]/.test(v)) classes++;
  if (/[^A-Za-z0-9]/.test(v)) classes++;
  if (classes < 2) return false;
  return entropy(v) >= 2.5;
}

/** Parts that make a name unambiguously about a secret (unlike a bare `key`, often a public key id). */
const STRONG_PARTS = new Set([
  'apikey', 'apikeys', 'credential', 'credentials', 'creds', 'password', 'passwords', 'pword', 'passwd', 'pass', 'pwd',
  'secret', 'secrets', 'token', 'tokens', 'secretkey', 'privatekey', 'passphrase', 'authtoken',
]);

/** Lengths of key ids, fingerprints and digests written in hex (8/16 ids, 32 md5, 40 sha1/fingerprint, 64/128 sha2). */
const HEX_ID = /^(0x)?([0-9a-f]{8}|[0-9a-f]{16}|[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i;

/**
 * `looksLikeSecretValue`, plus: a hex key id / fingerprint / digest under a name that only says
 * "key" (`key=B97B0AFC…`, `KEY_ID`, `SIGNING_KEY`) is public key material, not a secret.
 */
export function plausibleSecret(name: string, value: string): boolean {
  if (!looksLikeSecretValue(value)) return false;
  if (HEX_ID.test(unquote(value.trim())) && !nameParts(name).some((p) => STRONG_PARTS.has(p))) return false;
  return true;
}

export function unquote(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}

export interface TokenMatch {
  readonly kind: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface TokenFormat {
  readonly kind: string;
  readonly re: RegExp;
  /** Literal strings one of which every match contains (the regexes are case-sensitive): a cheap test before the regex. */
  readonly hints: readonly string[];
  /** Capture group holding the secret (default: the whole match). */
  readonly group?: number;
  readonly reject?: (s: string) => boolean;
}

const B = '(?<![A-Za-z0-9_])';
const E = '(?![A-Za-z0-9_])';

const FORMATS: readonly TokenFormat[] = [
  { kind: 'AWS access key id', hints: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'], re: new RegExp(`(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Z0-9])`, 'g'), reject: (s) => /EXAMPLE/.test(s) },
  { kind: 'GitHub token', hints: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], re: new RegExp(`${B}gh[pousr]_[A-Za-z0-9]{36,255}${E}`, 'g') },
  { kind: 'GitHub token', hints: ['github_pat_'], re: new RegExp(`${B}github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{40,}${E}`, 'g') },
  { kind: 'GitLab token', hints: ['glpat-', 'gldt-', 'glrt-', 'glptt-', 'glcbt-'], re: new RegExp(`${B}gl(?:pat|dt|rt|ptt|cbt)-[A-Za-z0-9_-]{20,}`, 'g') },
  { kind: 'Slack token', hints: ['xox'], re: /(?<![A-Za-z0-9])xox[abposer]-\d{6,}-[A-Za-z0-9-]{8,}/g },
  { kind: 'Slack webhook', hints: ['https://hooks.slack.com/services/T'], re: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/g },
  { kind: 'private key', hints: ['-----BEGIN '], re: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'Google API key', hints: ['AIza'], re: new RegExp(`${B}AIza[0-9A-Za-z_-]{35}${E}`, 'g') },
  { kind: 'Stripe key', hints: ['k_live_'], re: new RegExp(`${B}(?:sk|rk)_live_[0-9A-Za-z]{20,}${E}`, 'g') },
  { kind: 'npm token', hints: ['npm_'], re: new RegExp(`${B}npm_[A-Za-z0-9]{36}${E}`, 'g') },
  { kind: 'PyPI token', hints: ['pypi-AgEIcHlwaS5vcmc'], re: new RegExp(`${B}pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}`, 'g') },
  { kind: 'Docker Hub token', hints: ['dckr_pat_'], re: new RegExp(`${B}dckr_pat_[A-Za-z0-9_-]{20,}`, 'g') },
  { kind: 'OpenAI key', hints: ['T3BlbkFJ'], re: new RegExp(`${B}sk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}`, 'g') },
  { kind: 'OpenAI key', hints: ['sk-proj-'], re: new RegExp(`${B}sk-proj-[A-Za-z0-9_-]{40,}`, 'g') },
  { kind: 'Anthropic key', hints: ['sk-ant-'], re: new RegExp(`${B}sk-ant-(?:api|admin)\\d{2}-[A-Za-z0-9_-]{40,}`, 'g') },
  { kind: 'SendGrid key', hints: ['SG.'], re: new RegExp(`${B}SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}${E}`, 'g') },
  { kind: 'Vault token', hints: ['hvs.', 'hvb.'], re: new RegExp(`${B}hv[sb]\\.[A-Za-z0-9_-]{24,}`, 'g') },
  { kind: 'Shopify token', hints: ['shpat_', 'shpca_', 'shppa_', 'shpss_'], re: new RegExp(`${B}shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}${E}`, 'g') },
  { kind: 'Hugging Face token', hints: ['hf_'], re: new RegExp(`${B}hf_[A-Za-z]{34}${E}`, 'g'), reject: (s) => !/[A-Z]/.test(s) || !/[a-z]/.test(s.slice(3)) },
  { kind: 'JSON Web Token', hints: ['eyJ'], re: new RegExp(`${B}eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}`, 'g') },
  { kind: 'Azure storage key', hints: ['AccountKey='], re: /AccountKey=([A-Za-z0-9+/]{80,}={0,2})/g, group: 1 },
];

function hasAny(text: string, hints: readonly string[]): boolean {
  for (const h of hints) if (text.includes(h)) return true;
  return false;
}

/** Every hint of every format in one pass: a text without any cannot hold a known token. */
const ANY_HINT = new RegExp(FORMATS.flatMap((f) => f.hints).map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** False when no known token format can match anywhere in `text` (nor in any part of it). */
export function mayHoldKnownTokens(text: string): boolean {
  return ANY_HINT.test(text);
}

/** False when `text` (or any part of it) cannot hold a password in a URL. */
export function mayHoldUrlPasswords(text: string): boolean {
  const scheme = text.indexOf('://');
  return scheme >= 0 && text.indexOf('@', scheme) >= 0;
}

/** Known token formats in a text, in order, not overlapping. */
export function findKnownTokens(text: string): TokenMatch[] {
  const out: TokenMatch[] = [];
  if (!ANY_HINT.test(text)) return out;
  for (const f of FORMATS) {
    if (!hasAny(text, f.hints)) continue;
    f.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = f.re.exec(text))) {
      const whole = m[0];
      const part = f.group ? (m[f.group] ?? whole) : whole;
      const start = m.index + (f.group ? whole.indexOf(part) : 0);
      if (!f.reject?.(part)) out.push({ kind: f.kind, start, end: start + part.length, text: part });
      if (m[0].length === 0) f.re.lastIndex++;
    }
  }
  out.sort((a, b) => a.start - b.start);
  const kept: TokenMatch[] = [];
  for (const t of out) if (!kept.length || t.start >= kept[kept.length - 1].end) kept.push(t);
  return kept;
}

/** `scheme://user:password@host` with a literal password; offsets of the password. */
export function findUrlPasswords(text: string): TokenMatch[] {
  const out: TokenMatch[] = [];
  // Every match has "://" and an "@" after it.
  if (!mayHoldUrlPasswords(text)) return out;
  const re = /\b[a-z][a-z0-9+.-]*:\/\/([^\s/:@'"$`]+):([^\s/@'"$`]+)@/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const pw = m[2];
    if (!looksLikeSecretValue(pw)) continue;
    const start = m.index + m[0].length - 1 - pw.length;
    out.push({ kind: 'password in URL', start, end: start + pw.length, text: pw });
  }
  return out;
}

/** A secret shown in a message: its first characters only. */
export function mask(secret: string): string {
  const n = Math.min(8, Math.max(3, Math.floor(secret.length / 4)));
  return secret.length <= n ? secret : `${secret.slice(0, n)}…`;
}
