import { get, type CNode, type CScalar } from '../node';
import { dirnamePath, isAbsolutePath, joinPath } from '../paths';
import type { ComposeRule, ComposeRuleContext } from './types';
import { isSameOrUnder } from './_backing';

/** A build context that is not a local directory: a Git or HTTP(S) URL, or a `name:` additional-context scheme. */
export function isRemoteContext(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || /^git@/.test(s) || /^github\.com\//.test(s) || /^(docker-image|target|oci-layout|service):/.test(s);
}

/** The compose file's directory, where relative paths start. */
export function baseDir(ctx: ComposeRuleContext): string | undefined {
  if (!ctx.workspace) return undefined;
  return ctx.filePath ? dirnamePath(ctx.filePath.replace(/\\/g, '/')) : ctx.workspace.contextDir;
}

/** A path value that can be checked: a literal string, no `${VAR}`, no `~`, no Windows drive. */
function checkable(ctx: ComposeRuleContext, n: CNode | undefined): n is CScalar & { value: string } {
  if (n?.kind !== 'scalar' || typeof n.value !== 'string' || n.value === '') return false;
  if (ctx.lines.textOf(n.range).includes('$') || n.value.includes('$')) return false;
  return !n.value.startsWith('~') && !/^[A-Za-z]:/.test(n.value) && !n.value.startsWith('\\\\');
}

export const rule: ComposeRule = {
  code: 'CM033',
  name: 'missing-file',
  title: 'A file or directory the compose file refers to does not exist',
  defaultSeverity: 'error',
  fix: 'no',
  needsWorkspace: true,
  anchors: { other: ['compose-go loader (env_file, secrets/configs file)', 'docker compose build (context, dockerfile)'] },
  check(ctx) {
    const ws = ctx.workspace;
    const dir = baseDir(ctx);
    if (!ws || !dir || ctx.root?.kind !== 'map') return;
    const missing = (n: CScalar & { value: string }, base: string, what: string): void => {
      // Absolute host paths outside the project (`/var/run/docker.sock`) are the host's business.
      if (isAbsolutePath(n.value) && !isSameOrUnder(n.value, dir)) return;
      const abs = joinPath(base, n.value);
      if (ws.exists(abs)) return;
      ctx.report({ range: n.range, message: `${what} "${n.value}" does not exist (${abs})` });
    };
    const services = get(ctx.root, 'services');
    if (services?.kind === 'map') {
      for (const e of services.entries) {
        const svc = e.value;
        if (svc.kind !== 'map') continue;
        const who = `service "${e.key}":`;
        checkBuild(ctx, svc, dir, who, missing);
        // env_file: string, list of strings, or list of {path, required}.
        const ef = get(svc, 'env_file');
        const items = ef?.kind === 'seq' ? ef.items : ef ? [ef] : [];
        for (const it of items) {
          let p: CNode | undefined = it;
          if (it.kind === 'map') {
            const req = get(it, 'required');
            if (req?.kind === 'scalar' && (req.value === false || String(req.value).toLowerCase() === 'false')) continue;
            p = get(it, 'path');
          }
          if (checkable(ctx, p)) missing(p, dir, `${who} env_file`);
        }
        // Long-syntax bind mounts that Compose does not create (short syntax and create_host_path: true do).
        const vols = get(svc, 'volumes');
        if (vols?.kind === 'seq') {
          for (const v of vols.items) {
            if (v.kind !== 'map' || get(v, 'type')?.kind !== 'scalar' || String((get(v, 'type') as CScalar).value) !== 'bind') continue;
            const chp = get(get(v, 'bind'), 'create_host_path');
            if (chp?.kind === 'scalar' && (chp.value === true || String(chp.value).toLowerCase() === 'true')) continue;
            const src = get(v, 'source');
            if (checkable(ctx, src)) missing(src, dir, `${who} bind mount source`);
          }
        }
      }
    }
    for (const kind of ['secrets', 'configs'] as const) {
      const top = get(ctx.root, kind);
      if (top?.kind !== 'map') continue;
      for (const e of top.entries) {
        const ext = get(e.value, 'external');
        if (ext?.kind === 'map' || (ext?.kind === 'scalar' && ext.value === true)) continue;
        const f = get(e.value, 'file');
        if (checkable(ctx, f)) missing(f, dir, `${kind.slice(0, -1)} "${e.key}": file`);
      }
    }
  },
};

function checkBuild(
  ctx: ComposeRuleContext,
  svc: CNode,
  dir: string,
  who: string,
  missing: (n: CScalar & { value: string }, base: string, what: string) => void,
): void {
  const build = get(svc, 'build');
  if (!build) return;
  const ctxNode = build.kind === 'scalar' ? build : get(build, 'context');
  let contextDir = dir;
  if (ctxNode) {
    if (ctxNode.kind !== 'scalar' || typeof ctxNode.value !== 'string') return;
    if (isRemoteContext(ctxNode.value)) return;
    if (!checkable(ctx, ctxNode)) return;
    contextDir = joinPath(dir, ctxNode.value);
    if (!ctx.workspace!.exists(contextDir)) {
      missing(ctxNode, dir, `${who} build context`);
      return;
    }
  }
  if (build.kind !== 'map' || get(build, 'dockerfile_inline')) return;
  const df = get(build, 'dockerfile');
  if (checkable(ctx, df)) missing(df, isAbsolutePath(df.value) ? '/' : contextDir, `${who} build.dockerfile`);
}
