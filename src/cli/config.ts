/**
 * `dockyard config`: the resolved Compose project (files merged, variables
 * interpolated, extends/include resolved, profiles applied) printed like
 * `docker compose config`, as YAML or JSON. Loading is `loadProject`
 * (src/compose/project.ts) on the real file system; the output is
 * `toCanonical`. Problems go to stderr as `file:line:col: severity: message`.
 * Never throws.
 */
import * as path from 'node:path';
import { stringify } from 'yaml';
import { toCanonical, type Json } from '../compose/canonical';
import { lintCompose } from '../compose/lint';
import { loadProjectFromDisk, nodeReadFile } from '../compose/load';
import type { ComposeProblem, ComposeProject } from '../compose/model';
import { ioMessage } from '../config/configFile';
import type { ConfigArgs } from './args';
import { writeFileAtomic } from './fix';

interface ConfigIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_ERROR = 2;

/** Problems about a whole file or the project, not a place in a file. */
const FILE_LEVEL = new Set(['file', 'env-file', 'internal', 'name']);

/**
 * `$` doubled in every string, as `docker compose config` prints values so
 * that the output can be read back without interpolating them again.
 */
export function escapeDollars(v: Json): Json {
  if (typeof v === 'string') return v.replace(/\$/g, '$$$$');
  if (Array.isArray(v)) return v.map(escapeDollars);
  if (v && typeof v === 'object') {
    const o: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) o[k] = escapeDollars(x);
    return o;
  }
  return v;
}

/** The project as `config` prints it (plain JSON, `$` escaped). */
export function configDocument(project: ComposeProject): { [k: string]: Json } {
  return escapeDollars(toCanonical(project)) as { [k: string]: Json };
}

/** YAML or JSON text of the project, or of one of its lists. */
export function renderConfig(project: ComposeProject, args: Pick<ConfigArgs, 'format' | 'list'>): string {
  if (args.list === 'services') return [...project.model.services.map((s) => s.name)].sort().map((n) => `${n}\n`).join('');
  if (args.list === 'volumes') return project.model.volumes.map((v) => `${v.name}\n`).join('');
  const doc = configDocument(project);
  if (args.format === 'json') return JSON.stringify(doc, null, 2) + '\n';
  // No line folding (a long command stays on one line) and no anchors for repeated values.
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

export async function runConfig(args: ConfigArgs, io: ConfigIo): Promise<number> {
  const cwd = path.resolve(io.cwd ?? process.cwd());
  const env: Record<string, string | undefined> = { ...(io.env ?? {}) };
  let project: ComposeProject;
  try {
    project = await loadProjectFromDisk({
      workingDir: cwd,
      env,
      ...(args.files.length ? { files: args.files.map((f) => slash(path.resolve(cwd, f))) } : {}),
      ...(args.projectDirectory !== undefined ? { projectDirectory: slash(path.resolve(cwd, args.projectDirectory)) } : {}),
      ...(args.projectName !== undefined ? { projectName: args.projectName } : {}),
      ...(args.profiles ? { profiles: args.profiles } : {}),
      ...(args.envFiles.length ? { envFiles: args.envFiles.map((f) => slash(path.resolve(cwd, f))) } : {}),
    });
  } catch (e) {
    // loadProject never throws; this is the last line of defence.
    io.stderr(`dockyard: config: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_ERROR;
  }

  const problems = reportable(project.diagnostics, schemaProblems(project));
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
  const seen = new Set<string>();
  for (const p of problems) {
    const line = formatProblem(p, cwd);
    if (seen.has(line)) continue;
    seen.add(line);
    io.stderr(line);
  }
  if (problems.some((p) => p.severity === 'error')) return EXIT_PROBLEMS;
  if (args.quiet) return EXIT_OK;

  let text: string;
  try {
    text = renderConfig(project, args);
  } catch (e) {
    io.stderr(`dockyard: config: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_ERROR;
  }
  if (args.output === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  const out = path.resolve(cwd, args.output);
  try {
    writeFileAtomic(out, text);
  } catch (e) {
    io.stderr(`dockyard: config: cannot write ${args.output}: ${ioMessage(e)}\n`);
    return EXIT_ERROR;
  }
  return EXIT_OK;
}

/**
 * Compose validates every file against the Compose Specification schema
 * (`docker compose config` fails on an unknown key): CM001, as `dockyard lint`
 * reports it, for each compose file loaded. YAML syntax errors are already
 * among the loader's problems.
 */
function schemaProblems(project: ComposeProject): ComposeProblem[] {
  const out: ComposeProblem[] = [];
  for (const file of project.files) {
    const text = nodeReadFile(file);
    if (typeof text !== 'string') continue;
    const r = lintCompose(text, { filePath: file, rules: [], honourSuppressions: false, config: { severities: { CM000: 'off' } } });
    for (const f of r.findings) out.push({ code: 'schema', severity: 'error', message: f.message, file, range: f.range });
  }
  return out;
}

/**
 * The loader's problems and the schema's, without the model's type complaints
 * that say the same thing less well: those at a place the schema reports, and
 * all of them in a file with YAML syntax errors (its tree is partial).
 */
function reportable(diagnostics: readonly ComposeProblem[], schema: readonly ComposeProblem[]): ComposeProblem[] {
  const at = (p: ComposeProblem): string => `${p.file}:${p.range.start.line}:${p.range.start.character}`;
  const schemaAt = new Set(schema.map(at));
  const broken = new Set(diagnostics.filter((d) => d.code === 'yaml' && d.severity === 'error').map((d) => d.file));
  return [...schema, ...diagnostics.filter((d) => !(d.code === 'type' && (schemaAt.has(at(d)) || broken.has(d.file))))];
}

function formatProblem(p: ComposeProblem, cwd: string): string {
  const where = displayPath(p.file, cwd);
  const zero = p.range.start.line === 0 && p.range.start.character === 0 && p.range.end.line === 0 && p.range.end.character === 0;
  const message = p.message.replace(/\s*\n\s*/g, ' ');
  if (zero && FILE_LEVEL.has(p.code)) return `dockyard: config: ${p.severity}: ${message}\n`;
  return `${where}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${message}\n`;
}

function slash(p: string): string {
  return p.split(path.sep).join('/');
}

function displayPath(abs: string, cwd: string): string {
  const native = abs.split('/').join(path.sep);
  const rel = path.relative(cwd, native);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : native;
}
