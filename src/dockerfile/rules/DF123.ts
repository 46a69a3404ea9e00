import type { DockerfileRule, Fix, RuleContext } from '../types';
import type { InstructionInfo, Stage } from '../model';
import type { ShellScript, SimpleCommand, Word } from '../shell/types';
import type { TextEdit } from '../../util/text';
import { nodePackageCommand, type NodeCommand } from '../shell/packageManagers';
import { commandName } from '../shell/args';
import { documentRange } from '../shell/source';
import { stageChain } from './_images';

/** A node install that leaves devDependencies out. */
interface ProdInstall {
  readonly node: NodeCommand;
  readonly script: ShellScript;
  readonly info: InstructionInfo;
  /** How dev dependencies got dropped. */
  readonly why: { readonly kind: 'flag'; readonly words: readonly Word[] } | { readonly kind: 'assignment'; readonly word: Word } | { readonly kind: 'env' };
}

const TRUE = /^(1|true|yes|on)?$/i;
const DEV_TOOLS = new Set(['tsc', 'next', 'vite', 'webpack', 'nest', 'ng', 'tsup', 'rollup', 'parcel', 'esbuild', 'babel', 'gulp', 'grunt', 'vue-cli-service', 'react-scripts', 'nuxt', 'astro', 'svelte-kit', 'remix']);
const RUNNERS = new Set(['npx', 'pnpx', 'bunx']);

/** Words of the install options that drop devDependencies (`--omit=dev`, `--omit dev`, `--production`, `--only=prod`, `--prod`, `-P`). */
function prodFlagWords(n: NodeCommand): Word[] | undefined {
  const out: Word[] = [];
  let dev = false;
  for (const o of n.args.options) {
    const v = o.value;
    if (o.name === '--omit' && v === 'dev') out.push(...o.words);
    else if (o.name === '--only' && (v === 'prod' || v === 'production')) out.push(...o.words);
    else if ((o.name === '--production' || o.name === '--prod') && (v === undefined || TRUE.test(v))) out.push(...o.words);
    else if (n.tool === 'pnpm' && o.name === '-P') out.push(...o.words);
    else if ((o.name === '--include' && v === 'dev') || ((o.name === '--production' || o.name === '--prod') && v !== undefined && !TRUE.test(v))) dev = true;
  }
  return dev ? [] : out.length ? out : undefined;
}

function includesDev(n: NodeCommand): boolean {
  return prodFlagWords(n)?.length === 0;
}

function isInstall(n: NodeCommand): boolean {
  if (n.global || n.packages.length) return false;
  if (n.tool === 'npm') return n.action === 'ci' || n.action === 'install';
  if (n.tool === 'yarn') return n.action === undefined || n.action === 'install' || (n.action === 'workspaces' && n.args.positionals[1]?.value === 'focus');
  return n.action === 'install';
}

/** The build step (`npm run build`, `yarn build`, `npx tsc`, `next build`…) and the words that name it, or undefined. */
function buildOf(cmd: SimpleCommand): { start: number; end: number; label: string } | undefined {
  const n = nodePackageCommand(cmd);
  if (n) {
    const pos = n.args.positionals;
    const sub = n.subcommandWord;
    if (!sub) return undefined;
    if ((n.action === 'run' || n.action === 'run-script') && pos[1] && /^(build|compile)([:-]|$)/.test(pos[1].value))
      return { start: n.toolWord.start, end: pos[1].end, label: `${n.tool} ${sub.value} ${pos[1].value}` };
    if (n.tool !== 'npm' && /^build([:-]|$)/.test(sub.value)) return { start: n.toolWord.start, end: sub.end, label: `${n.tool} ${sub.value}` };
    if ((n.tool === 'yarn' || n.tool === 'pnpm') && (n.action === 'exec' || n.action === 'dlx' || DEV_TOOLS.has(sub.value))) {
      const tool = n.action === 'exec' || n.action === 'dlx' ? pos[1] : sub;
      if (tool && DEV_TOOLS.has(tool.value)) return { start: n.toolWord.start, end: tool.end, label: `${n.tool} ${sub.value}${tool !== sub ? ' ' + tool.value : ''}` };
    }
    if (n.tool === 'npm' && n.action === 'exec' && pos[1] && DEV_TOOLS.has(pos[1].value)) return { start: n.toolWord.start, end: pos[1].end, label: `npm exec ${pos[1].value}` };
    return undefined;
  }
  const c = commandName(cmd);
  if (!c) return undefined;
  let k = c.index;
  if (RUNNERS.has(c.name)) {
    k++;
    while (k < cmd.words.length && cmd.words[k].value.startsWith('-')) k++;
  }
  const w = cmd.words[k];
  if (!w) return undefined;
  const name = w.value.slice(w.value.lastIndexOf('/') + 1);
  if (!DEV_TOOLS.has(name)) return undefined;
  return { start: cmd.words[c.index].start, end: w.end, label: cmd.words.slice(c.index, k + 1).map((x) => x.value).join(' ') };
}

/** The NODE_ENV value an ENV/ARG instruction sets (production or not), or `current` when it does not set it. */
function applyNodeEnv(info: InstructionInfo, current: boolean): boolean {
  const props = (info.node as unknown as { getProperties?: () => { getName(): string; getValue(): string | null }[] }).getProperties?.() ?? [];
  let prod = current;
  for (const p of props) if (p.getName() === 'NODE_ENV') prod = p.getValue() === 'production';
  return prod;
}

/** NODE_ENV=production inherited from the stages this one builds on (`stageChain` is oldest first, so nearer ones win). */
function inheritedNodeEnvProduction(stage: Stage): boolean {
  let prod = false;
  for (const s of stageChain(stage).slice(0, -1)) {
    for (const info of s.instructions) {
      if ((info.keyword === 'ENV' || info.keyword === 'ARG') && !info.onbuild) prod = applyNodeEnv(info, prod);
    }
  }
  return prod;
}

/**
 * Deletes adjacent words (`--omit dev`) and the blanks before them; when they are alone on a
 * continued line (`    --omit dev \`), the whole line goes, so no empty continuation line is left.
 */
function deleteWordsEdit(ctx: RuleContext, script: ShellScript, words: readonly Word[]): TextEdit {
  const r = documentRange(script.source, words[0].start, words[words.length - 1].end);
  const line = ctx.lines.lineText(r.start.line);
  const before = line.slice(0, r.start.character);
  const after = r.end.line === r.start.line ? line.slice(r.end.character) : '';
  if (r.end.line === r.start.line && /^\s*$/.test(before) && /^\s*\\$/.test(after) && r.start.line + 1 < ctx.lines.lineCount)
    return { range: { start: { line: r.start.line, character: 0 }, end: { line: r.start.line + 1, character: 0 } }, newText: '' };
  let s = r.start.character;
  while (s > 0 && (line[s - 1] === ' ' || line[s - 1] === '\t')) s--;
  return { range: { start: { line: r.start.line, character: s }, end: r.end }, newText: '' };
}

function fixFor(ctx: RuleContext, inst: ProdInstall, buildScript: ShellScript, buildCmd: SimpleCommand): Fix | undefined {
  const n = inst.node;
  if (n.tool === 'yarn') return undefined; // yarn 1 cannot prune, Berry has no --production
  if (buildCmd.inPipeline || buildCmd.inSubstitution || buildCmd.separatorAfter === '||' || buildCmd.separatorAfter === '&') return undefined;
  const edits: TextEdit[] = [];
  if (inst.why.kind === 'flag') {
    // Adjacent words (`--omit dev`) go together.
    const groups: Word[][] = [];
    for (const w of inst.why.words) {
      const g = groups[groups.length - 1];
      if (g && /^\s*$/.test(inst.script.source.text.slice(g[g.length - 1].end, w.start))) g.push(w);
      else groups.push([w]);
    }
    for (const g of groups) edits.push(deleteWordsEdit(ctx, inst.script, g));
  } else if (inst.why.kind === 'assignment') {
    edits.push(deleteWordsEdit(ctx, inst.script, [inst.why.word]));
  } else {
    if (n.tool !== 'npm' || !n.subcommandWord) return undefined;
    const p = documentRange(inst.script.source, n.subcommandWord.start, n.subcommandWord.end).end;
    edits.push({ range: { start: p, end: p }, newText: ' --include=dev' });
  }
  const prune = n.tool === 'pnpm' ? 'pnpm prune --prod' : 'npm prune --omit=dev';
  const end = documentRange(buildScript.source, buildCmd.start, buildCmd.end).end;
  edits.push({ range: { start: end, end }, newText: ` && ${prune}` });
  return { title: `Install devDependencies for the build, then ${prune}`, edits, preferred: true };
}

function hasDevDependencies(ctx: RuleContext): boolean | undefined {
  const ws = ctx.workspace;
  if (!ws) return undefined;
  try {
    const sep = ws.contextDir.includes('\\') && !ws.contextDir.includes('/') ? '\\' : '/';
    const text = ws.readFile(ws.contextDir.replace(/[\\/]$/, '') + sep + 'package.json');
    if (text === undefined) return undefined;
    const pkg = JSON.parse(text) as { devDependencies?: Record<string, string> };
    return !!pkg.devDependencies && Object.keys(pkg.devDependencies).length > 0;
  } catch {
    return undefined;
  }
}

export const rule: DockerfileRule = {
  code: 'DF123',
  name: 'build-after-production-install',
  title: 'A production-only npm/yarn/pnpm install is followed by a build that needs devDependencies',
  defaultSeverity: 'warning',
  fix: 'partial',
  check(ctx) {
    // package.json is read only once a finding is about to be reported (most files have none).
    let devDependencies: boolean | undefined | null = null;
    for (const stage of ctx.model.stages) {
      let prod: ProdInstall | undefined;
      // NODE_ENV=production in effect at each RUN, kept up to date while walking the stage (linear).
      let envProd = inheritedNodeEnvProduction(stage);
      for (const info of stage.instructions) {
        if ((info.keyword === 'ENV' || info.keyword === 'ARG') && !info.onbuild) {
          envProd = applyNodeEnv(info, envProd);
          continue;
        }
        if (info.keyword !== 'RUN' || info.onbuild) continue;
        let reported = false;
        for (const script of info.scripts()) {
          let exported: boolean | undefined;
          for (const cmd of script.commands) {
            if (cmd.inSubstitution) continue;
            const c = commandName(cmd);
            if (c?.name === 'export') {
              for (const w of cmd.words.slice(c.index + 1)) if (w.value.startsWith('NODE_ENV=')) exported = w.value === 'NODE_ENV=production';
              continue;
            }
            const n = nodePackageCommand(cmd);
            if (n && isInstall(n)) {
              const flags = prodFlagWords(n);
              const assign = c?.assignments.find((w) => w.value.startsWith('NODE_ENV='));
              if (flags?.length) prod = { node: n, script, info, why: { kind: 'flag', words: flags } };
              else if (includesDev(n)) prod = undefined;
              else if (assign) prod = assign.value === 'NODE_ENV=production' ? { node: n, script, info, why: { kind: 'assignment', word: assign } } : undefined;
              else if (exported ?? envProd) prod = { node: n, script, info, why: { kind: 'env' } };
              else prod = undefined;
              continue;
            }
            if (!prod || reported) continue;
            const build = buildOf(cmd);
            if (!build) continue;
            if (devDependencies === null) devDependencies = hasDevDependencies(ctx);
            if (devDependencies === false) return;
            const installLabel = prod.script.source.text.slice(prod.node.toolWord.start, prod.node.command.end).replace(/\s+/g, ' ');
            const cause =
              prod.why.kind === 'flag' ? `"${installLabel}" skipped them` : `NODE_ENV=production made "${installLabel}" skip them`;
            const fix = fixFor(ctx, prod, script, cmd);
            ctx.report({
              range: documentRange(script.source, build.start, build.end),
              message: `"${build.label}" needs devDependencies, but ${cause}`,
              fixes: fix ? [fix] : [],
            });
            reported = true;
          }
        }
        if (reported) prod = undefined;
      }
    }
  },
};
