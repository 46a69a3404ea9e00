import type { DockerfileRule, RuleContext } from '../types';
import type { InstructionInfo } from '../model';
import type { Range } from '../../util/text';
import type { ShellScript, Word } from '../shell/types';
import { commandName } from '../shell/args';
import { wordRange } from '../ruleUtils';
import { propertiesOf } from './_ast';
import { findKnownTokens, findUrlPasswords, isSecretName, mayHoldKnownTokens, mayHoldUrlPasswords, looksLikeSecretValue, mask, plausibleSecret, unquote } from './_secrets';

/** Tools whose key arguments are public key ids / fingerprints. */
const KEY_TOOLS = /^(gpg2?|gpgv|apt-key|rpmkeys|rpm)$/;

const ADVICE = 'it stays in the image and its history; pass it with RUN --mount=type=secret';

/** Options whose value is not the secret itself (`docker build --secret id=x,src=f`, `--password-stdin`). */
const NOT_A_VALUE = /^(id|src|source|env|type|target)=/;

export const rule: DockerfileRule = {
  code: 'DF069',
  name: 'literal-credential',
  title: 'Literal credential in the Dockerfile',
  defaultSeverity: 'error',
  fix: 'no',
  anchors: { other: ['DS-0031', 'CIS-DI-0010'] },
  check(ctx) {
    const covered: [number, number][] = [];
    const overlaps = (s: number, e: number): boolean => covered.some(([a, b]) => s < b && a < e);
    const report = (start: number, end: number, message: string): void => {
      if (end <= start || overlaps(start, end)) return;
      covered.push([start, end]);
      ctx.report({ range: ctx.lines.rangeOf(start, end), message });
    };
    const reportRange = (r: Range, message: string): void =>
      report(ctx.lines.offsetAt(r.start), ctx.lines.offsetAt(r.end), message);

    // What an instruction's text holds, the whole file holds: one pass over the file usually rules both scans out.
    const tokens = mayHoldKnownTokens(ctx.text);
    const urls = mayHoldUrlPasswords(ctx.text);
    for (const info of ctx.model.instructions) {
      const kw = info.keyword;
      // 1. Known token formats and passwords in URLs, anywhere in the instruction (heredocs included).
      if (tokens || urls) {
        const base = ctx.lines.offsetAt(info.range.start);
        const raw = ctx.text.slice(base, ctx.lines.offsetAt(info.range.end));
        if (tokens) {
          for (const t of findKnownTokens(raw)) {
            report(base + t.start, base + t.end, `Literal ${t.kind} "${mask(t.text)}" in ${kw}: ${ADVICE}`);
          }
        }
        if (urls) {
          for (const t of findUrlPasswords(raw)) {
            report(base + t.start, base + t.end, `Literal ${t.kind} "${mask(t.text)}" in ${kw}: ${ADVICE}`);
          }
        }
      }
      // 2. ARG/ENV/LABEL whose name says secret and whose value looks like one.
      if (kw === 'ARG' || kw === 'ENV' || kw === 'LABEL') {
        for (const p of propertiesOf(info.node)) {
          const name = p.getName();
          const value = p.getValue();
          const vr = p.getValueRange();
          if (!name || value === null || !vr || !isSecretName(name) || !plausibleSecret(name, value)) continue;
          reportRange(innerRange(ctx, vr), `Literal value "${mask(unquote(value))}" of ${kw} "${name}" looks like a credential: ${ADVICE}`);
        }
      }
      // 3. Shell scripts: `TOKEN=… cmd`, `export TOKEN=…`, `--password …`, `curl -u user:pass`, `config set …token …`.
      if (kw === 'RUN') checkScripts(ctx, info, reportRange);
    }
  },
};

/** The value range without its surrounding quotes (when on one line). */
function innerRange(ctx: RuleContext, r: Range): Range {
  const t = ctx.lines.textOf(r);
  if (r.start.line === r.end.line && t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) {
    return { start: { line: r.start.line, character: r.start.character + 1 }, end: { line: r.end.line, character: r.end.character - 1 } };
  }
  return r;
}

/** Range of the part of a word after its first `=` (the value of `NAME=value` / `--opt=value`). */
function valueRangeOf(script: ShellScript, w: Word): Range {
  const eq = w.raw.indexOf('=');
  let s = w.start + eq + 1;
  let e = w.end;
  const rest = w.raw.slice(eq + 1);
  if (rest.length >= 2 && (rest[0] === '"' || rest[0] === "'") && rest[rest.length - 1] === rest[0]) {
    s++;
    e--;
  }
  return { start: script.source.toDocument(s), end: script.source.toDocument(e) };
}

function literal(w: Word | undefined): w is Word {
  return !!w && !w.hasExpansion;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_.:/-]*)=(.*)$/s;
const LONG_OPTION = /^--([A-Za-z][A-Za-z0-9-]*)(?:=(.*))?$/s;

/** `NAME=value` (a word without `=` or with an expansion cannot be one: no regex then). */
function assignmentLike(script: ShellScript, w: Word, reportRange: (r: Range, m: string) => void): void {
  if (w.hasExpansion || !w.value.includes('=')) return;
  const m = ASSIGNMENT.exec(w.value);
  if (!m) return;
  const name = m[1].replace(/^.*[/:]/, '');
  if (name.startsWith('-') || !isSecretName(name) || !plausibleSecret(name, m[2])) return;
  reportRange(valueRangeOf(script, w), `Literal value "${mask(m[2])}" of "${name}" looks like a credential: ${ADVICE}`);
}

function checkScripts(ctx: RuleContext, info: InstructionInfo, reportRange: (r: Range, m: string) => void): void {
  let scripts: readonly ShellScript[];
  try {
    scripts = info.scripts();
  } catch {
    return;
  }
  for (const script of scripts) {
    for (const cmd of script.commands) {
      // Key ids and fingerprints given to gpg/apt-key are public.
      const cn = commandName(cmd);
      if (cn && KEY_TOOLS.test(cn.name)) continue;
      // NAME=value before the command, and as arguments (export/declare/env/echo "password=…").
      const words = cmd.words;
      for (const w of cmd.assignments) assignmentLike(script, w, reportRange);
      for (let i = 1; i < words.length; i++) assignmentLike(script, words[i], reportRange);
      for (let i = 1; i < words.length; i++) {
        const w = words[i];
        // --password=value / --password value (long options only: short ones are too ambiguous).
        const opt = w.value.startsWith('--') ? LONG_OPTION.exec(w.value) : null;
        if (opt && isSecretName(opt[1])) {
          if (opt[2] !== undefined) {
            if (literal(w) && !NOT_A_VALUE.test(opt[2]) && plausibleSecret(opt[1], opt[2])) {
              reportRange(valueRangeOf(script, w), `Literal value "${mask(opt[2])}" of option "--${opt[1]}" looks like a credential: ${ADVICE}`);
            }
          } else {
            const next = words[i + 1];
            if (literal(next) && !next.value.startsWith('-') && !NOT_A_VALUE.test(next.value) && plausibleSecret(opt[1], next.value)) {
              reportRange(wordRange(script, next), `Literal value "${mask(next.value)}" of option "--${opt[1]}" looks like a credential: ${ADVICE}`);
            }
          }
          continue;
        }
        // curl -u user:password / --user user:password
        if ((w.value === '-u' || w.value === '--user') && /(^|\/)curl$/.test(words[0].value)) {
          const next = words[i + 1];
          const colon = next ? next.value.indexOf(':') : -1;
          if (literal(next) && colon > 0 && looksLikeSecretValue(next.value.slice(colon + 1))) {
            reportRange(wordRange(script, next), `Literal credentials "${mask(next.value)}" for curl ${w.value}: ${ADVICE}`);
          }
          continue;
        }
        // `npm config set //registry/:_authToken X`, `aws configure set aws_secret_access_key X`, `git config … password X`
        if (w.value === 'set' || (w.value.startsWith('--') && i >= 2 && words[i - 1].value === 'config')) {
          const key = words[i + 1];
          const value = words[i + 2];
          if (!key || !literal(value)) continue;
          const name = key.value.replace(/^.*[/:]/, '');
          if (isSecretName(name) && plausibleSecret(name, value.value)) {
            reportRange(wordRange(script, value), `Literal value "${mask(value.value)}" of "${name}" looks like a credential: ${ADVICE}`);
          }
        }
      }
    }
  }
}
