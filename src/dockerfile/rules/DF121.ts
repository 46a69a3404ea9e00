import type { DockerfileRule, Fix, RuleContext } from '../types';
import type { InstructionInfo, Stage } from '../model';
import type { SimpleCommand, ShellScript, Word } from '../shell/types';
import type { TextEdit, Range } from '../../util/text';
import { curlCommand, wgetCommand, type CurlCommand, type WgetCommand } from '../shell/packageManagers';
import { insertLinesBefore } from '../ruleUtils';
import { documentRange } from '../shell/source';
import { execFormOf, type ExecForm } from './_execForm';
import { baseImageOf, stageChain } from './_images';
import { imageTools, toolFromInstructions, type ImageTools } from './_tools';

type Tool = 'curl' | 'wget';

/** A curl/wget call in a HEALTHCHECK, in shell form (script) or exec form. */
interface Call {
  readonly tool: Tool;
  readonly parsed: CurlCommand | WgetCommand;
  /** Document range of the tool's word. */
  readonly toolRange: Range;
  readonly script?: ShellScript;
  readonly exec?: ExecForm;
}

/** A SimpleCommand over exec-form strings, so that the shell recognisers can read their options. */
function execCommand(form: ExecForm): SimpleCommand {
  const words: Word[] = form.elements.map((e) => ({
    raw: JSON.stringify(e.value),
    value: e.value,
    start: e.start,
    end: e.end,
    quoted: true,
    hasExpansion: false,
  }));
  return {
    type: 'simple',
    assignments: [],
    words,
    redirects: [],
    start: form.start,
    end: form.end,
    separatorBefore: null,
    separatorAfter: null,
    inPipeline: false,
    depth: 0,
    inSubstitution: false,
  };
}

function callsOf(ctx: RuleContext, info: InstructionInfo): Call[] {
  const out: Call[] = [];
  const exec = execFormOf(ctx.lines, info.node, 'HEALTHCHECK', ctx.model.escapeChar);
  if (exec) {
    if (!exec.elements.length) return out;
    const cmd = execCommand(exec);
    const c = curlCommand(cmd);
    const w = c ? undefined : wgetCommand(cmd);
    const parsed = c ?? w;
    if (parsed) {
      const el = exec.elements.find((e) => e.start === parsed.toolWord.start)!;
      out.push({ tool: c ? 'curl' : 'wget', parsed, toolRange: el.range, exec });
    }
    return out;
  }
  for (const script of info.scripts()) {
    for (const cmd of script.commands) {
      const c = curlCommand(cmd);
      const w = c ? undefined : wgetCommand(cmd);
      const parsed = c ?? w;
      if (parsed) out.push({ tool: c ? 'curl' : 'wget', parsed, toolRange: documentRange(script.source, parsed.toolWord.start, parsed.toolWord.end), script });
    }
  }
  return out;
}

// ---------------------------------------------------------------- the replacement command

const CURL_OK = new Set(['-f', '--fail', '--fail-with-body', '-s', '--silent', '-S', '--show-error', '-L', '--location', '-o',
  '--output', '-m', '--max-time', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time', '-I', '--head', '-q',
  '--disable', '-4', '-6', '--ipv4', '--ipv6', '--compressed', '--no-progress-meter']);
const WGET_OK = new Set(['-q', '--quiet', '-O', '--output-document', '--spider', '-nv', '--no-verbose', '-t', '--tries', '-T',
  '--timeout', '--connect-timeout', '--read-timeout', '-4', '-6', '--inet4-only', '--inet6-only']);

interface Probe {
  /** URL as written inside the script (expansions kept), without quotes. */
  readonly url: string;
  /** Timeout in seconds, when the original set one. */
  readonly timeout?: string;
}

/** The URL and timeout of a plain "GET this URL, fail on error" call, or undefined when it does more. */
function probeOf(call: Call): Probe | undefined {
  const p = call.parsed;
  const ok = call.tool === 'curl' ? CURL_OK : WGET_OK;
  for (const o of p.args.options) {
    if (!ok.has(o.name)) return undefined;
    if ((o.name === '-o' || o.name === '--output') && o.value !== '/dev/null') return undefined;
    if ((o.name === '-O' || o.name === '--output-document') && o.value !== '-' && o.value !== '/dev/null') return undefined;
  }
  const urls = call.tool === 'curl' ? (p as CurlCommand).urls : (p as WgetCommand).urls;
  if (urls.length !== 1) return undefined;
  const url = urls[0].value;
  if (/['"\\`\s]/.test(url) || url.includes('$(')) return undefined;
  if (!/^(https?:\/\/)?[A-Za-z0-9.$[\]{}_-]+(:[A-Za-z0-9${}_]+)?(\/|$)/.test(url)) return undefined;
  const t = call.tool === 'curl' ? p.args.get('-m', '--max-time', '--connect-timeout')?.value : p.args.get('-T', '--timeout', '--read-timeout', '--connect-timeout')?.value;
  return t !== undefined && /^\d+(\.\d+)?$/.test(t) ? { url, timeout: t } : { url };
}

function withScheme(url: string): string {
  return /^https?:\/\//.test(url) ? url : `http://${url}`;
}

function pythonCode(probe: Probe): string {
  const t = probe.timeout ? `, timeout=${probe.timeout}` : '';
  return `import urllib.request; urllib.request.urlopen('${withScheme(probe.url)}'${t})`;
}

function nodeCode(probe: Probe): string {
  const url = withScheme(probe.url);
  const mod = url.startsWith('https:') ? 'https' : 'http';
  const t = probe.timeout ? `.setTimeout(${Math.round(Number(probe.timeout) * 1000)}, () => process.exit(1))` : '';
  return `require('${mod}').get('${url}', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))${t}`;
}

interface Replacement {
  readonly title: string;
  /** argv for exec form. */
  readonly argv: readonly string[];
  /** Text for shell form (already quoted). */
  readonly shell: string;
  /** Exit status can be something other than 0/1 (wget: 4, 8): append `|| exit 1` when alone. */
  readonly normaliseExit: boolean;
}

function replacementFor(call: Call, tools: ImageTools, probe: Probe): Replacement | undefined {
  if (call.tool === 'curl' && tools.wget) {
    const t = probe.timeout ? ['-T', String(Math.ceil(Number(probe.timeout)))] : [];
    const argv = ['wget', '-q', ...t, '-O', '/dev/null', probe.url];
    const urlRaw = call.script ? (call.parsed as CurlCommand).urls[0].raw : probe.url;
    return { title: 'Use wget (curl is not installed)', argv, shell: ['wget', '-q', ...t, '-O', '/dev/null', urlRaw].join(' '), normaliseExit: true };
  }
  if (tools.python) {
    const code = pythonCode(probe);
    return { title: `Use ${tools.python} (${call.tool} is not installed)`, argv: [tools.python, '-c', code], shell: `${tools.python} -c "${code}"`, normaliseExit: false };
  }
  if (tools.node) {
    const code = nodeCode(probe);
    return { title: `Use node (${call.tool} is not installed)`, argv: [tools.node, '-e', code], shell: `${tools.node} -e "${code}"`, normaliseExit: false };
  }
  return undefined;
}

function switchFix(ctx: RuleContext, call: Call, tools: ImageTools): Fix | undefined {
  const probe = probeOf(call);
  if (!probe) return undefined;
  const r = replacementFor(call, tools, probe);
  if (!r) return undefined;
  if (call.exec) {
    if (call.parsed.index !== 0) return undefined;
    return { title: r.title, edits: [{ range: call.exec.range, newText: `[${r.argv.map((a) => JSON.stringify(a)).join(', ')}]` }] };
  }
  if (!call.script) return undefined;
  const cmd = call.parsed.command;
  if (call.parsed.index !== 0 || cmd.assignments.length || cmd.inPipeline || cmd.inSubstitution) return undefined;
  const alone = cmd.separatorBefore === null && cmd.separatorAfter === null && cmd.depth === 0;
  if (!tools.shell) {
    // No /bin/sh (distroless): a shell-form HEALTHCHECK cannot run at all; write it in exec form,
    // when the script is just this command (optionally followed by `|| exit 1`).
    const script = call.script;
    const rest = script.commands.filter((c) => c !== cmd);
    const onlyExit = rest.length === 0 || (rest.length === 1 && /^exit$/.test(rest[0].words[0]?.value ?? '') && rest[0].separatorBefore === '||');
    if (!onlyExit || script.commands[0] !== cmd || /\$/.test(probe.url)) return undefined;
    const range = documentRange(script.source, 0, script.source.text.replace(/\s+$/, '').length);
    return { title: r.title, edits: [{ range, newText: `[${r.argv.map((a) => JSON.stringify(a)).join(', ')}]` }] };
  }
  const text = r.shell + (r.normaliseExit && alone ? ' || exit 1' : '');
  return { title: r.title, edits: [{ range: documentRange(call.script.source, cmd.start, cmd.end), newText: text }] };
}

// ---------------------------------------------------------------- installing the tool

function rootUserBefore(stage: Stage, info: InstructionInfo): InstructionInfo | undefined {
  // Where to insert the install: before the stage's first USER (installing needs root), else before the HEALTHCHECK.
  for (const i of stage.instructions) {
    if (i.index >= info.index) break;
    if (i.keyword === 'USER' && !i.onbuild) return i;
  }
  return undefined;
}

function runsAsNonRoot(chain: readonly Stage[]): boolean {
  let user = '';
  for (const s of chain.slice(0, -1)) for (const i of s.instructions) if (i.keyword === 'USER' && !i.onbuild) user = (i.node.getArgumentsContent() ?? '').trim();
  return user !== '' && !/^(root|0)(:.*)?$/.test(user);
}

function installFix(ctx: RuleContext, stage: Stage, info: InstructionInfo, tools: ImageTools, tool: Tool): Fix | undefined {
  if (!tools.pm || !tools.shell) return undefined;
  const chain = stageChain(stage);
  if (runsAsNonRoot(chain)) return undefined;
  const run =
    tools.pm === 'apk'
      ? `RUN apk add --no-cache ${tool}`
      : `RUN apt-get update && apt-get install -y --no-install-recommends ${tool} && rm -rf /var/lib/apt/lists/*`;
  const at = rootUserBefore(stage, info) ?? info;
  const edit: TextEdit = insertLinesBefore(ctx.lines, at.onbuild ? at.onbuild : at.node, [run]);
  return { title: `Install ${tool} (${tools.pm === 'apk' ? 'apk add' : 'apt-get install'})`, edits: [edit] };
}

// ---------------------------------------------------------------- the rule

export const rule: DockerfileRule = {
  code: 'DF121',
  name: 'healthcheck-tool-missing',
  title: 'HEALTHCHECK uses curl/wget that the image does not ship',
  defaultSeverity: 'warning',
  fix: 'partial',
  check(ctx) {
    for (const info of ctx.model.instructions) {
      if (info.keyword !== 'HEALTHCHECK' || !info.stage || info.stage.windows) continue;
      const stage = info.stage;
      const img = baseImageOf(ctx.model, stage);
      if (!img) continue;
      const tools = imageTools(img);
      if (!tools) continue;
      const chain = stageChain(stage);
      const reported = new Set<Tool>();
      for (const call of callsOf(ctx, info)) {
        if (reported.has(call.tool)) continue;
        const ships = call.tool === 'curl' ? tools.curl : tools.wget !== false;
        if (ships) continue;
        const added = toolFromInstructions(chain, info.index, call.tool);
        if (added === 'present' || added === 'unknown') continue;
        reported.add(call.tool);
        const fixes: Fix[] = [];
        const sw = switchFix(ctx, call, tools);
        if (sw) fixes.push(sw);
        if (!info.onbuild) {
          const inst = installFix(ctx, stage, info, tools, call.tool);
          if (inst) fixes.push(inst);
        }
        if (fixes.length) fixes[0] = { ...fixes[0], preferred: true };
        const why = added === 'absent' ? 'a RUN removes again' : `is not in ${tools.image}`;
        ctx.report({
          range: call.toolRange,
          message: `HEALTHCHECK runs "${call.tool}", which ${why}: the check can never pass`,
          fixes,
        });
      }
    }
  },
};
