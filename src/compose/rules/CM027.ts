import type { ComposeRule } from './types';
import { onceReporter, serviceEntry } from './_imageRoles';
import { scalarText } from './_values';

/** Keys whose value `host` shares a host namespace, with what that exposes. */
const NAMESPACES: readonly [key: string, what: string][] = [
  ['network_mode', "the host's network stack: every port it listens on is on the host's interfaces, it reaches services bound to the host's localhost, and port mappings are ignored"],
  ['pid', "the host's process table: it sees every host process and can signal or ptrace them as far as its user allows"],
  ['ipc', "the host's shared memory and IPC objects"],
  ['userns_mode', 'the host\'s user namespace, turning off the daemon\'s user remapping (`userns-remap`): root in the container is root on the host'],
  ['uts', "the host's hostname and domain name (the container can change them)"],
  ['cgroup', "the host's cgroup namespace: it sees and, with write access, manages the host's cgroups"],
];

export const rule: ComposeRule = {
  code: 'CM027',
  name: 'host-namespace',
  title: 'Service shares a host namespace (network_mode/pid/ipc/userns_mode/uts/cgroup: host)',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: {
    other: [
      'KICS Shared Host Network Namespace',
      'KICS Host Namespace is Shared',
      'KICS Shared Host IPC Namespace',
      'KICS Shared Host User Namespace',
    ],
  },
  check(ctx) {
    const once = onceReporter();
    for (const s of ctx.model.services) {
      for (const [key, what] of NAMESPACES) {
        const e = serviceEntry(s, key);
        if (!e || scalarText(e.value)?.trim().toLowerCase() !== 'host') continue;
        if (!once(e.value.range)) continue;
        ctx.report({
          range: e.value.range,
          message: `service "${s.name}": \`${key}: host\` shares ${what}. Drop it unless the container really needs the host's namespace`,
        });
      }
    }
  },
};
