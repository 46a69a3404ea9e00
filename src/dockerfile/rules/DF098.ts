import type { DockerfileRule } from '../types';
import {
  aptCommand,
  apkCommand,
  rpmCommand,
  zypperCommand,
  classifyAptPackage,
  classifyApkPackage,
  classifyRpmPackage,
  classifyModuleStream,
  classifyZypperPackage,
} from '../shell/packageManagers';
import { reportUnpinned, type PackageInstall } from './_pins';
import type { SimpleCommand } from '../shell/types';

export const rule: DockerfileRule = {
  code: 'DF098',
  name: 'os-package-unpinned',
  title: 'Unpinned OS package',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { hadolint: ['DL3008', 'DL3018', 'DL3033', 'DL3041', 'DL3037'] },
  check(ctx) {
    reportUnpinned(ctx, recognise);
  },
};

/** The install this command is, when its packages should be pinned. */
function recognise(cmd: SimpleCommand): PackageInstall | undefined {
  let f: PackageInstall | undefined;
  const apt = aptCommand(cmd);
  if (apt) {
    if (apt.subcommand === 'install' && apt.tool !== 'aptitude')
      f = { packages: apt.packages, classify: classifyAptPackage, tool: `${apt.tool} install`, hint: (n) => `${n}=<version>` };
  } else {
    const apk = apkCommand(cmd);
    if (apk) {
      if (apk.subcommand === 'add') f = { packages: apk.packages, classify: classifyApkPackage, tool: 'apk add', hint: (n) => `${n}=<version>` };
    } else {
      const r = rpmCommand(cmd);
      if (r) {
        if (r.action === 'install')
          f = { packages: r.packages, classify: classifyRpmPackage, tool: `${r.tool} install`, hint: (n) => `${n}-<version>` };
        else if (r.action === 'module' && r.subAction === 'install')
          f = { packages: r.packages, classify: classifyModuleStream, tool: `${r.tool} module install`, hint: (n) => `${n}:<stream>` };
      } else {
        const z = zypperCommand(cmd);
        if (z?.action === 'install')
          f = { packages: z.packages, classify: classifyZypperPackage, tool: `zypper ${z.subcommand}`, hint: (n) => `${n}=<version>` };
      }
    }
  }
  return f;
}
