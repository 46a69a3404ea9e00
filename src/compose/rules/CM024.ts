import type { TextEdit } from '../../util/text';
import type { ServiceModel } from '../model';
import type { ComposeRule, ComposeRuleContext } from './types';
import { serviceKey, writtenIn } from './_imageRoles';
import { scalarText } from './_values';

/** Names (of a service or of its profiles) that say "run once": init/migration/seed jobs, CLIs, tests, backups. */
const ONE_SHOT = /(^|[-_.])(init|setup|migrate|migration|migrations|migrator|seed|seeder|fixtures|test|tests|e2e|sut|cli|tool|tools|job|jobs|task|tasks|backup|restore|certbot|build|builder|bootstrap|install|installer|provision|once|oneshot|run|console|shell|debug|manage|createbuckets|create-buckets)([-_.]|$)/i;

/** Compose files for tests, CI or development (a token of the file name), where restart policies do not matter. */
const NOT_DEPLOYED_FILE = /(^|[-_.])(test|tests|testing|ci|e2e|dev|develop|development|local|devcontainer)([-_.]|$)/i;
/** Directories of such files. */
const NOT_DEPLOYED_DIR = /^(\.devcontainer|devenv|test|tests|e2e|ci|\.ci|testdata|fixtures|\.github)$/i;

function notDeployed(filePath: string): boolean {
  const parts = filePath.replace(/\\/g, '/').split('/');
  const base = parts.pop() ?? '';
  return NOT_DEPLOYED_FILE.test(base) || parts.some((p) => NOT_DEPLOYED_DIR.test(p));
}

/** `frontendTests` -> `frontend-Tests`, so that camelCase names split into words too. */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2');
}

function replicasZero(s: ServiceModel): boolean {
  return s.scale?.value === 0 || s.replicas?.value === 0;
}

function restartDeclared(s: ServiceModel): boolean {
  if (s.restart) return true;
  const deploy = serviceKey(s, 'deploy');
  return deploy?.kind === 'map' && deploy.entries.some((e) => e.key === 'restart_policy');
}

function jobMode(s: ServiceModel): boolean {
  const deploy = serviceKey(s, 'deploy');
  const mode = deploy?.kind === 'map' ? scalarText(deploy.entries.find((e) => e.key === 'mode')?.value) : undefined;
  return mode === 'replicated-job' || mode === 'global-job';
}

/** Inserts `restart: unless-stopped` after the last key written in the service, at its indentation (block mappings only). */
function insertRestart(ctx: ComposeRuleContext, s: ServiceModel): TextEdit | undefined {
  if (s.node.kind !== 'map' || s.node.tag) return undefined;
  const own = s.node.entries.filter((e) => writtenIn(s, e.keyRange));
  if (!own.length) return undefined;
  const first = own.reduce((a, b) => (ctx.lines.offsetAt(b.keyRange.start) < ctx.lines.offsetAt(a.keyRange.start) ? b : a));
  const line = ctx.lines.lineText(first.keyRange.start.line);
  const indent = line.slice(0, first.keyRange.start.character);
  if (!/^[ ]+$/.test(indent)) return undefined; // flow mapping, or the key does not start its line
  let last = own[0];
  for (const e of own) if (ctx.lines.offsetAt(e.value.range.end) > ctx.lines.offsetAt(last.value.range.end)) last = e;
  const end = last.value.range.end;
  const endLine = end.character === 0 && end.line > last.keyRange.start.line ? end.line - 1 : end.line;
  const pos = ctx.lines.positionAt(ctx.lines.lineEndOffset(endLine));
  return { range: { start: pos, end: pos }, newText: `${ctx.lines.eol}${indent}restart: unless-stopped` };
}

export const rule: ComposeRule = {
  code: 'CM024',
  name: 'no-restart-policy',
  title: 'Long-running service has no restart policy',
  defaultSeverity: 'info',
  fix: 'yes',
  anchors: { other: ['KICS Restart Policy On Failure Not Set To 5'] },
  check(ctx) {
    // Test, CI and development files (dev containers are started and stopped by the editor).
    if (ctx.filePath && notDeployed(ctx.filePath)) return;
    const all = [ctx.model, ...ctx.project.related.map((r) => r.model)];
    const jobs = new Set<string>();
    for (const m of all) for (const s of m.services) for (const d of s.dependsOn) if (d.condition === 'service_completed_successfully') jobs.add(d.service);
    for (const s of ctx.model.services) {
      if (jobs.has(s.name) || ONE_SHOT.test(words(s.name))) continue;
      const defs = ctx.project.serviceDefinitions(s.name);
      const list = defs.length ? defs : [s];
      if (list.some((d) => restartDeclared(d) || replicasZero(d) || jobMode(d) || d.extends || d.profiles.some((p) => ONE_SHOT.test(words(p.value))))) continue;
      // A fragment that names neither image nor build completes a service defined in a file we do not see.
      if (!list.some((d) => d.image || d.build)) continue;
      const edit = insertRestart(ctx, s);
      ctx.report({
        range: s.nameRange,
        message: `service "${s.name}" has no restart policy: it stays down after a crash or a reboot of the Docker host. Add \`restart: unless-stopped\` (or \`on-failure\`)`,
        fixes: edit ? [{ title: 'Add `restart: unless-stopped`', edits: [edit], preferred: true }] : [],
      });
    }
  },
};
