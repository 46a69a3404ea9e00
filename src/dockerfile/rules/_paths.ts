/**
 * Path helpers for WORKDIR/COPY destinations: absolute-path tests (POSIX and
 * Windows, as hadolint and BuildKit accept them) and a POSIX join. Pure.
 */

/** `C:\x`, `c:/x`, `C:` (a drive). */
export function isWindowsAbsolute(p: string): boolean {
  return /^[A-Za-z]:([\\/]|$)/.test(p);
}

/** Absolute for a Linux image; on Windows images a drive path or a leading (back)slash too. */
export function isAbsolutePath(p: string, windows = false): boolean {
  if (p.startsWith('/')) return true;
  if (isWindowsAbsolute(p)) return true;
  return windows && p.startsWith('\\');
}

/** POSIX `join` + normalisation of `.` and `..` (never above `/`). */
export function posixJoin(base: string, rel: string): string {
  const parts: string[] = [];
  for (const seg of `${base}/${rel}`.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}
