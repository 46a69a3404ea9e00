import type { DockerfileRule } from '../types';
import type { Range, TextEdit } from '../../util/text';
import type { Word } from '../shell/types';
import { apkCommand, aptCommand, rpmCommand, zypperCommand } from '../shell/packageManagers';
import { deleteWord, wordRange } from '../ruleUtils';
import { deleteOption, optionRange, runCommands } from './_shellScan';

const TRUE = /^"?(true|1|yes|on)"?;?$/i;
/** apt `-o` settings that accept unsigned packages or repositories. */
const APT_UNSAFE = /^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories|Acquire::AllowDowngradeToInsecureRepositories|APT::Get::force-yes)$/i;
const GPGCHECK_OFF = /(^|[^a-z0-9_])(repo_|localpkg_|pkg_)?gpgcheck\s*=\s*(0|false|no|off)\b/i;

/** Cheap test before the word regexes below: each of them needs one of these substrings (case-insensitively). */
function mayDisableSignatures(v: string): boolean {
  // Without the `u` flag, `i` folds ASCII letters only, like the regexes below.
  return MAY_DISABLE.test(v);
}

const MAY_DISABLE = /=yes|gpgcheck|allow/i;
const ESCAPES = /\\[ntr]/g;

export const rule: DockerfileRule = {
  code: 'DF075',
  name: 'package-signature-check-disabled',
  title: 'Package signature checks disabled',
  defaultSeverity: 'warning',
  fix: 'partial',
  anchors: { other: ['CKV2_DOCKER_7', 'CKV2_DOCKER_8', 'CKV2_DOCKER_9', 'CKV2_DOCKER_10', 'CKV2_DOCKER_11', 'CIS-DI-0011'] },
  check(ctx) {
    // Word starts already reported for the current command (one set and one closure for all commands).
    const done = new Set<number>();
    const report = (range: Range, token: string, tool: string, edits: TextEdit[], w: Word): void => {
      if (done.has(w.start)) return;
      done.add(w.start);
      ctx.report({
        range,
        message: `"${token}" disables package signature checks (${tool}): remove it and import the repository's signing key`,
        fixes: edits.length ? [{ title: `Remove "${token}"`, edits }] : [],
      });
    };
    for (const rc of runCommands(ctx)) {
      const { script, cmd } = rc;
      if (done.size > 0) done.clear();

      const apt = aptCommand(cmd);
      if (apt) {
        for (const o of apt.args.options) {
          if (o.name === '--allow-unauthenticated' || o.name === '--force-yes' || o.name === '--allow-insecure-repositories') {
            report(optionRange(script, o), o.name, apt.tool, deleteOption(ctx.lines, script, o), o.words[0]);
          } else if ((o.name === '-o' || o.name === '--option') && o.value !== undefined) {
            const eq = o.value.indexOf('=');
            if (eq > 0 && APT_UNSAFE.test(o.value.slice(0, eq)) && TRUE.test(o.value.slice(eq + 1))) {
              const w = o.valueWord ?? o.words[0];
              report(wordRange(script, w), o.value, apt.tool, o.words.map((x) => deleteWord(ctx.lines, script, x)), w);
            }
          }
        }
      }
      const apk = apkCommand(cmd);
      if (apk) {
        for (const o of apk.args.options) {
          if (o.name === '--allow-untrusted') report(optionRange(script, o), o.name, 'apk', deleteOption(ctx.lines, script, o), o.words[0]);
        }
      }
      const rpm = rpmCommand(cmd);
      if (rpm) {
        for (const o of rpm.args.options) {
          if (o.name === '--nogpgcheck' || o.name === '--no-gpgchecks') {
            report(optionRange(script, o), o.name, rpm.tool, deleteOption(ctx.lines, script, o), o.words[0]);
          } else if (o.name === '--setopt' && o.value !== undefined && GPGCHECK_OFF.test(o.value)) {
            const w = o.valueWord ?? o.words[0];
            report(wordRange(script, w), o.value, rpm.tool, o.words.map((x) => deleteWord(ctx.lines, script, x)), w);
          }
        }
      }
      const zypper = zypperCommand(cmd);
      if (zypper) {
        for (const o of zypper.args.options) {
          if (o.name === '--no-gpg-checks') report(optionRange(script, o), o.name, 'zypper', deleteOption(ctx.lines, script, o), o.words[0]);
        }
      }
      if (rc.name === 'rpm') {
        for (const w of rc.args) {
          if (w.value === '--nosignature') report(wordRange(script, w), w.value, 'rpm', [deleteWord(ctx.lines, script, w)], w);
        }
      }

      // Settings written to files: `deb [trusted=yes] …`, `gpgcheck=0` in a .repo, apt.conf AllowUnauthenticated.
      const words = cmd.words;
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (done.has(w.start)) continue;
        // printf/echo -e escapes separate settings like real line breaks do.
        const v = w.value.includes('\\') ? w.value.replace(ESCAPES, ' ') : w.value;
        if (!mayDisableSignatures(v)) continue;
        const next = words[i + 1];
        // A `file:` repository holds packages built in the same RUN (official nginx/postgres images): nothing to verify.
        if (/(\[|\s|^)(trusted|allow-insecure|allow-weak)=yes\b/i.test(v) && !/\b(file|copy):/.test(v)) {
          report(wordRange(script, w), w.value, 'apt source', [], w);
        } else if (GPGCHECK_OFF.test(v)) {
          report(wordRange(script, w), w.value, 'yum/dnf repository', [], w);
        } else if (/AllowUnauthenticated|AllowInsecureRepositories/i.test(v)) {
          const inline = /(AllowUnauthenticated|AllowInsecureRepositories)"?\s*[=\s]\s*"?(true|1|yes)\b/i.test(v);
          if (inline || (next && /(AllowUnauthenticated|AllowInsecureRepositories)"?$/i.test(v) && TRUE.test(next.value))) {
            report(wordRange(script, w), inline ? w.value : `${w.value} ${next!.value}`, 'apt', [], w);
          }
        }
      }
    }
  },
};
