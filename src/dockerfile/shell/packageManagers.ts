/**
 * Recognisers for package managers and a few common tools, built on the shell
 * parser (`parse.ts`) and getopt parsing (`args.ts`). Each returns structured
 * facts with Words (script offsets) or `undefined` when the command is not that
 * tool. Semantics follow the tools' own option parsers and, for what counts as a
 * version pin or a non-interactive flag, hadolint's rules (DL3008 … DL3062).
 *
 * Classifier functions (`classifyAptPackage`, …) are exported so that rules can
 * re-check a package after substituting ARG/ENV values (`git-core-${version}`).
 */
import { commandName, parseArgs } from './args';
import type { ArgSpec, ParsedArgs } from './args';
import type { SimpleCommand, Word } from './types';
import { memoByObject } from './memo';

// ------------------------------------------------------------------ common

export interface ToolCommand {
  readonly command: SimpleCommand;
  /** Effective tool (`apt-get`, `pip3`, `python3` for `python3 -m pip`). */
  readonly tool: string;
  readonly toolWord: Word;
  /** Index of `toolWord` in `command.words`. */
  readonly index: number;
  /** Run through sudo/doas. */
  readonly sudo: boolean;
  /** The words parsed as the tool's arguments (after `-m pip` for python). */
  readonly argWords: readonly Word[];
  readonly args: ParsedArgs;
  /** First operand (`install`), as written. */
  readonly subcommand?: string;
  readonly subcommandWord?: Word;
}

export type PackageKind =
  /** A registry package name that can carry a version. */
  | 'package'
  /** A local archive (`.deb`, `.rpm`, `.apk`, `.whl`, `.tgz`…). */
  | 'file'
  /** A local directory or path. */
  | 'path'
  /** A plain URL to an archive. */
  | 'url'
  /** A VCS reference (`git+https://…`, GitHub shorthand): pinned by a ref. */
  | 'vcs'
  /** A group (`dnf group install "Development Tools"`). */
  | 'group'
  /** A module stream (`dnf module install nodejs:18`). */
  | 'module';

export interface PackageSpec {
  /** The name without its version part. */
  readonly name: string;
  /** The version / ref / stream part, when written. */
  readonly version?: string;
  /** The operator that introduced the version: `=`, `==`, `>=`, `~`, `@`, `:`, `-`, `#`… */
  readonly operator?: string;
  readonly kind: PackageKind;
  /** A version (ref, stream) is given. Files, paths and URLs need none: see `needsPin`. */
  readonly pinned: boolean;
}

export interface PackageRef extends PackageSpec {
  readonly word: Word;
  /** The word contains `$…` / backticks: rules may substitute known ARG/ENV values and re-classify. */
  readonly hasExpansion: boolean;
}

/** A package that hadolint wants pinned but is not. */
export function needsPin(p: PackageSpec): boolean {
  return (p.kind === 'package' || p.kind === 'vcs' || p.kind === 'module') && !p.pinned;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Adds fields to a fresh ToolCommand (no object spreads: this runs for every command of every rule). */
function extend<X extends object>(t: ToolCommand, x: X): ToolCommand & X {
  return Object.assign(t, x);
}

/** Memoises a recogniser per command (commands are immutable; rules call recognisers repeatedly). */
function memo<R>(f: (cmd: SimpleCommand) => R | undefined): (cmd: SimpleCommand) => R | undefined {
  return memoByObject(f);
}

function recognise(
  cmd: SimpleCommand,
  accept: (name: string) => boolean,
  spec: ArgSpec,
): ToolCommand | undefined {
  const n = commandName(cmd);
  if (!n || !accept(n.name) || n.word.hasExpansion) return undefined;
  const argWords = cmd.words.slice(n.index + 1);
  return build(cmd, n.name, n.word, n.index, n.sudo, argWords, parseArgs(argWords, spec));
}

function build(
  command: SimpleCommand,
  tool: string,
  toolWord: Word,
  index: number,
  sudo: boolean,
  argWords: readonly Word[],
  args: ParsedArgs,
): ToolCommand {
  const subcommandWord = args.positionals[0];
  return {
    command,
    tool,
    toolWord,
    index,
    sudo,
    argWords,
    args,
    subcommand: subcommandWord?.value,
    subcommandWord,
  };
}

function refs(words: readonly Word[], classify: (value: string) => PackageSpec): PackageRef[] {
  return words.map((word) => {
    const r = classify(word.value) as Mutable<PackageRef>;
    r.word = word;
    r.hasExpansion = word.hasExpansion;
    return r;
  });
}

function spec(name: string, kind: PackageKind, version?: string, operator?: string): PackageSpec {
  return { name, version, operator: version === undefined ? undefined : operator, kind, pinned: !!version };
}

const TRUE_VALUES = new Set(['1', 'true', 'yes', 'on', 'always', 'enable', 'enabled']);
const FALSE_VALUES = new Set(['0', 'false', 'no', 'off', 'never', 'disable', 'disabled']);

function isLocalPath(v: string): boolean {
  return v === '.' || v === '..' || v.startsWith('./') || v.startsWith('../') || v.startsWith('/') || v.startsWith('~');
}

// ------------------------------------------------------------------ apt

export interface AptCommand extends ToolCommand {
  readonly tool: 'apt-get' | 'apt' | 'aptitude';
  /** `-y`, `--yes`, `--assume-yes`, `-qq`/`-q=2` (quiet level 2 implies yes), `-o APT::Get::Assume-Yes=true`. */
  readonly assumeYes: boolean;
  /** Quiet level: `-q` 1, `-qq` / `-q -q` / `-q=2` / `--quiet --quiet` 2. */
  readonly quiet: number;
  /** `--no-install-recommends`, `-o APT::Install-Recommends=false`, aptitude `-R`/`--without-recommends`. */
  readonly noInstallRecommends: boolean;
  /** `-o Name=value` options. */
  readonly aptOptions: readonly { readonly name: string; readonly value: string; readonly word: Word }[];
  /** Operands after the subcommand for install/reinstall (`-t RELEASE` values are not packages). */
  readonly packages: readonly PackageRef[];
}

const APT_SPEC: ArgSpec = {
  shortEquals: true,
  withValue: ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a',
    '--host-architecture', '-P', '--build-profiles', '--solver', '-F', '--display-format', '-w', '--width',
    '--planner'],
};
const APT_INSTALLS = new Set(['install', 'reinstall']);

/** apt-get / apt / aptitude. */
export const aptCommand: (cmd: SimpleCommand) => AptCommand | undefined = memo((cmd) => {
  const t = recognise(cmd, (n) => n === 'apt-get' || n === 'apt' || n === 'aptitude', APT_SPEC);
  if (!t) return undefined;
  const a = t.args;
  let quiet = 0;
  for (const o of a.options) {
    if (o.name === '-q' || o.name === '--quiet') quiet = o.value !== undefined ? Number(o.value) || 0 : quiet + 1;
  }
  const aptOptions: { name: string; value: string; word: Word }[] = [];
  for (const o of a.options) {
    if ((o.name === '-o' || o.name === '--option') && o.value !== undefined) {
      const eq = o.value.indexOf('=');
      if (eq > 0) aptOptions.push({ name: o.value.slice(0, eq), value: o.value.slice(eq + 1), word: o.valueWord ?? o.words[0] });
    }
  }
  const optIs = (key: string, values: Set<string>) =>
    aptOptions.some((o) => o.name.toLowerCase() === key.toLowerCase() && values.has(o.value.toLowerCase()));
  const recommendsValue = a.get('--install-recommends')?.value;
  const assumeYes =
    a.has('-y', '--yes', '--assume-yes') ||
    quiet >= 2 ||
    optIs('APT::Get::Assume-Yes', TRUE_VALUES) ||
    (t.tool === 'aptitude' && optIs('Aptitude::CmdLine::Assume-Yes', TRUE_VALUES));
  const noInstallRecommends =
    a.has('--no-install-recommends') ||
    (recommendsValue !== undefined && FALSE_VALUES.has(recommendsValue.toLowerCase())) ||
    optIs('APT::Install-Recommends', FALSE_VALUES) ||
    (t.tool === 'aptitude' && a.has('-R', '--without-recommends'));
  const packages = t.subcommand && APT_INSTALLS.has(t.subcommand) ? refs(a.positionals.slice(1), classifyAptPackage) : [];
  return extend(t, { tool: t.tool as AptCommand['tool'], assumeYes, quiet, noInstallRecommends, aptOptions, packages });
});

/** `pkg`, `pkg=1.2*` (pinned), `pkg/release`, `./file.deb` (file). */
export function classifyAptPackage(v: string): PackageSpec {
  if (v.endsWith('.deb') || isLocalPath(v)) return spec(v, v.endsWith('.deb') ? 'file' : 'path');
  const eq = v.indexOf('=');
  if (eq > 0) return spec(v.slice(0, eq), 'package', v.slice(eq + 1), '=');
  return spec(v, 'package');
}

// ------------------------------------------------------------------ apk

export interface ApkCommand extends ToolCommand {
  /** `--no-cache`. */
  readonly noCache: boolean;
  /** `-U`, `--update-cache` (or the old `--update`). */
  readonly updateCache: boolean;
  /** `--virtual NAME` / `-t NAME` of `apk add`. */
  readonly virtual?: { readonly name: string; readonly word: Word };
  /** Operands of `apk add` (the virtual package name excluded). */
  readonly packages: readonly PackageRef[];
}

const APK_SPEC: ArgSpec = {
  withValue: ['-X', '--repository', '-p', '--root', '--repositories-file', '--keys-dir', '--arch', '--cache-dir',
    '--cache-max-age', '-t', '--virtual', '--timeout', '--progress-fd', '--cache-packages'],
};

/** apk. */
export const apkCommand: (cmd: SimpleCommand) => ApkCommand | undefined = memo((cmd) => {
  const t = recognise(cmd, (n) => n === 'apk', APK_SPEC);
  if (!t) return undefined;
  const a = t.args;
  const v = a.get('-t', '--virtual');
  const virtual = v?.value !== undefined ? { name: v.value, word: v.valueWord ?? v.words[0] } : undefined;
  const packages = t.subcommand === 'add' ? refs(a.positionals.slice(1), classifyApkPackage) : [];
  return extend(t, {
    noCache: a.has('--no-cache'),
    updateCache: a.has('-U', '--update-cache', '--update'),
    virtual,
    packages,
  });
});

/** `pkg`, `pkg=1.2-r0`, `pkg~1.2`, `pkg>=1`, `pkg<2`, `pkg=~1` (pinned), `x.apk` (file). */
export function classifyApkPackage(v: string): PackageSpec {
  if (v.endsWith('.apk') || isLocalPath(v)) return spec(v, v.endsWith('.apk') ? 'file' : 'path');
  const m = /^([^=~<>]+)(=~|~=|>=|<=|=|~|>|<)(.*)$/.exec(v);
  if (m) return spec(m[1], 'package', m[3], m[2]);
  return spec(v, 'package');
}

// ------------------------------------------------------------------ yum / dnf / microdnf / tdnf

export interface RpmCommand extends ToolCommand {
  readonly tool: 'yum' | 'dnf' | 'dnf5' | 'microdnf' | 'tdnf';
  /** `-y`, `--assumeyes`. */
  readonly assumeYes: boolean;
  /**
   * Canonical subcommand: `in` -> `install`, `rei` -> `reinstall`, `up`/`update` ->
   * `upgrade`, `up-min` -> `upgrade-minimal`, `rm`/`erase` -> `remove`,
   * `groupinstall` -> `group`, `localinstall` -> `install`; other subcommands as written.
   */
  readonly action?: string;
  /** For `module …` / `group …`: the second operand (`install`), canonicalised the same way. */
  readonly subAction?: string;
  /** Downloads packages: install, reinstall, upgrade, upgrade-minimal (also through `module`/`group`). */
  readonly installs: boolean;
  /** `clean all`. */
  readonly cleanAll: boolean;
  /** Packages, module streams or groups being installed. */
  readonly packages: readonly PackageRef[];
}

const RPM_SPEC: ArgSpec = {
  withValue: ['-c', '--config', '--installroot', '--releasever', '--setopt', '-x', '--exclude', '--enablerepo',
    '--disablerepo', '--repo', '--repoid', '-d', '--debuglevel', '-e', '--errorlevel', '--rpmverbosity',
    '--downloaddir', '--destdir', '--forcearch', '--color', '--advisory', '--advisories', '--bz', '--bzs', '--cve',
    '--cves', '--sec-severity', '--secseverity', '--comment', '--repofrompath', '--disableplugin', '--enableplugin',
    '-R', '--randomwait', '--platform-id', '--use-host-config'],
};
const RPM_TOOLS = new Set(['yum', 'dnf', 'dnf5', 'microdnf', 'tdnf']);
const RPM_ALIASES: Record<string, string> = {
  in: 'install',
  localinstall: 'install',
  rei: 'reinstall',
  up: 'upgrade',
  update: 'upgrade',
  'up-min': 'upgrade-minimal',
  'update-minimal': 'upgrade-minimal',
  rm: 'remove',
  erase: 'remove',
  groupinstall: 'group',
  groupupdate: 'group',
};
const RPM_INSTALLS = new Set(['install', 'reinstall', 'upgrade', 'upgrade-minimal']);

function rpmAction(v: string | undefined): string | undefined {
  return v === undefined ? undefined : Object.prototype.hasOwnProperty.call(RPM_ALIASES, v) ? RPM_ALIASES[v] : v;
}

/** yum, dnf, dnf5, microdnf, tdnf. */
export const rpmCommand: (cmd: SimpleCommand) => RpmCommand | undefined = memo((cmd) => {
  const t = recognise(cmd, (n) => RPM_TOOLS.has(n), RPM_SPEC);
  if (!t) return undefined;
  const a = t.args;
  const ops = a.positionals;
  const action = rpmAction(t.subcommand);
  let subAction: string | undefined;
  let installs = false;
  let packages: PackageRef[] = [];
  if (action === 'module' || action === 'group') {
    subAction = t.subcommand === 'groupinstall' ? 'install' : rpmAction(ops[1]?.value);
    const rest = t.subcommand === 'groupinstall' ? ops.slice(1) : ops.slice(2);
    installs = subAction !== undefined && RPM_INSTALLS.has(subAction);
    if (installs) {
      packages =
        action === 'module'
          ? refs(rest, classifyModuleStream)
          : refs(rest, (v) => spec(v, 'group'));
    }
  } else if (action !== undefined && RPM_INSTALLS.has(action)) {
    installs = true;
    packages = refs(ops.slice(1), classifyRpmPackage);
  }
  return extend(t, {
    tool: t.tool as RpmCommand['tool'],
    assumeYes: a.has('-y', '--assumeyes'),
    action,
    subAction,
    installs,
    cleanAll: action === 'clean' && ops[1]?.value === 'all',
    packages,
  });
});

/**
 * `name-version[-release]` is pinned when the last `-` part starts with a digit
 * (`httpd-2.4.24`, `openssl-1:1.1.1k`, `gcc-c++-1.1.1`, not `rpm-sign`,
 * `java-11-openjdk`); `*.rpm` is a file; `@group` a group.
 */
export function classifyRpmPackage(v: string): PackageSpec {
  if (v.endsWith('.rpm') || isLocalPath(v) || /^https?:\/\//.test(v)) return spec(v, v.endsWith('.rpm') ? 'file' : 'path');
  if (v.startsWith('@')) return spec(v.slice(1), 'group');
  const last = v.lastIndexOf('-');
  if (last > 0 && /^\d/.test(v.slice(last + 1))) {
    const first = /-\d/.exec(v)!;
    return spec(v.slice(0, first.index), 'package', v.slice(first.index + 1), '-');
  }
  return spec(v, 'package');
}

/** `nodejs:18[/profile]` (pinned) or `nodejs`. */
export function classifyModuleStream(v: string): PackageSpec {
  const c = v.indexOf(':');
  if (c > 0) return spec(v.slice(0, c), 'module', v.slice(c + 1), ':');
  const s = v.indexOf('/');
  return spec(s > 0 ? v.slice(0, s) : v, 'module');
}

// ------------------------------------------------------------------ zypper

export interface ZypperCommand extends ToolCommand {
  /** `-n`/`--non-interactive` (global) or `-y`/`--no-confirm` (anywhere, as hadolint counts them). */
  readonly nonInteractive: boolean;
  /** Canonical subcommand: `in` -> `install`, `rm` -> `remove`, `up` -> `update`, `dup` -> `dist-upgrade`, `cc` -> `clean`, `ref` -> `refresh`, `ar` -> `addrepo`. */
  readonly action?: string;
  readonly installs: boolean;
  readonly packages: readonly PackageRef[];
}

const ZYPPER_SPEC: ArgSpec = {
  withValue: ['-R', '--root', '-c', '--config', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir',
    '--solv-cache-dir', '--pkg-cache-dir', '-t', '--type', '-r', '--repo', '--from', '-p', '--plus-repo',
    '--plus-content', '--download', '--installroot'],
};
const ZYPPER_ALIASES: Record<string, string> = {
  in: 'install',
  rm: 'remove',
  up: 'update',
  dup: 'dist-upgrade',
  cc: 'clean',
  ref: 'refresh',
  ar: 'addrepo',
  rr: 'removerepo',
  se: 'search',
  if: 'info',
  'clean-cache': 'clean',
};
const ZYPPER_INSTALLS = new Set(['install', 'update', 'dist-upgrade', 'patch']);

/** zypper. */
export const zypperCommand: (cmd: SimpleCommand) => ZypperCommand | undefined = memo((cmd) => {
  const t = recognise(cmd, (n) => n === 'zypper', ZYPPER_SPEC);
  if (!t) return undefined;
  const a = t.args;
  const action =
    t.subcommand === undefined
      ? undefined
      : Object.prototype.hasOwnProperty.call(ZYPPER_ALIASES, t.subcommand)
        ? ZYPPER_ALIASES[t.subcommand]
        : t.subcommand;
  const installs = action !== undefined && ZYPPER_INSTALLS.has(action);
  return extend(t, {
    nonInteractive: a.has('-n', '--non-interactive', '-y', '--no-confirm'),
    action,
    installs,
    packages: action === 'install' ? refs(a.positionals.slice(1), classifyZypperPackage) : [],
  });
});

/** `pkg=1.0`, `pkg>=1.0`, `pkg>1`, `pkg<=1`, `pkg<1` (pinned); `*.rpm` (file). */
export function classifyZypperPackage(v: string): PackageSpec {
  if (v.endsWith('.rpm') || isLocalPath(v)) return spec(v, v.endsWith('.rpm') ? 'file' : 'path');
  const m = /^([^=<>]+)(>=|<=|=|>|<)(.*)$/.exec(v);
  if (m) return spec(m[1], 'package', m[3], m[2]);
  return spec(v, 'package');
}

// ------------------------------------------------------------------ pip

export interface PipCommand extends ToolCommand {
  /** `pip` (pip, pip3, pip3.12, `python -m pip`) or `pipx`. */
  readonly manager: 'pip' | 'pipx';
  /** The word list was reached through `python… -m pip`. */
  readonly viaPython: boolean;
  /** `--no-cache-dir`. */
  readonly noCacheDir: boolean;
  /** `-r`/`--requirement` values. */
  readonly requirements: readonly string[];
  /** `-c`/`--constraint` values (a constraints file pins what it lists). */
  readonly constraints: readonly string[];
  /** `-e`/`--editable` values. */
  readonly editables: readonly string[];
  /** `-U`/`--upgrade`. */
  readonly upgrade: boolean;
  /** Operands of `install` (requirement specifiers, paths, URLs). */
  readonly packages: readonly PackageRef[];
}

const PIP_SPEC: ArgSpec = {
  withValue: ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--platform',
    '--python-version', '--implementation', '--abi', '--root', '--prefix', '--src', '--upgrade-strategy',
    '--install-option', '--global-option', '-C', '--config-settings', '-i', '--index-url', '--extra-index-url',
    '-f', '--find-links', '--trusted-host', '--log', '--log-file', '--local-log', '--proxy', '--retries',
    '--timeout', '--exists-action', '--cert', '--client-cert', '--cache-dir', '--progress-bar', '--root-user-action',
    '--report', '--keyring-provider', '--use-feature', '--use-deprecated', '--python', '--build', '-b',
    '--no-binary', '--only-binary', '--group', '--pip-args', '--suffix', '--preinstall', '--spec'],
};

/** pip, pip2, pip3, pip3.X, pipx, and `python[X] -m pip`. */
export const pipCommand: (cmd: SimpleCommand) => PipCommand | undefined = memo((cmd) => {
  const n = commandName(cmd);
  if (!n || n.word.hasExpansion) return undefined;
  let argWords: readonly Word[];
  let manager: 'pip' | 'pipx';
  let viaPython = false;
  if (/^pip(\d+(\.\d+)*)?$/.test(n.name)) {
    manager = 'pip';
    argWords = cmd.words.slice(n.index + 1);
  } else if (n.name === 'pipx') {
    manager = 'pipx';
    argWords = cmd.words.slice(n.index + 1);
  } else if (/^python(\d+(\.\d+)*)?$/.test(n.name)) {
    const after = pythonModuleArgs(cmd.words.slice(n.index + 1), 'pip');
    if (!after) return undefined;
    manager = 'pip';
    viaPython = true;
    argWords = after;
  } else return undefined;
  const a = parseArgs(argWords, PIP_SPEC);
  const t = build(cmd, n.name, n.word, n.index, n.sudo, argWords, a);
  return extend(t, {
    manager,
    viaPython,
    noCacheDir: a.has('--no-cache-dir'),
    requirements: a.values('-r', '--requirement'),
    constraints: a.values('-c', '--constraint'),
    editables: a.values('-e', '--editable'),
    upgrade: a.has('-U', '--upgrade'),
    packages: t.subcommand === 'install' ? refs(a.positionals.slice(1), classifyPipRequirement) : [],
  });
});

/** The words after `-m MODULE` in python's own arguments, when the module is `module`. */
function pythonModuleArgs(words: readonly Word[], module: string): readonly Word[] | undefined {
  for (let i = 0; i < words.length; i++) {
    const v = words[i].value;
    if (v === '-m') return words[i + 1]?.value === module ? words.slice(i + 2) : undefined;
    if (v.startsWith('-m')) return v.slice(2) === module ? words.slice(i + 1) : undefined;
    if (!v.startsWith('-') || v === '-' || v === '-c') return undefined;
    if (v === '-X' || v === '-W') i++;
    else if (/^-[^-]*m/.test(v)) {
      // A cluster ending in m: -Im pip
      const k = v.indexOf('m');
      const rest = v.slice(k + 1);
      if (rest) return rest === module ? words.slice(i + 1) : undefined;
      return words[i + 1]?.value === module ? words.slice(i + 2) : undefined;
    }
  }
  return undefined;
}

const ARCHIVE = /\.(whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip|tar)$/i;

/**
 * A pip requirement: `pkg==1.0` / `pkg>=1` / `pkg~=1` / `pkg!=1` / `pkg<1` (pinned, as
 * hadolint counts them), `pkg[extra]`, `git+https://…@ref#egg=pkg` (vcs, pinned by `@ref`),
 * URLs, archives and paths.
 */
export function classifyPipRequirement(v: string): PackageSpec {
  const vcs = /^(git|hg|svn|bzr)\+[a-z]+:\/\//i.exec(v);
  if (vcs) {
    const egg = /[#&]egg=([^&]+)/.exec(v)?.[1] ?? v;
    const body = v.slice(vcs[0].length).replace(/#.*$/, '');
    const slash = body.indexOf('/');
    const path = slash >= 0 ? body.slice(slash) : '';
    const at = path.lastIndexOf('@');
    return at >= 0 ? spec(egg, 'vcs', path.slice(at + 1), '@') : spec(egg, 'vcs');
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return spec(v, 'url');
  const direct = /^([A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?)\s*@\s*(\S+:\/\/.*)$/.exec(v);
  if (direct) return spec(direct[1], 'url', direct[2], '@');
  if (ARCHIVE.test(v)) return spec(v, 'file');
  if (isLocalPath(v) || v.includes('/')) return spec(v, 'path');
  const req = v.replace(/\s*;.*$/, '');
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*(?:\[[^\]]*\])?)\s*(===|==|~=|!=|<=|>=|<|>)\s*(.*)$/.exec(req);
  if (m) return spec(m[1], 'package', m[3], m[2]);
  return spec(req, 'package');
}

// ------------------------------------------------------------------ npm / yarn / pnpm

export interface NodeCommand extends ToolCommand {
  readonly tool: 'npm' | 'yarn' | 'pnpm';
  /**
   * Canonical action: npm `i`/`isntall`/`add`… -> `install`, `clean-install`/`ic` -> `ci`;
   * yarn/pnpm `i` -> `install`; `global add` -> `add` (with `global` true);
   * `cache clean` / `store prune` -> `cache-clean`; others as written.
   */
  readonly action?: string;
  /** `-g`, `--global`, `yarn global add`. */
  readonly global: boolean;
  /** Packages named on an install/add command line. */
  readonly packages: readonly PackageRef[];
}

const NPM_SPEC: ArgSpec = {
  withValue: ['--registry', '--loglevel', '--prefix', '--cache', '--tag', '--userconfig', '--globalconfig', '-w',
    '--workspace', '--omit', '--include', '--install-strategy', '--before', '--otp', '--scope', '--save-prefix',
    '--auth-type', '--node-options', '--script-shell', '--fetch-retries', '--fetch-timeout', '--maxsockets',
    '--proxy', '--https-proxy', '--noproxy', '--ca', '--cafile', '--cert', '--key', '--nodedir', '--python',
    '--cwd', '--modules-folder', '--cache-folder', '--mutex', '--network-timeout', '--network-concurrency',
    '--use-yarnrc', '--link-folder', '--global-folder', '--filter', '-F', '-C', '--dir', '--reporter',
    '--store-dir', '--virtual-store-dir', '--config', '--lockfile-dir'],
};
const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal',
  'isntall', 'add']);
const NPM_CI = new Set(['ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean']);

/** npm, yarn, pnpm. */
export const nodePackageCommand: (cmd: SimpleCommand) => NodeCommand | undefined = memo((cmd) => {
  const t = recognise(cmd, (n) => n === 'npm' || n === 'yarn' || n === 'pnpm', NPM_SPEC);
  if (!t) return undefined;
  const a = t.args;
  const ops = a.positionals;
  let first = t.subcommand;
  let rest = ops.slice(1);
  let global = a.has('-g', '--global');
  if (t.tool === 'yarn' && first === 'global') {
    global = true;
    first = ops[1]?.value;
    rest = ops.slice(2);
  }
  let action: string | undefined = first;
  if (first !== undefined) {
    if (t.tool === 'npm' && NPM_INSTALL.has(first)) action = 'install';
    else if (t.tool === 'npm' && NPM_CI.has(first)) action = 'ci';
    else if ((t.tool === 'yarn' || t.tool === 'pnpm') && first === 'i') action = 'install';
    else if ((first === 'cache' && ops[1]?.value === 'clean') || (first === 'store' && ops[1]?.value === 'prune'))
      action = 'cache-clean';
  }
  const named = action === 'install' || action === 'add' ? refs(rest, classifyNpmPackage) : [];
  return extend(t, { tool: t.tool as NodeCommand['tool'], action, global, packages: named });
});

/**
 * `pkg@1.2` / `@scope/pkg@^1` (pinned), `pkg`, tarballs (`.tgz`, `.tar.gz`, `.tar`),
 * folders, and git URLs / GitHub shorthands pinned by `#ref`.
 */
export function classifyNpmPackage(v: string): PackageSpec {
  if (/\.(tgz|tar\.gz|tar)$/i.test(v)) return spec(v, 'file');
  if (isLocalPath(v) || v.startsWith('file:')) return spec(v, 'path');
  if (/^(git\+[a-z]+:\/\/|git:\/\/|git@|github:|gitlab:|bitbucket:|gist:)/i.test(v)) {
    const h = v.indexOf('#');
    return h >= 0 ? spec(v.slice(0, h), 'vcs', v.slice(h + 1), '#') : spec(v, 'vcs');
  }
  if (/^https?:\/\//i.test(v)) return spec(v, 'url');
  const scoped = v.startsWith('@');
  const at = v.indexOf('@', scoped ? 1 : 0);
  if (at > 0) return spec(v.slice(0, at), 'package', v.slice(at + 1), '@');
  if (!scoped && /^[^/\s]+\/[^/\s]+$/.test(v)) {
    // GitHub shorthand user/repo[#ref]
    const h = v.indexOf('#');
    return h >= 0 ? spec(v.slice(0, h), 'vcs', v.slice(h + 1), '#') : spec(v, 'vcs');
  }
  return spec(v, 'package');
}

// ------------------------------------------------------------------ gem

export interface GemCommand extends ToolCommand {
  /** `install` for `install` / `i`; other subcommands as written. */
  readonly action?: string;
  /** `-v` / `--version` value (pins every gem of the command line). */
  readonly version?: string;
  /** `--no-document`, `-N`, `--no-doc`, or both `--no-ri` and `--no-rdoc`. */
  readonly noDocument: boolean;
  /** Gems of `gem install` (build flags after `--` excluded). */
  readonly packages: readonly PackageRef[];
}

const GEM_SPEC: ArgSpec = {
  withValue: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--build-root', '-s', '--source',
    '--platform', '-P', '--trust-policy', '-g', '--file', '--document', '-p', '--http-proxy', '--config-file',
    '--target-rbconfig'],
};

/** gem. */
export const gemCommand: (cmd: SimpleCommand) => GemCommand | undefined = memo((cmd) => {
  const n = commandName(cmd);
  if (!n || n.name !== 'gem' || n.word.hasExpansion) return undefined;
  const all = cmd.words.slice(n.index + 1);
  const dd = all.findIndex((w) => w.value === '--');
  const argWords = dd >= 0 ? all.slice(0, dd) : all;
  // Unknown `--flag true|false` pairs are flag values, not gems (hadolint parity).
  const known = new Set(GEM_SPEC.withValue);
  const extra = argWords
    .filter((w, i) => w.value.startsWith('--') && !w.value.includes('=') && !known.has(w.value) &&
      /^(true|false|yes|no)$/i.test(argWords[i + 1]?.value ?? ''))
    .map((w) => w.value);
  const a = parseArgs(argWords, { withValue: [...GEM_SPEC.withValue!, ...extra] });
  const t = build(cmd, n.name, n.word, n.index, n.sudo, argWords, a);
  const action = t.subcommand === 'i' ? 'install' : t.subcommand;
  const version = a.get('-v', '--version')?.value;
  const packages =
    action === 'install'
      ? refs(a.positionals.slice(1), (v) => {
          const s = classifyGemPackage(v);
          return !s.pinned && version !== undefined && s.kind === 'package' ? spec(s.name, 'package', version, '-v') : s;
        })
      : [];
  return extend(t, {
    action,
    version,
    noDocument: a.has('--no-document', '-N', '--no-doc') || (a.has('--no-ri') && a.has('--no-rdoc')),
    packages,
  });
});

/** `gem:1.2` (pinned), `gem`, `./x.gem` (file). */
export function classifyGemPackage(v: string): PackageSpec {
  if (v.endsWith('.gem')) return spec(v, 'file');
  if (isLocalPath(v)) return spec(v, 'path');
  const c = v.indexOf(':');
  if (c > 0) return spec(v.slice(0, c), 'package', v.slice(c + 1), ':');
  return spec(v, 'package');
}

// ------------------------------------------------------------------ go

export interface GoCommand extends ToolCommand {
  /** `install`, `get`, `run`, … */
  readonly action?: string;
  /** Modules/packages of `go install` / `go get`, or the program of `go run`. */
  readonly packages: readonly PackageRef[];
}

const GO_SPEC: ArgSpec = {
  longOnly: true,
  stopAtFirstPositional: true,
  withValue: ['-C', '-o', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-mod', '-modfile',
    '-overlay', '-pkgdir', '-toolexec', '-exec', '-pgo', '-buildmode', '-compiler', '-installsuffix', '-covermode',
    '-coverpkg', '-coverprofile'],
};

/** go install / get / run (and other go subcommands, without packages). */
export const goCommand: (cmd: SimpleCommand) => GoCommand | undefined = memo((cmd) => {
  const n = commandName(cmd);
  if (!n || n.name !== 'go' || n.word.hasExpansion) return undefined;
  const argWords = cmd.words.slice(n.index + 1);
  const sub = argWords[0];
  if (!sub || sub.value.startsWith('-')) {
    const t = build(cmd, n.name, n.word, n.index, n.sudo, argWords, parseArgs(argWords, GO_SPEC));
    return extend(t, { action: undefined, packages: [] as PackageRef[] });
  }
  const a = parseArgs(argWords.slice(1), GO_SPEC);
  const base: Mutable<ToolCommand> = build(cmd, n.name, n.word, n.index, n.sudo, argWords, a);
  base.subcommand = sub.value;
  base.subcommandWord = sub;
  const action = sub.value;
  let words: readonly Word[] = [];
  if (action === 'install' || action === 'get') words = a.positionals;
  else if (action === 'run') words = a.positionals.slice(0, 1);
  return extend(base, { action: action as string | undefined, packages: refs(words, classifyGoPackage) });
});

/**
 * `mod/pkg@v1.2.3` (pinned); `@latest`, `@upgrade`, `@patch` are queries, not pins;
 * `.`, `./x`, `/x` and `.go` files are local.
 */
export function classifyGoPackage(v: string): PackageSpec {
  if (isLocalPath(v)) return spec(v, 'path');
  if (v.endsWith('.go')) return spec(v, 'file');
  const at = v.lastIndexOf('@');
  if (at > 0) {
    const ver = v.slice(at + 1);
    const s = spec(v.slice(0, at), 'package', ver, '@');
    if (['latest', 'upgrade', 'patch', ''].includes(ver)) (s as Mutable<PackageSpec>).pinned = false;
    return s;
  }
  return spec(v, 'package');
}

// ------------------------------------------------------------------ cd, curl, wget, useradd

export interface CdCommand extends ToolCommand {
  /** The directory operand (none: home directory). */
  readonly target?: Word;
}

/** cd (also `pushd`). */
export const cdCommand: (cmd: SimpleCommand) => CdCommand | undefined = memo((cmd) => {
  const t = recognise(cmd, (n) => n === 'cd' || n === 'pushd', { stopAtFirstPositional: true });
  if (!t) return undefined;
  return extend(t, { target: t.args.positionals[0] as Word | undefined });
});

export interface CurlCommand extends ToolCommand {
  /** Operands and `--url` values. */
  readonly urls: readonly Word[];
  /** `-o` / `--output` values. */
  readonly outputs: readonly string[];
  /** `-O` / `--remote-name` / `--remote-name-all`. */
  readonly remoteName: boolean;
  /** `-f` / `--fail` / `--fail-with-body`. */
  readonly fail: boolean;
  /** `-s` / `--silent`. */
  readonly silent: boolean;
  /** `-S` / `--show-error`. */
  readonly showError: boolean;
  /** `-L` / `--location`. */
  readonly location: boolean;
  /** `-k` / `--insecure`. */
  readonly insecure: boolean;
}

const CURL_SPEC: ArgSpec = {
  withValue: ['-o', '--output', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--data-ascii',
    '-H', '--header', '-u', '--user', '-X', '--request', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie',
    '-c', '--cookie-jar', '-F', '--form', '--form-string', '-m', '--max-time', '--connect-timeout', '--retry',
    '--retry-delay', '--retry-max-time', '-w', '--write-out', '-x', '--proxy', '-T', '--upload-file', '-r',
    '--range', '-C', '--continue-at', '-E', '--cert', '--cacert', '--capath', '--key', '--output-dir', '-K',
    '--config', '--url', '-y', '--speed-time', '-Y', '--speed-limit', '--limit-rate', '--resolve', '--interface',
    '-U', '--proxy-user', '--max-redirs', '-z', '--time-cond', '--dns-servers', '--unix-socket', '--noproxy',
    '--proto', '--proto-redir', '--ciphers', '--local-port', '--pubkey', '--stderr', '--trace', '--trace-ascii',
    '--json', '-Q', '--quote', '-t', '--telnet-option', '--variable', '--connect-to', '--cert-type', '--key-type',
    '--pass', '--max-filesize'],
};

/** curl. */
export const curlCommand: (cmd: SimpleCommand) => CurlCommand | undefined = memo((cmd) => {
  const t = recognise(cmd, (n) => n === 'curl', CURL_SPEC);
  if (!t) return undefined;
  const a = t.args;
  const urlOpts = a.options.filter((o) => o.name === '--url' && o.valueWord).map((o) => o.valueWord!);
  return extend(t, {
    urls: [...a.positionals, ...urlOpts].sort((x, y) => x.start - y.start),
    outputs: a.values('-o', '--output'),
    remoteName: a.has('-O', '--remote-name', '--remote-name-all'),
    fail: a.has('-f', '--fail', '--fail-with-body'),
    silent: a.has('-s', '--silent'),
    showError: a.has('-S', '--show-error'),
    location: a.has('-L', '--location'),
    insecure: a.has('-k', '--insecure'),
  });
});

export interface WgetCommand extends ToolCommand {
  readonly urls: readonly Word[];
  /** `-O` / `--output-document` value. */
  readonly outputDocument?: string;
  /** `-q` / `--quiet`. */
  readonly quiet: boolean;
  /** `-nv` / `--no-verbose`. */
  readonly noVerbose: boolean;
  /** `--progress` value. */
  readonly progress?: string;
  /** `-o`/`--output-file` or `-a`/`--append-output`: the log goes to a file. */
  readonly logToFile: boolean;
  /** `--no-check-certificate`. */
  readonly insecure: boolean;
}

const WGET_SPEC: ArgSpec = {
  singleDashLong: ['-nv', '-nc', '-nd', '-nH', '-np'],
  withValue: ['-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix',
    '-t', '--tries', '-T', '--timeout', '-w', '--wait', '-U', '--user-agent', '--header', '--user', '--password',
    '-e', '--execute', '-i', '--input-file', '-B', '--base', '--progress', '-Q', '--quota', '-l', '--level', '-A',
    '--accept', '-R', '--reject', '-D', '--domains', '--post-data', '--post-file', '--method', '--body-data',
    '--body-file', '--ca-certificate', '--ca-directory', '--certificate', '--private-key', '--limit-rate',
    '--http-user', '--http-password', '--referer', '--load-cookies', '--save-cookies', '--bind-address',
    '--dns-timeout', '--connect-timeout', '--read-timeout', '--waitretry', '--config', '--restrict-file-names',
    '-X', '--exclude-directories', '-I', '--include-directories', '--cut-dirs'],
};

/** wget. */
export const wgetCommand: (cmd: SimpleCommand) => WgetCommand | undefined = memo((cmd) => {
  const t = recognise(cmd, (n) => n === 'wget', WGET_SPEC);
  if (!t) return undefined;
  const a = t.args;
  const out = a.get('-O', '--output-document')?.value;
  const progress = a.get('--progress')?.value;
  return extend(t, {
    urls: a.positionals,
    outputDocument: out,
    quiet: a.has('-q', '--quiet'),
    noVerbose: a.has('-nv', '--no-verbose'),
    progress,
    logToFile: a.has('-o', '--output-file', '-a', '--append-output'),
    insecure: a.has('--no-check-certificate'),
  });
});

export interface UseraddCommand extends ToolCommand {
  /** The login operand. */
  readonly user?: Word;
  /** `-u` / `--uid` value. */
  readonly uid?: string;
  /** `-l` / `--no-log-init`. */
  readonly noLogInit: boolean;
  /** `-r` / `--system`. */
  readonly system: boolean;
  /** `-m` / `--create-home`. */
  readonly createHome: boolean;
}

const USERADD_SPEC: ArgSpec = {
  withValue: ['-b', '--base-dir', '-c', '--comment', '-d', '--home-dir', '-e', '--expiredate', '-f', '--inactive',
    '-g', '--gid', '-G', '--groups', '-k', '--skel', '-K', '--key', '-p', '--password', '-s', '--shell', '-u',
    '--uid', '-R', '--root', '-P', '--prefix', '-Z', '--selinux-user', '--selinux-range'],
};

/** useradd. */
export const useraddCommand: (cmd: SimpleCommand) => UseraddCommand | undefined = memo((cmd) => {
  const t = recognise(cmd, (n) => n === 'useradd', USERADD_SPEC);
  if (!t) return undefined;
  const a = t.args;
  const uid = a.get('-u', '--uid')?.value;
  return extend(t, {
    user: t.args.positionals[0] as Word | undefined,
    uid,
    noLogInit: a.has('-l', '--no-log-init'),
    system: a.has('-r', '--system'),
    createHome: a.has('-m', '--create-home'),
  });
});
