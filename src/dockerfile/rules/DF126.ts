import type { DockerfileRule } from '../types';
import type { Stage } from '../model';
import type { SimpleCommand, ShellScript, Word } from '../shell/types';
import type { Range } from '../../util/text';
import { aptCommand, apkCommand, goCommand, nodePackageCommand, rpmCommand } from '../shell/packageManagers';
import { commandName } from '../shell/args';
import { documentRange } from '../shell/source';
import { baseImageOf, stageChain, type ImageRef } from './_images';

type Toolchain = 'go' | 'rust' | 'java' | 'dotnet' | 'node' | 'c';

/** The toolchain an image is, when it is one (the runtime variants are not). */
function toolchainImage(img: ImageRef): Toolchain | undefined {
  const official = img.registry === '' || img.registry === 'docker.io' || img.registry === 'index.docker.io';
  const r = img.repo;
  const t = img.tag;
  if (official) {
    if (r === 'golang') return 'go';
    if (r === 'rust') return 'rust';
    if (r === 'maven' || r === 'gradle') return 'java';
    if (r === 'gcc') return 'c';
    if (r === 'node' && !/(^|-)(slim|alpine)/.test(t)) return 'node';
  }
  if (img.registry === 'mcr.microsoft.com' && /^dotnet\/(core\/)?sdk$/.test(r)) return 'dotnet';
  return undefined;
}

const JAVA_GOALS = /^(package|install|verify|build|assemble|bootJar|bootWar|jar|war|shadowJar|installDist|distTar|distZip|compile)$/;
const C_COMPILERS = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++', 'make', 'gmake', 'ninja']);
const DEV_BUILD_TOOLS = new Set(['tsc', 'next', 'vite', 'webpack', 'nest', 'ng', 'tsup', 'rollup', 'parcel', 'esbuild']);

interface Compile {
  readonly toolchain: Toolchain;
  readonly label: string;
}

/** A command that compiles the project, and with which toolchain. */
function compileOf(cmd: SimpleCommand): Compile | undefined {
  if (cmd.inSubstitution) return undefined;
  const go = goCommand(cmd);
  if (go) {
    if (go.action === 'build') return { toolchain: 'go', label: 'go build' };
    if (go.action === 'install' && go.packages.some((p) => p.kind === 'path')) return { toolchain: 'go', label: 'go install' };
    return undefined;
  }
  const node = nodePackageCommand(cmd);
  if (node) {
    const pos = node.args.positionals;
    if ((node.action === 'run' || node.action === 'run-script') && pos[1] && /^build([:-]|$)/.test(pos[1].value))
      return { toolchain: 'node', label: `${node.tool} run ${pos[1].value}` };
    if (node.tool !== 'npm' && node.subcommand && /^build([:-]|$)/.test(node.subcommand)) return { toolchain: 'node', label: `${node.tool} ${node.subcommand}` };
    return undefined;
  }
  const n = commandName(cmd);
  if (!n) return undefined;
  const args = cmd.words.slice(n.index + 1).map((w) => w.value);
  const sub = args.find((a) => !a.startsWith('-'));
  switch (n.name) {
    case 'cargo':
      if (sub === 'build' || (sub === 'install' && args.includes('--path'))) return { toolchain: 'rust', label: `cargo ${sub}` };
      return undefined;
    case 'mvn':
    case 'mvnw':
    case 'gradle':
    case 'gradlew': {
      const goal = args.find((a) => JAVA_GOALS.test(a.replace(/^:?([\w-]+:)*/, '')));
      return goal ? { toolchain: 'java', label: `${n.name} ${goal}` } : undefined;
    }
    case 'dotnet':
      return sub === 'build' || sub === 'publish' ? { toolchain: 'dotnet', label: `dotnet ${sub}` } : undefined;
    case 'javac':
      return { toolchain: 'java', label: 'javac' };
    case 'cmake':
      return args.includes('--build') ? { toolchain: 'c', label: 'cmake --build' } : undefined;
  }
  if (C_COMPILERS.has(n.name)) return { toolchain: 'c', label: n.name };
  if (DEV_BUILD_TOOLS.has(n.name)) return { toolchain: 'node', label: n.name };
  if ((n.name === 'npx' || n.name === 'pnpx') && args[0] && DEV_BUILD_TOOLS.has(args[0])) return { toolchain: 'node', label: `${n.name} ${args[0]}` };
  return undefined;
}

/** Packages that are a compiler toolchain. */
function toolchainPackage(name: string): Toolchain | undefined {
  if (/^(build-essential|build-base|gcc|g\+\+|gcc-c\+\+|clang|llvm|make|cmake|alpine-sdk)$/.test(name)) return 'c';
  if (/^(golang|golang-go|go)(-\d.*)?$/.test(name)) return 'go';
  if (/^(cargo|rustc)$/.test(name)) return 'rust';
  if (/^(maven|gradle)$/.test(name) || /^openjdk-?\d*-jdk(-headless)?$/.test(name) || /^java-\d+-openjdk-devel$/.test(name)) return 'java';
  if (/^dotnet-sdk/.test(name)) return 'dotnet';
  return undefined;
}

interface Installed {
  readonly toolchain: Toolchain;
  readonly name: string;
  readonly range: Range;
  readonly via: 'apt' | 'apk' | 'rpm';
  /** `apt-mark auto` ran after it: `apt-get purge --auto-remove` / `autoremove` removes it. */
  auto?: boolean;
}

/** Dockerfiles for development, CI or building (Dockerfile.dev, ci.Dockerfile, .devcontainer/…) are meant to keep the tools. */
const DEV_FILE = /(^|[._-])(dev|devcontainer|development|ci|test|tests|debug|lint|build|builder)([._-]|$)/i;
const DEV_STAGE = /^(dev|develop|development|devcontainer|test|tests|ci|debug|lint)$/i;

export const rule: DockerfileRule = {
  code: 'DF126',
  name: 'toolchain-in-final-image',
  title: 'The final image still contains the build toolchain: build in an earlier stage',
  defaultSeverity: 'warning',
  fix: 'no',
  check(ctx) {
    const final = ctx.model.finalStage;
    if (!final || final.windows) return;
    if (ctx.filePath && (/[/\\]\.devcontainer[/\\]/.test(ctx.filePath) || DEV_FILE.test(ctx.filePath.replace(/^.*[/\\]/, '')))) return;
    if (final.name && DEV_STAGE.test(final.name)) return;
    const chain = stageChain(final);
    const img = baseImageOf(ctx.model, final);
    const fromImage = img ? toolchainImage(img) : undefined;

    let compile: Compile | undefined;
    const installed: Installed[] = [];
    for (const s of chain) {
      for (const info of s.instructions) {
        if (info.keyword !== 'RUN' || info.onbuild) continue;
        for (const script of info.scripts()) {
          for (const cmd of script.commands) {
            compile ??= compileOf(cmd);
            trackPackages(script, cmd, installed);
          }
        }
      }
    }
    if (!compile) return;
    if (fromImage && (fromImage === compile.toolchain || fromImage === 'c' || compile.toolchain === 'c')) {
      const range = finalImageRange(final) ?? final.from.getInstructionRange();
      ctx.report({
        range,
        message: `Final stage runs on the ${img!.tag ? `${img!.repo}:${img!.tag}` : img!.repo} toolchain image and compiles ("${compile.label}"): build in an earlier stage and copy only the output`,
      });
      return;
    }
    const tc = installed.find((i) => i.toolchain === compile!.toolchain || i.toolchain === 'c');
    if (!tc) return;
    ctx.report({
      range: tc.range,
      message: `Final stage installs the "${tc.name}" toolchain and compiles ("${compile.label}"): build in an earlier stage and copy only the output`,
    });
  },
};

function finalImageRange(final: Stage): Range | undefined {
  return final.from.getImageRange() ?? undefined;
}

/** Records toolchain packages installed by apt/apk/yum, and notices when they are removed again. */
function trackPackages(script: ShellScript, cmd: SimpleCommand, installed: Installed[]): void {
  const add = (words: readonly Word[], via: Installed['via']) => {
    for (const w of words) {
      const name = w.value.split(/[=<>~]/)[0];
      const tc = toolchainPackage(name);
      if (tc) installed.push({ toolchain: tc, name, range: documentRange(script.source, w.start, w.end), via });
    }
  };
  const drop = (words: readonly Word[]) => {
    const names = new Set(words.map((w) => w.value));
    for (let i = installed.length - 1; i >= 0; i--) if (names.has(installed[i].name)) installed.splice(i, 1);
  };
  const n = commandName(cmd);
  // The official images' idiom: apt-mark auto '.*'; apt-mark manual $saved; apt-get purge --auto-remove
  if (n?.name === 'apt-mark' && cmd.words[n.index + 1]?.value === 'auto') {
    for (const i of installed) if (i.via === 'apt') i.auto = true;
    return;
  }
  const apt = aptCommand(cmd);
  if (apt) {
    if (apt.subcommand === 'install') add(apt.packages.map((p) => p.word), 'apt');
    else if (apt.subcommand === 'purge' || apt.subcommand === 'remove' || apt.subcommand === 'autoremove') {
      drop(apt.args.positionals.slice(1));
      if (apt.subcommand === 'autoremove' || apt.args.has('--auto-remove', '--autoremove'))
        for (let i = installed.length - 1; i >= 0; i--) if (installed[i].auto) installed.splice(i, 1);
    }
    return;
  }
  const apk = apkCommand(cmd);
  if (apk) {
    if (apk.subcommand === 'add') {
      // `apk add --virtual .build-deps gcc …` is removed by `apk del .build-deps`: track it under the virtual name.
      if (apk.virtual) {
        for (const p of apk.packages) {
          const tc = toolchainPackage(p.name);
          if (tc) installed.push({ toolchain: tc, name: apk.virtual.name, range: documentRange(script.source, p.word.start, p.word.end), via: 'apk' });
        }
      } else add(apk.packages.map((p) => p.word), 'apk');
    } else if (apk.subcommand === 'del' || apk.subcommand === 'delete') drop(apk.args.positionals.slice(1));
    return;
  }
  const rpm = rpmCommand(cmd);
  if (rpm) {
    if (rpm.installs) add(rpm.packages.map((p) => p.word), 'rpm');
    else if (rpm.action === 'remove' || rpm.action === 'erase') drop(rpm.args.positionals.slice(1));
  }
}
