import type { DockerfileRule } from '../types';
import {
  pipCommand,
  nodePackageCommand,
  gemCommand,
  goCommand,
  classifyPipRequirement,
  classifyNpmPackage,
  classifyGemPackage,
  classifyGoPackage,
} from '../shell/packageManagers';
import { reportUnpinned, type PackageInstall } from './_pins';
import type { SimpleCommand } from '../shell/types';

export const rule: DockerfileRule = {
  code: 'DF099',
  name: 'language-package-unpinned',
  title: 'Unpinned language package',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { hadolint: ['DL3013', 'DL3016', 'DL3028', 'DL3062'] },
  check(ctx) {
    reportUnpinned(ctx, recognise);
  },
};

/** The install this command is, when its packages should be pinned. */
function recognise(cmd: SimpleCommand): PackageInstall | undefined {
  let f: PackageInstall | undefined;
  const pip = pipCommand(cmd);
  if (pip) {
    // Requirements and constraints files pin what they list; `.` installs the project.
    const local = pip.args.positionals.some((w) => w.value === '.');
    if (pip.subcommand === 'install' && !pip.requirements.length && !pip.constraints.length && !local) {
      const tool = pip.viaPython ? `${pip.tool} -m pip install` : `${pip.tool} install`;
      f = { packages: pip.packages, classify: classifyPipRequirement, tool, hint: (n) => `${n}==<version>` };
    }
  } else {
    const node = nodePackageCommand(cmd);
    if (node) {
      if ((node.tool === 'npm' && node.action === 'install') || (node.tool !== 'npm' && node.action === 'add'))
        f = { packages: node.packages, classify: classifyNpmPackage, tool: `${node.tool} ${node.subcommand ?? ''}`.trim(), hint: (n) => `${n}@<version>` };
    } else {
      const gem = gemCommand(cmd);
      if (gem) {
        if (gem.action === 'install') f = { packages: gem.packages, classify: classifyGemPackage, tool: `gem ${gem.subcommand}`, hint: (n) => `${n}:<version>` };
      } else {
        const go = goCommand(cmd);
        if (go && (go.action === 'install' || go.action === 'get' || go.action === 'run'))
          f = { packages: go.packages, classify: classifyGoPackage, tool: `go ${go.action}`, hint: (n) => `${n}@<version>` };
      }
    }
  }
  return f;
}
