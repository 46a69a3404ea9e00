import type { DockerfileRule, Fix } from '../types';
import type { InstructionInfo, Stage } from '../model';
import { baseName, execFormOf, programIndex, shellScriptIndex, type ExecForm } from './_execForm';
import { baseImageOf, hasNoShell, stageChain } from './_images';

const KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);
/** `$NAME` or `${…}` (not `$1`, `$@`, `$(`: those are not variables users expect Docker to fill in). */
const VAR = /\$(?:\{[A-Za-z_][A-Za-z0-9_]*(?:[:#%/?+=-][^}]*)?\}|[A-Za-z_][A-Za-z0-9_]*)/g;
/** Programs for which `$` is their own syntax (sed `$d`, awk `$1`, jq `$ENV`, envsubst's `'${A}'`). */
const DOLLAR_SYNTAX = new Set(['sed', 'gsed', 'awk', 'gawk', 'mawk', 'nawk', 'perl', 'jq', 'yq', 'gojq', 'grep', 'egrep', 'rg', 'envsubst', 'printf']);
/** Interpreters whose code argument follows these options (code may legitimately contain `${…}`). */
const CODE_FLAGS: Record<string, readonly string[]> = {
  node: ['-e', '--eval', '-p', '--print'],
  nodejs: ['-e', '--eval', '-p', '--print'],
  bun: ['-e', '--eval', '-p', '--print'],
  deno: ['eval'],
  python: ['-c'],
  python3: ['-c'],
  ruby: ['-e'],
  php: ['-r'],
};
/** Variables whose value is a list of options: leave them unquoted so they split into words. */
const SPLIT_VAR = /^\$\{?[A-Za-z0-9_]*(OPTS|OPTIONS|ARGS|FLAGS|PARAMS)\}?$/i;

interface Hit {
  start: number;
  end: number;
  text: string;
}

function varsIn(text: string, start: number, end: number): Hit[] {
  const raw = text.slice(start + 1, end - 1);
  const hits: Hit[] = [];
  VAR.lastIndex = 0;
  for (let m = VAR.exec(raw); m; m = VAR.exec(raw)) {
    if (m.index > 0 && raw[m.index - 1] === '\\') continue; // `\$HOME`: meant literally
    hits.push({ start: start + 1 + m.index, end: start + 1 + m.index + m[0].length, text: m[0] });
  }
  return hits;
}

/** A JSON element as one shell word: bare when safe, double quotes around expansions, else single quotes. */
export function shellWord(s: string): string {
  if (s === '') return "''";
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  VAR.lastIndex = 0;
  if (VAR.test(s) || s.includes('$(')) {
    if (SPLIT_VAR.test(s)) return s;
    return `"${s.replace(/[\\"`]/g, (c) => `\\${c}`)}"`;
  }
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The image's ENTRYPOINT (the last one in the stage and the stages it builds on) is in exec form. */
function hasExecEntrypoint(ctx: Parameters<DockerfileRule['check']>[0], stage: Stage): boolean {
  let found = false;
  for (const s of stageChain(stage)) {
    for (const info of s.instructions) {
      if (info.keyword === 'ENTRYPOINT' && !info.onbuild) found = !!execFormOf(ctx.lines, info.node, 'ENTRYPOINT', ctx.model.escapeChar);
    }
  }
  return found;
}

function describeVars(hits: Hit[]): string {
  const names = [...new Set(hits.map((h) => h.text))];
  if (names.length === 1) return `"${names[0]}" is`;
  const shown = names.slice(0, 3).map((n) => `"${n}"`);
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}${names.length > 3 ? ' (and more)' : ''} are`;
}

export const rule: DockerfileRule = {
  code: 'DF120',
  name: 'variable-in-exec-form',
  title: 'Variable in an exec-form CMD/ENTRYPOINT/RUN is passed literally',
  defaultSeverity: 'warning',
  fix: 'yes',
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (!KEYWORDS.has(info.keyword)) continue;
      const form = execFormOf(ctx.lines, info.node, info.keyword, ctx.model.escapeChar);
      if (!form || !form.elements.length) continue;
      const argv = form.elements.map((e) => e.value);
      const p = programIndex(argv);
      if (p < 0) continue;
      if (shellScriptIndex(argv, p) >= 0) continue; // ["sh", "-c", "… $X …"]: the shell expands it
      const prog = baseName(argv[p]).toLowerCase();
      if (DOLLAR_SYNTAX.has(prog)) continue;
      const codeFlags = CODE_FLAGS[prog.replace(/[\d.]+$/, '')] ?? CODE_FLAGS[prog];
      const hits: Hit[] = [];
      form.elements.forEach((el, k) => {
        if (codeFlags && k > p && codeFlags.includes(argv[k - 1])) return;
        let found = varsIn(ctx.text, el.start, el.end);
        // Spring Boot resolves `${…}` placeholders in `--name=${X}` / `-Dname=${X}` itself.
        if (prog === 'java' && /^(--|-D)[\w.-]+=/.test(el.value)) found = found.filter((h) => !h.text.startsWith('${'));
        hits.push(...found);
      });
      if (!hits.length) continue;

      const where = info.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : info.keyword;
      const message = `${describeVars(hits)} passed literally: exec-form ${where} runs without a shell`;
      const fixes = fixesFor(ctx, info, form, argv);
      ctx.report({ range: ctx.lines.rangeOf(hits[0].start, hits[0].end), message, fixes });
    }
  },
};

function fixesFor(ctx: Parameters<DockerfileRule['check']>[0], info: InstructionInfo, form: ExecForm, argv: string[]): Fix[] {
  if (!info.posixShell || !info.stage) return [];
  if (argv[0].includes('=')) return [];
  const img = baseImageOf(ctx.model, info.stage);
  if (img && hasNoShell(img)) return []; // distroless/scratch: there is no shell to convert to
  const words = argv.map(shellWord).join(' ');
  switch (info.keyword) {
    case 'RUN':
      return [{ title: 'Convert to shell form', edits: [{ range: form.range, newText: words }], preferred: true }];
    case 'HEALTHCHECK':
      return [{ title: 'Convert to shell form (CMD-SHELL)', edits: [{ range: form.range, newText: words }], preferred: true }];
    case 'CMD':
      // With an exec-form ENTRYPOINT, CMD only supplies its arguments: a shell-form CMD would pass "/bin/sh -c …" to it.
      if (hasExecEntrypoint(ctx, info.stage)) return [];
      return [{ title: 'Convert to shell form with exec', edits: [{ range: form.range, newText: `exec ${words}` }], preferred: true }];
    case 'ENTRYPOINT': {
      // Keep CMD / `docker run` arguments working: they arrive as "$@" of the shell.
      const shell = info.shell;
      const script = `exec ${words} "$@"`;
      const elements = [...shell, script, baseName(shell[0])].map((s) => JSON.stringify(s));
      return [
        {
          title: `Run through ${baseName(shell[0])} -c with exec (keeps CMD arguments)`,
          edits: [{ range: form.range, newText: `[${elements.join(', ')}]` }],
          preferred: true,
        },
      ];
    }
  }
  return [];
}
