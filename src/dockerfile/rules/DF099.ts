import type { DockerfileRule } from '../types';
import type { PackageRef, PackageSpec } from '../shell/packageManagers';
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
import { knownVariables, tokenRange } from './_run';
import { unpinned } from './_pins';

interface Found {
  readonly packages: readonly PackageRef[];
  readonly classify: (v: string) => PackageSpec;
  readonly tool: string;
  readonly hint: (name: string) => string;
}

export const rule: DockerfileRule = {
  code: 'DF099',
  name: 'language-package-unpinned',
  title: 'Unpinned language package',
  defaultSeverity: 'info',
  fix: 'no',
  anchors: { hadolint: ['DL3013', 'DL3016', 'DL3028', 'DL3062'] },
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'RUN') continue;
      let known: Set<string> | undefined;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) {
          let f: Found | undefined;
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
