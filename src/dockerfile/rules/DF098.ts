import type { DockerfileRule } from '../types';
import type { PackageRef, PackageSpec } from '../shell/packageManagers';
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
import { knownVariables, tokenRange } from './_run';
import { unpinned } from './_pins';

interface Found {
  readonly packages: readonly PackageRef[];
  readonly classify: (v: string) => PackageSpec;
  readonly tool: string;
  readonly hint: (name: string) => string;
}

export const rule: DockerfileRule = {
  code: 'DF098',
  name: 'os-package-unpinned',
  title: 'Unpinned OS package',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { hadolint: ['DL3008', 'DL3018', 'DL3033', 'DL3041', 'DL3037'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      let known: Set<string> | undefined;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) {
          let f: Found | undefined;
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
          if (!f) continue;
          for (const p of f.packages) {
            known ??= knownVariables(ctx.model, info);
            if (!unpinned(p, f.classify, known)) continue;
            ctx.report({
              range: tokenRange(script, p.word),
              message: `"${p.word.value}" is not pinned in ${f.tool}: use ${f.hint(p.name)}`,
            });
          }
        }
      }
    }
  },
};
