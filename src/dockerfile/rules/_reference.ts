/**
 * Image reference validation exactly as Docker does it (distribution/reference
 * `ParseNormalizedNamed` + go-digest validation), for DF006 and DF009 (owned by
 * them). Pure.
 */

const alnum = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const pathComponent = `${alnum}(?:${separator}${alnum})*`;
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domain = `${host}(?::[0-9]+)?`;
const tag = '[\\w][\\w.-]{0,127}';
const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const name = `(?:${domain}/)?${pathComponent}(?:/${pathComponent})*`;
const REFERENCE = new RegExp(`^(${name})(?::(${tag}))?(?:@(${digest}))?$`);
const DIGEST_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };

export interface ReferenceProblem {
  readonly message: string;
  /** Offsets of the offending part inside the reference string. */
  readonly start: number;
  readonly end: number;
}

/** Why `ref` is not a valid image reference, or undefined when it is valid. */
export function referenceProblem(ref: string): ReferenceProblem | undefined {
  const whole = { start: 0, end: ref.length };
  if (ref === '') return { message: 'the image name is empty', ...whole };
  if (/^[a-f0-9]{64}$/.test(ref)) return { message: 'a 64-character hexadecimal string is not a repository name', ...whole };
  // splitDockerDomain
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  const hasDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  const remainderStart = hasDomain ? slash + 1 : 0;
  const remainder = ref.slice(remainderStart);
  const colon = remainder.indexOf(':');
  const at = remainder.indexOf('@');
  const nameEnd = colon >= 0 ? colon : remainder.length;
  const remoteName = remainder.slice(0, nameEnd);
  if (remoteName.toLowerCase() !== remoteName) {
    const end = at >= 0 && at < nameEnd ? at : nameEnd;
    return { message: `repository name "${remainder.slice(0, end)}" must be lowercase`, start: remainderStart, end: remainderStart + end };
  }
  const m = REFERENCE.exec(ref);
  if (!m) return locate(ref);
  const fullName = hasDomain ? m[1] : `docker.io/${m[1].includes('/') ? '' : 'library/'}${m[1]}`;
  if (fullName.length > 255) return { message: 'repository name must not be more than 255 characters', start: 0, end: m[1].length };
  if (m[3] !== undefined) {
    const dStart = ref.length - m[3].length - 1; // the '@'
    const [alg, hex] = [m[3].slice(0, m[3].indexOf(':')), m[3].slice(m[3].indexOf(':') + 1)];
    const len = DIGEST_LENGTHS[alg];
    if (len === undefined) return { message: `unsupported digest algorithm "${alg}"`, start: dStart, end: dStart + 1 + alg.length };
    if (hex.length !== len) return { message: `invalid ${alg} digest length (${hex.length}, expected ${len})`, start: dStart, end: ref.length };
    if (!/^[a-f0-9]+$/.test(hex)) return { message: `invalid ${alg} digest: the hex part must be lowercase`, start: dStart, end: ref.length };
  }
  return undefined;
}

/** Points at the part of an invalid reference that breaks the grammar. */
function locate(ref: string): ReferenceProblem {
  const at = ref.indexOf('@');
  const beforeDigest = at >= 0 ? ref.slice(0, at) : ref;
  if (at >= 0) {
    const d = ref.slice(at + 1);
    if (!new RegExp(`^${digest}$`).test(d)) return { message: `invalid digest "${d}"`, start: at, end: ref.length };
  }
  const lastSlash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    const t = beforeDigest.slice(colon + 1);
    const nameOnly = beforeDigest.slice(0, colon);
    if (!new RegExp(`^${tag}$`).test(t)) {
      if (new RegExp(`^${name}$`).test(nameOnly)) {
        return { message: t ? `invalid tag "${t}"` : 'empty tag after ":"', start: colon, end: beforeDigest.length };
      }
    } else if (!new RegExp(`^${name}$`).test(nameOnly)) {
      return { message: `invalid repository name "${nameOnly}"`, start: 0, end: colon };
    }
  }
  return { message: 'invalid reference format', start: 0, end: ref.length };
}
