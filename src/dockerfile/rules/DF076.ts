import type { DockerfileRule } from '../types';
import { parseArgs } from '../shell/args';
import { useraddCommand } from '../shell/packageManagers';
import { wordRange } from '../ruleUtils';
import { optionRange, runCommands } from './_shellScan';

/** `-p` values that lock the account rather than set a password. */
const LOCKED = new Set(['*', '!', '!!', 'x', '!*']);

const USERMOD_SPEC = {
  withValue: ['-c', '--comment', '-d', '--home', '-e', '--expiredate', '-f', '--inactive', '-g', '--gid', '-G', '--groups',
    '-l', '--login', '-p', '--password', '-R', '--root', '-P', '--prefix', '-s', '--shell', '-u', '--uid', '-v',
    '--add-subuids', '-V', '--del-subuids', '-w', '--add-subgids', '-W', '--del-subgids', '-Z', '--selinux-user'],
};

const ADVICE = 'it is baked into the image layers; set credentials at run time or use key-based access';

export const rule: DockerfileRule = {
  code: 'DF076',
  name: 'password-set-in-run',
  title: 'Password set in RUN',
  defaultSeverity: 'warning',
  fix: 'no',
  anchors: { other: ['CKV2_DOCKER_17', 'DKL-LI-0001'] },
  check(ctx) {
    for (const rc of runCommands(ctx)) {
      const { script, cmd, name, nameWord } = rc;
      if (!name || !nameWord || nameWord.hasExpansion) continue;
      if (name === 'chpasswd') {
        ctx.report({ range: wordRange(script, nameWord), message: `"chpasswd" sets a password in RUN: ${ADVICE}` });
        continue;
      }
      if (name === 'passwd') {
        const a = parseArgs(rc.args, { withValue: ['-n', '-x', '-w', '-i', '-r', '-R', '-P', '--root', '--prefix', '--repository', '--mindays', '--maxdays', '--warndays', '--inactive'] });
        if (a.has('-d', '--delete')) {
          ctx.report({ range: wordRange(script, nameWord), message: `"passwd -d" leaves the account with an empty password: lock it with "passwd -l" instead` });
        } else if (a.has('--stdin') || (cmd.inPipeline && (cmd.separatorBefore === '|' || cmd.separatorBefore === '|&')) || cmd.redirects.some((r) => r.op.startsWith('<'))) {
          ctx.report({ range: wordRange(script, nameWord), message: `"passwd" sets a password from input in RUN: ${ADVICE}` });
        }
        continue;
      }
      if (name === 'htpasswd') {
        const a = parseArgs(rc.args, {});
        if (a.has('-b')) ctx.report({ range: wordRange(script, nameWord), message: `"htpasswd -b" writes a password given on the command line: ${ADVICE}` });
        continue;
      }
      let opt;
      if (name === 'useradd') opt = useraddCommand(cmd)?.args.get('-p', '--password');
      else if (name === 'usermod') opt = parseArgs(rc.args, USERMOD_SPEC).get('-p', '--password');
      // A random password nobody knows only unlocks the account (e.g. for SSH keys).
      if (opt && opt.value !== undefined && !LOCKED.has(opt.value) && !/urandom|openssl rand|pwgen|uuidgen|\$RANDOM/.test(opt.value)) {
        ctx.report({ range: optionRange(script, opt), message: `"${name} ${opt.name}" sets a password in RUN: ${ADVICE}` });
      }
    }
  },
};
