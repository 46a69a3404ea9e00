import type { DockerfileRule } from '../types';
import { scanVars } from './_vars';
import { flagOf, unquote } from './_words';

const OSES = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'wasip1', 'windows', 'zos']);
const ARCHES: Record<string, string> = {
  amd64: 'amd64', x86_64: 'amd64', 'x86-64': 'amd64',
  arm64: 'arm64', aarch64: 'arm64',
  arm: 'arm', armhf: 'arm', armel: 'arm',
  '386': '386', i386: '386', i486: '386', i586: '386', i686: '386',
  ppc64le: 'ppc64le', s390x: 's390x', riscv64: 'riscv64', mips64le: 'mips64le', mips64: 'mips64', loong64: 'loong64', ppc64: 'ppc64', wasm: 'wasm',
};

/** containerd's platforms.Parse, reduced to OS and architecture; undefined when it would not parse. */
export function parsePlatform(spec: string): { os: string; arch: string } | undefined {
  const parts = spec.toLowerCase().split('/');
  if (parts.length === 1) {
    if (OSES.has(parts[0])) return { os: parts[0], arch: 'amd64' };
    const arch = ARCHES[parts[0]];
    return arch ? { os: 'linux', arch } : undefined;
  }
  if (parts.length > 3 || !OSES.has(parts[0])) return undefined;
  const arch = ARCHES[parts[1]];
  return arch ? { os: parts[0], arch } : undefined;
}

export const rule: DockerfileRule = {
  code: 'DF047',
  name: 'from-platform-constant',
  title: 'FROM --platform with a constant value',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { hadolint: ['DL3029'], buildkit: ['FromPlatformFlagConstDisallowed'] },
  check(ctx) {
    const escape = ctx.model.escapeChar;
    for (const stage of ctx.model.stages) {
      const flag = flagOf(stage.from, 'platform');
      const raw = flag?.getValue();
      const range = flag?.getValueRange();
      if (!flag || !raw || !range) continue;
      if (scanVars(raw, escape).length > 0 || raw.includes('$')) continue;
      const value = unquote(raw, escape);
      // BuildKit accepts a constant when the stage is named after it (`AS build-arm64`).
      const p = parsePlatform(value);
      const name = (stage.name ?? '').toLowerCase();
      if (p && name && (name.includes(p.os) || name.includes(p.arch))) continue;
      ctx.report({
        range,
        message: `FROM --platform="${value}" pins a constant platform: use $BUILDPLATFORM or $TARGETPLATFORM (or name the stage after the platform)`,
      });
    }
  },
};
