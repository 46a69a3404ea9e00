/**
 * Which tools a stage has: what its base image ships (for the images we know
 * well) and what RUN instructions in the stage and the stages it builds on
 * install or remove. For DF121 (owned by it). Pure.
 */
import type { Stage } from '../model';
import type { SimpleCommand, Word } from '../shell/types';
import { aptCommand, apkCommand, rpmCommand, zypperCommand, curlCommand, wgetCommand } from '../shell/packageManagers';
import { baseName, commandName } from '../shell/args';
import type { Copy } from 'dockerfile-ast';
import { hasNoShell, isAlpineTag, type ImageRef } from './_images';

export type PackageManager = 'apt' | 'apk';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

export interface ImageTools {
  /** Human name, for messages. */
  readonly image: string;
  readonly curl: boolean;
  /** `busybox` (the applet) or `gnu`, or false. */
  readonly wget: 'busybox' | 'gnu' | false;
  /** Command that runs Python 3 there, if the image is a Python image. */
  readonly python?: string;
  /** Command that runs Node.js there, if the image is a Node image. */
  readonly node?: string;
  /** How to install packages, when the image has a package manager and a shell. */
  readonly pm?: PackageManager;
  readonly shell: boolean;
}

const LANG_IMAGES = new Set(['python', 'node', 'golang', 'ruby', 'rust']);
const DOTNET_RUNTIME = /^(dotnet\/(core\/)?(aspnet|runtime|runtime-deps))$/;

/**
 * The tools a base image ships, for the official images we know; undefined when
 * unknown (then no rule should guess).
 */
export function imageTools(img: ImageRef): ImageTools | undefined {
  const image = img.tag ? `${img.repo}:${img.tag}` : img.repo;
  const repo = img.repo;
  if (hasNoShell(img)) {
    if (repo === 'scratch') return { image, curl: false, wget: false, shell: false };
    const python = /python/.test(repo) ? 'python3' : undefined;
    const node = /nodejs|(^|\/)node$/.test(repo) ? (repo.includes('distroless') ? '/nodejs/bin/node' : 'node') : undefined;
    return { image, curl: false, wget: false, shell: false, ...(python ? { python } : {}), ...(node ? { node } : {}) };
  }
  const official = img.registry === '' || img.registry === 'docker.io' || img.registry === 'index.docker.io';
  const mcr = img.registry === 'mcr.microsoft.com';
  const tag = img.tag;
  const alpine = isAlpineTag(img);
  const slim = /(^|-)slim($|-)/.test(tag);
  const lang = (name: string) => (name === 'python' ? { python: 'python3' } : name === 'node' ? { node: 'node' } : {});
  if (official && LANG_IMAGES.has(repo)) {
    if (alpine) return { image, curl: false, wget: 'busybox', pm: 'apk', shell: true, ...lang(repo) };
    if (slim) return { image, curl: false, wget: false, pm: 'apt', shell: true, ...lang(repo) };
    if (/(^|-)windowsservercore|nanoserver/.test(tag)) return undefined;
    // The full variants build on buildpack-deps, which ships curl and wget.
    return { image, curl: true, wget: 'gnu', pm: 'apt', shell: true, ...lang(repo) };
  }
  if (official && repo === 'alpine') return { image, curl: false, wget: 'busybox', pm: 'apk', shell: true };
  if (official && repo === 'busybox') return { image, curl: false, wget: 'busybox', shell: true };
  if (official && (repo === 'debian' || repo === 'ubuntu')) return { image, curl: false, wget: false, pm: 'apt', shell: true };
  if (mcr && DOTNET_RUNTIME.test(repo)) {
    if (alpine) return { image, curl: false, wget: 'busybox', pm: 'apk', shell: true };
    if (/(^|-)(bookworm|bullseye|trixie|jammy|noble|focal)(-slim)?($|-)/.test(tag) || /^\d+(\.\d+)*$/.test(tag) || tag === '' || tag === 'latest')
      return { image, curl: false, wget: false, pm: 'apt', shell: true };
    return undefined;
  }
  return undefined;
}

export type ToolState = 'present' | 'absent' | 'unknown';

function isTool(v: string, tool: string): boolean {
  const n = v.toLowerCase();
  if (tool === 'curl') return n === 'curl' || n === 'curl-minimal';
  return n === 'wget' || n === 'wget2';
}

/**
 * Whether RUN/COPY instructions of the stage chain (up to, not including, `beforeIndex`
 * in the last stage) make `tool` available: installed → present, removed → absent,
 * used successfully by a RUN → present, an install list we cannot read → unknown.
 */
export function toolFromInstructions(chain: readonly Stage[], beforeIndex: number, tool: 'curl' | 'wget'): ToolState | undefined {
  let state: ToolState | undefined;
  const virtuals = new Map<string, boolean>(); // apk --virtual name -> contains the tool
  for (const stage of chain) {
    for (const info of stage.instructions) {
      if (info.index >= beforeIndex) break;
      if (info.onbuild) continue;
      if (info.keyword === 'COPY' || info.keyword === 'ADD') {
        const args = (info.node as Copy).getArguments().map((a) => a.getValue());
        if (args.some((a) => baseName(a.replace(/\/+$/, '')) === tool)) state = 'present';
        continue;
      }
      if (info.keyword !== 'RUN') continue;
      for (const script of info.scripts()) {
        for (const cmd of script.commands) state = applyCommand(cmd, tool, virtuals) ?? state;
      }
    }
  }
  return state;
}

function mentions(words: readonly { value: string; hasExpansion: boolean }[], tool: string): boolean | 'unknown' {
  if (words.some((w) => isTool(w.value, tool))) return true;
  if (words.some((w) => w.hasExpansion)) return 'unknown';
  return false;
}

function applyCommand(cmd: SimpleCommand, tool: 'curl' | 'wget', virtuals: Map<string, boolean>): ToolState | undefined {
  const uses = tool === 'curl' ? curlCommand(cmd) : wgetCommand(cmd);
  // A RUN that calls the tool unconditionally proves it is there (the build would fail otherwise).
  if (uses && !cmd.inSubstitution && (cmd.depth === 0 || cmd.construct === 'group' || cmd.construct === 'subshell')) return 'present';
  // An installer we cannot see into (`./scripts/setup/install`, `sh install.sh`, `curl … | sh`) may install anything.
  const n = commandName(cmd);
  if (n && !n.word.hasExpansion) {
    const next = cmd.words[n.index + 1];
    if (n.word.value.includes('/') && !/^\/(usr\/)?(local\/)?s?bin\//.test(n.word.value)) return 'unknown';
    if (SHELLS.has(n.name) && next && !next.value.startsWith('-')) return 'unknown';
    if (SHELLS.has(n.name) && cmd.inPipeline && cmd.separatorBefore === '|') return 'unknown';
  }
  const apt = aptCommand(cmd);
  if (apt) {
    const action = apt.subcommand;
    const m = mentions(apt.packages.map((p) => p.word), tool);
    if (action === 'install') return m === true ? 'present' : m === 'unknown' ? 'unknown' : undefined;
    if (action === 'remove' || action === 'purge') return mentions(apt.args.positionals.slice(1), tool) === true ? 'absent' : undefined;
    return undefined;
  }
  const apk = apkCommand(cmd);
  if (apk) {
    const action = apk.subcommand;
    const m = mentions(apk.packages.map((p) => p.word), tool);
    if (action === 'add') {
      if (apk.virtual) virtuals.set(apk.virtual.name, m === true);
      return m === true ? 'present' : m === 'unknown' ? 'unknown' : undefined;
    }
    if (action === 'del' || action === 'delete') {
      const words = apk.args.positionals.slice(1);
      if (words.some((w) => virtuals.get(w.value))) return 'absent';
      return mentions(words, tool) === true ? 'absent' : undefined;
    }
    return undefined;
  }
  const rpm = rpmCommand(cmd) ?? zypperCommand(cmd);
  if (rpm) {
    const m = mentions(rpm.packages.map((p) => p.word), tool);
    if (rpm.installs) return m === true ? 'present' : m === 'unknown' ? 'unknown' : undefined;
    if (rpm.action === 'remove' || rpm.action === 'erase' || rpm.action === 'rm')
      return mentions(rpm.args.positionals.slice(1), tool) === true ? 'absent' : undefined;
  }
  return undefined;
}

export type { Word };
