import type { DockerfileRule, Fix } from '../types';
import type { TextEdit } from '../../util/text';
import { aptCommand } from '../shell/packageManagers';
import { runCommands } from './_shellScan';
import { tokenRange } from './_run';

/** apt subcommands apt-get has too (apt name -> apt-get name). */
const SAME: Record<string, string> = {
  install: 'install',
  reinstall: 'reinstall',
  update: 'update',
  upgrade: 'upgrade',
  'dist-upgrade': 'dist-upgrade',
  'full-upgrade': 'dist-upgrade',
  remove: 'remove',
  purge: 'purge',
  autoremove: 'autoremove',
  'auto-remove': 'autoremove',
  autopurge: 'autopurge',
  clean: 'clean',
  autoclean: 'autoclean',
  'auto-clean': 'autoclean',
  source: 'source',
  'build-dep': 'build-dep',
  download: 'download',
  satisfy: 'satisfy',
  check: 'check',
  changelog: 'changelog',
};

export const rule: DockerfileRule = {
  code: 'DF088',
  name: 'apt-not-apt-get',
  title: 'apt used instead of apt-get',
  defaultSeverity: 'warning',
  fix: 'yes',
  anchors: { hadolint: ['DL3027'], other: ['CKV_DOCKER_9'] },
  check(ctx) {
    for (const { script, cmd } of runCommands(ctx)) {
      const apt = aptCommand(cmd);
      if (!apt || apt.tool !== 'apt') continue;
      const sub = apt.subcommand;
      const target = sub !== undefined && Object.prototype.hasOwnProperty.call(SAME, sub) ? SAME[sub] : undefined;
      const fixes: Fix[] = [];
      const raw = apt.toolWord.raw;
      if (target && apt.subcommandWord && /(^|\/)apt$/.test(raw)) {
        const edits: TextEdit[] = [{ range: tokenRange(script, apt.toolWord), newText: `${raw}-get` }];
        if (target !== sub) edits.push({ range: tokenRange(script, apt.subcommandWord), newText: target });
        fixes.push({ title: target !== sub ? `Replace "apt ${sub}" with "apt-get ${target}"` : 'Replace apt with apt-get', edits, preferred: true });
      }
      ctx.report({
        range: tokenRange(script, apt.toolWord),
        message: sub
          ? `"apt ${sub}": apt has no stable command-line interface for scripts; use apt-get${target ? '' : ' or apt-cache'}`
          : '"apt": apt has no stable command-line interface for scripts; use apt-get',
        fixes,
      });
    }
  },
};
