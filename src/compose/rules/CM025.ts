import type { ComposeRule } from './types';
import { isTrue, itemsOf, onceReporter, serviceEntry } from './_imageRoles';
import { scalarText } from './_values';

/**
 * Capabilities that amount to root on the host: ALL, and the ones container
 * escapes rely on (mount and namespaces, kernel modules, raw I/O, reading any
 * file by handle). NET_ADMIN, SYS_PTRACE, … are common and narrower: not reported.
 */
const DANGEROUS_CAPS: Readonly<Record<string, string>> = {
  ALL: 'every capability',
  SYS_ADMIN: 'mount, namespaces and most of root (container escapes use it)',
  SYS_MODULE: 'loading kernel modules into the host kernel',
  SYS_RAWIO: 'raw access to host memory and devices',
  DAC_READ_SEARCH: 'reading any host file by handle (the "shocker" escape)',
};

/** security_opt values that turn a confinement off (both `:` and `=` separators). */
const UNCONFINED: Readonly<Record<string, string>> = {
  'seccomp:unconfined': 'turns off the seccomp filter (every syscall allowed)',
  'apparmor:unconfined': 'turns off the AppArmor profile',
  'label:disable': 'turns off SELinux separation',
  'systempaths:unconfined': 'unmasks /proc and /sys paths that Docker hides',
};

export const rule: ComposeRule = {
  code: 'CM025',
  name: 'privileged-or-unconfined',
  title: 'Service runs privileged, adds ALL/SYS_ADMIN-like capabilities, or turns off seccomp/AppArmor/SELinux',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: {
    other: ['KICS Privileged Containers Enabled', 'KICS Container Capabilities Unrestricted', 'KICS Seccomp Disabled', 'KICS Default Seccomp Profile Disabled'],
  },
  check(ctx) {
    const once = onceReporter();
    for (const s of ctx.model.services) {
      const priv = serviceEntry(s, 'privileged');
      if (priv && isTrue(priv.value) && once(priv.keyRange)) {
        ctx.report({
          range: priv.keyRange,
          message: `service "${s.name}": \`privileged: true\` gives the container every capability and all host devices; a process that escapes it is root on the host. Add only the capabilities and devices it needs (\`cap_add\`, \`devices\`)`,
        });
      }
      for (const it of itemsOf(serviceEntry(s, 'cap_add')?.value)) {
        const v = scalarText(it);
        if (v === undefined) continue;
        const cap = v.trim().toUpperCase().replace(/^CAP_/, '');
        const why = DANGEROUS_CAPS[cap];
        if (!why || !once(it.range)) continue;
        ctx.report({
          range: it.range,
          message: `service "${s.name}": \`cap_add: ${v.trim()}\` grants ${why}; add only the narrow capabilities the process needs`,
        });
      }
      for (const it of itemsOf(serviceEntry(s, 'security_opt')?.value)) {
        const v = scalarText(it);
        if (v === undefined) continue;
        const norm = v.trim().toLowerCase().replace(/\s+/g, '').replace('=', ':');
        const why = UNCONFINED[norm];
        if (!why || !once(it.range)) continue;
        ctx.report({
          range: it.range,
          message: `service "${s.name}": \`security_opt: ${v.trim()}\` ${why}; keep the default profile or write a custom one that allows only what is needed`,
        });
      }
    }
  },
};
