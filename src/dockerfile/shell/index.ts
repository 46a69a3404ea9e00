/**
 * The shell layer of the Dockerfile linter: script extraction from instructions,
 * a POSIX sh / bash parser, getopt-style argument parsing and recognisers for
 * package managers and common tools. Pure: no `vscode` import.
 *
 * Typical use in a rule (only when the stage's SHELL is POSIX, see `isPosixShell`):
 *
 *   for (const source of scriptsOf(instruction, escapeChar)) {
 *     const script = parseShell(source);
 *     for (const cmd of script.commands) {
 *       const apt = aptCommand(cmd);
 *       if (apt?.subcommand === 'install' && !apt.assumeYes) {
 *         const range = documentRange(source, apt.toolWord.start, apt.toolWord.end);
 *         …
 *       }
 *     }
 *   }
 */
export type * from './types';
export { parseShell, parseShellText } from './parse';
export { ScriptTextBuilder, textSource, documentRange } from './source';
export {
  scriptsOf,
  commandForm,
  execFormArgs,
  isPosixShell,
  isPosixShellProgram,
  shellName,
} from './extract';
export type { ExecArg, CommandForm } from './extract';
export { parseArgs, commandName, commandArgs, baseName } from './args';
export type { ArgSpec, ParsedArgs, ParsedOption, CommandName } from './args';
export {
  needsPin,
  aptCommand,
  classifyAptPackage,
  apkCommand,
  classifyApkPackage,
  rpmCommand,
  classifyRpmPackage,
  classifyModuleStream,
  zypperCommand,
  classifyZypperPackage,
  pipCommand,
  classifyPipRequirement,
  nodePackageCommand,
  classifyNpmPackage,
  gemCommand,
  classifyGemPackage,
  goCommand,
  classifyGoPackage,
  cdCommand,
  curlCommand,
  wgetCommand,
  useraddCommand,
} from './packageManagers';
export type {
  ToolCommand,
  PackageKind,
  PackageSpec,
  PackageRef,
  AptCommand,
  ApkCommand,
  RpmCommand,
  ZypperCommand,
  PipCommand,
  NodeCommand,
  GemCommand,
  GoCommand,
  CdCommand,
  CurlCommand,
  WgetCommand,
  UseraddCommand,
} from './packageManagers';
