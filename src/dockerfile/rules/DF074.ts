import type { DockerfileRule, Fix } from '../types';
import type { Range, TextEdit } from '../../util/text';
import type { Word } from '../shell/types';
import { curlCommand, pipCommand, wgetCommand } from '../shell/packageManagers';
import { deleteWord, instructionLinesRange, wordRange } from '../ruleUtils';
import { propertiesOf } from './_ast';
import { globalArgDefaults } from './_image';
import { deleteOption, optionRange, runCommands, splitAssignment } from './_shellScan';

const FALSE = /^(false|0|no|off)$/i;

/** Environment variables that turn certificate verification off, and the values that do it. */
const ENV_VARS: Record<string, { readonly off: (v: string) => boolean; readonly tool: string }> = {
  NODE_TLS_REJECT_UNAUTHORIZED: { off: (v) => v.trim() === '0', tool: 'Node.js' },
  PYTHONHTTPSVERIFY: { off: (v) => v.trim() === '0', tool: 'Python' },
  GIT_SSL_NO_VERIFY: { off: (v) => v !== '', tool: 'git' },
  PIP_TRUSTED_HOST: { off: (v) => v.trim() !== '', tool: 'pip' },
  UV_INSECURE_HOST: { off: (v) => v.trim() !== '', tool: 'uv' },
  GOINSECURE: { off: (v) => v.trim() !== '', tool: 'Go' },
  NPM_CONFIG_STRICT_SSL: { off: (v) => FALSE.test(v.trim()), tool: 'npm' },
  YARN_ENABLE_STRICT_SSL: { off: (v) => FALSE.test(v.trim()), tool: 'yarn' },
  YARN_STRICT_SSL: { off: (v) => FALSE.test(v.trim()), tool: 'yarn' },
};

function envVar(name: string): (typeof ENV_VARS)[string] | undefined {
  const key = name.toUpperCase();
  return Object.prototype.hasOwnProperty.call(ENV_VARS, key) ? ENV_VARS[key] : undefined;
}

/** Options of any tool that switch verification off. */
const GENERIC_FLAGS = /^--(insecure-skip-tls-verify|skip-tls-verify|no-verify-ssl)(=(true|1))?$|^--(tls-verify|tlsverify|tls-verification|ssl-verify|verify-ssl)=(false|0|no)$/i;

const ADVICE = 'install the CA certificate instead';

/**
 * Cheap test before the word regexes below: each of them needs a leading `--` or one of these
 * substrings (case-insensitively; the regexes' `i` flag only folds ASCII letters here).
 */
function mayDisableTls(value: string): boolean {
  // Without the `u` flag, `i` folds ASCII letters only: the same words as the regexes below.
  return value.startsWith('--') || MAY_DISABLE_TLS.test(value);
}

/** The word says false (`false`, `"0";`…). */
function isFalse(w: Word | undefined): boolean {
  return !!w && FALSE.test(w.value.replace(QUOTES_SEMI, ''));
}

const MAY_DISABLE_TLS = /ssl|verify|certificate|trusted-host/i;
const ESCAPES = /\\[ntr]/g;
const QUOTES_SEMI = /[";]/g;

export const rule: DockerfileRule = {
  code: 'DF074',
  name: 'tls-verification-disabled',
  title: 'TLS certificate verification disabled',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: {
    other: ['CKV2_DOCKER_2', 'CKV2_DOCKER_3', 'CKV2_DOCKER_4', 'CKV2_DOCKER_5', 'CKV2_DOCKER_6', 'CKV2_DOCKER_12', 'CKV2_DOCKER_13', 'CKV2_DOCKER_14', 'CKV2_DOCKER_15', 'CKV2_DOCKER_16'],
  },
  check(ctx) {
    // ENV / ARG in a stage (ARG values are in the environment of the stage's RUNs; a global ARG only
    // through a stage `ARG X` that inherits its default).
    let globals: ReturnType<typeof globalArgDefaults> | undefined;
    for (const info of ctx.model.instructions) {
      if ((info.keyword !== 'ENV' && info.keyword !== 'ARG') || !info.stage) continue;
      const props = propertiesOf(info.node);
      for (const p of props) {
        const name = p.getName();
        let value = p.getValue();
        if (value === null && info.keyword === 'ARG' && name) value = (globals ??= globalArgDefaults(ctx.model)).get(name)?.value ?? null;
        const v = name ? envVar(name) : undefined;
        if (!v || value === null || !v.off(value)) continue;
        const fixes: Fix[] =
          props.length === 1 && !info.onbuild && p.getValue() !== null
            ? [{ title: `Remove ${info.keyword} ${name}`, edits: [{ range: instructionLinesRange(ctx.lines, info.node), newText: '' }] }]
            : [];
        ctx.report({
          range: p.getNameRange(),
          message: `${info.keyword} ${name}=${value} disables TLS certificate verification (${v.tool}): ${ADVICE}`,
          fixes,
        });
      }
    }

    // Word starts already reported for the current command (one set and one closure for all commands).
    const done = new Set<number>();
    const report = (range: Range, token: string, tool: string, edits: TextEdit[], w?: Word): void => {
      if (w) {
        if (done.has(w.start)) return;
        done.add(w.start);
      }
      ctx.report({
        range,
        message: `"${token}" disables TLS certificate verification (${tool}): remove it and ${ADVICE}`,
        fixes: edits.length ? [{ title: `Remove "${token}"`, edits }] : [],
      });
    };
    for (const rc of runCommands(ctx)) {
      const { script, cmd } = rc;
      if (done.size > 0) done.clear();

      // Environment assignments: `NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci`, `export GIT_SSL_NO_VERIFY=1`.
      for (const w of rc.env) {
        const a = splitAssignment(w);
        const v = a && envVar(a.name);
        if (!a || !v || w.hasExpansion || !v.off(a.value)) continue;
        const prefix = cmd.assignments.includes(w) && cmd.words.length > 0;
        report(wordRange(script, w), `${a.name}=${a.value}`, v.tool, prefix ? [deleteWord(ctx.lines, script, w)] : [], w);
      }

      const curl = curlCommand(cmd);
      if (curl) {
        for (const o of curl.args.options) {
          if (o.name !== '-k' && o.name !== '--insecure') continue;
          report(optionRange(script, o), o.name, 'curl', deleteOption(ctx.lines, script, o), o.words[0]);
        }
      }
      const wget = wgetCommand(cmd);
      if (wget) {
        for (const o of wget.args.options) {
          if (o.name !== '--no-check-certificate') continue;
          report(optionRange(script, o), o.name, 'wget', deleteOption(ctx.lines, script, o), o.words[0]);
        }
      }
      const pip = pipCommand(cmd);
      if (pip) {
        for (const o of pip.args.options) {
          if (o.name !== '--trusted-host') continue;
          report(optionRange(script, o), o.name, pip.manager, deleteOption(ctx.lines, script, o), o.words[0]);
        }
      }

      const words = cmd.words;
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (done.has(w.start)) continue;
        // printf/echo -e escapes separate settings like real line breaks do.
        const value = w.value.includes('\\') ? w.value.replace(ESCAPES, ' ') : w.value;
        if (!mayDisableTls(value)) continue;
        const next = words[i + 1];
        // Most `--flags` reach here and match nothing: the next word and the range are looked at only when used.
        if (GENERIC_FLAGS.test(value)) {
          report(wordRange(script, w), value, rc.name, [deleteWord(ctx.lines, script, w)], w);
        } else if (/^(--)?strict-ssl(=(false|0|no))?$/i.test(value) || /^enableStrictSsl(=false)?$/.test(value)) {
          // npm/yarn/pnpm: `config set strict-ssl false`, `--strict-ssl=false`, `--strict-ssl false`
          const inline = value.includes('=');
          if (inline || isFalse(next)) {
            const flag = value.startsWith('--');
            const edits = flag ? (inline ? [deleteWord(ctx.lines, script, w)] : [deleteWord(ctx.lines, script, w), deleteWord(ctx.lines, script, next!)]) : [];
            report(wordRange(script, w), inline ? value : `${value} ${next!.value}`, rc.name || 'npm', edits, w);
          }
        } else if (/^http(\..+)?\.sslverify(=.*)?$/i.test(value)) {
          // git: `-c http.sslVerify=false`, `config --global http.sslVerify false`
          const eq = value.indexOf('=');
          const off = eq >= 0 ? FALSE.test(value.slice(eq + 1)) : isFalse(next);
          if (!off) continue;
          const prev = words[i - 1];
          const edits = eq >= 0 && prev && prev.value === '-c' && rc.name === 'git' ? [deleteWord(ctx.lines, script, prev), deleteWord(ctx.lines, script, w)] : [];
          report(wordRange(script, w), eq >= 0 ? value : `${value} ${next!.value}`, 'git', edits, w);
        } else if (/(^|[^a-z0-9_.])sslverify\s*=\s*(0|false|no|off)\b/i.test(value)) {
          // yum/dnf: `--setopt=sslverify=0`, `echo "sslverify=false" >> /etc/yum.conf`
          const setopt = /^--setopt=/.test(value) && /^(yum|dnf|dnf5|microdnf|tdnf|yum-config-manager|dnf-config-manager)$/.test(rc.name);
          report(wordRange(script, w), w.value, 'yum/dnf', setopt ? [deleteWord(ctx.lines, script, w)] : [], w);
        } else if (/verify-(peer|host)/i.test(value) && (/verify-(peer|host)\s*[=\s]\s*"?(false|0|no)\b/i.test(value) || (/verify-(peer|host)"?$/i.test(value) && isFalse(next)))) {
          // apt: `-o Acquire::https::Verify-Peer=false`, `echo 'Acquire::https::Verify-Peer "false";'`
          const prev = words[i - 1];
          const edits = /verify-(peer|host)=/i.test(value) && prev?.value === '-o' ? [deleteWord(ctx.lines, script, prev), deleteWord(ctx.lines, script, w)] : [];
          report(wordRange(script, w), value, 'apt', edits, w);
        } else if (/check[_-]?certificate\s*=\s*off\b/i.test(value)) {
          report(wordRange(script, w), value, 'wget', [], w);
        } else if (/^ssl_verify$/i.test(value) && isFalse(next) && rc.name === 'conda') {
          report(wordRange(script, w), `${value} ${next!.value}`, 'conda', [], w);
        } else if (/(^|\.)trusted-host(=|$)/.test(value) && !value.startsWith('--')) {
          // `pip config set global.trusted-host pypi.org`
          report(wordRange(script, w), value, 'pip', [], w);
        }
      }
    }
  },
};
