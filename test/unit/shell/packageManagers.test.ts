import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apkCommand,
  aptCommand,
  cdCommand,
  classifyAptPackage,
  classifyApkPackage,
  classifyGoPackage,
  classifyNpmPackage,
  classifyPipRequirement,
  classifyRpmPackage,
  classifyZypperPackage,
  curlCommand,
  gemCommand,
  goCommand,
  needsPin,
  nodePackageCommand,
  parseShellText,
  pipCommand,
  rpmCommand,
  useraddCommand,
  wgetCommand,
  zypperCommand,
} from '../../../src/dockerfile/shell';
import type { PackageRef, SimpleCommand } from '../../../src/dockerfile/shell';

/** The first command a recogniser accepts in the script. */
function find<T>(text: string, f: (c: SimpleCommand) => T | undefined): T {
  for (const c of parseShellText(text).commands) {
    const r = f(c);
    if (r) return r;
  }
  assert.fail(`not recognised: ${text}`);
}

function names(ps: readonly PackageRef[]): string[] {
  return ps.map((p) => p.word.value);
}

function unpinned(ps: readonly PackageRef[]): string[] {
  return ps.filter(needsPin).map((p) => p.word.value);
}

describe('apt-get / apt / aptitude', () => {
  it('reads subcommand, packages, pins and files', () => {
    const a = find('apt-get install -y --no-install-recommends -t bookworm-backports curl=7.* git ./x.deb $PKG', aptCommand);
    assert.equal(a.subcommand, 'install');
    assert.equal(a.tool, 'apt-get');
    assert.deepEqual(names(a.packages), ['curl=7.*', 'git', './x.deb', '$PKG']);
    assert.deepEqual(unpinned(a.packages), ['git', '$PKG']);
    assert.equal(a.packages[0].name, 'curl');
    assert.equal(a.packages[0].version, '7.*');
    assert.equal(a.packages[3].hasExpansion, true);
    assert.ok(a.assumeYes && a.noInstallRecommends);
  });

  const yes: [string, boolean][] = [
    ['apt-get install x', false],
    ['apt-get install -q x', false],
    ['apt-get install --quiet x', false],
    ['apt-get install -y x', true],
    ['apt-get -y install x', true],
    ['apt-get install -yq x', true],
    ['apt-get --yes install x', true],
    ['apt-get --assume-yes install x', true],
    ['apt-get install -qq x', true],
    ['apt-get install -q -q x', true],
    ['apt-get install -q=2 x', true],
    ['apt-get install --quiet --quiet x', true],
    ['apt-get -o APT::Get::Assume-Yes=true install x', true],
    ['sudo apt-get install -y x', true],
  ];
  for (const [text, expected] of yes) {
    it(`assumeYes=${expected} for ${text}`, () => assert.equal(find(text, aptCommand).assumeYes, expected));
  }

  it('recognises ways to disable recommends', () => {
    assert.equal(find('apt-get install x', aptCommand).noInstallRecommends, false);
    assert.equal(find('apt-get -o APT::Install-Recommends=false install x', aptCommand).noInstallRecommends, true);
    assert.equal(find('apt-get -o=APT::Install-Recommends=0 install x', aptCommand).noInstallRecommends, true);
    assert.equal(find('apt-get --install-recommends=no install x', aptCommand).noInstallRecommends, true);
    assert.equal(find('aptitude install -R x', aptCommand).noInstallRecommends, true);
  });

  it('has no packages for other subcommands and ignores non-apt commands', () => {
    assert.deepEqual(find('apt-get dist-upgrade -y', aptCommand).packages, []);
    assert.equal(find('apt upgrade', aptCommand).tool, 'apt');
    assert.equal(aptCommand(parseShellText('apt-cache policy x').commands[0]), undefined);
    assert.equal(aptCommand(parseShellText('echo apt-get install x').commands[0]), undefined);
  });

  it('classifies apt package words', () => {
    assert.deepEqual(classifyAptPackage('git=1:2.5.0*'), { name: 'git', version: '1:2.5.0*', operator: '=', kind: 'package', pinned: true });
    assert.equal(classifyAptPackage('/tmp/a.deb').kind, 'file');
    assert.equal(classifyAptPackage('python').pinned, false);
  });
});

describe('apk', () => {
  it('reads add, --no-cache, -U, --virtual and pins', () => {
    const a = find('apk add --no-cache -U --virtual .build-deps flex=2.6 "libffi~3.2" "py<3" bash x.apk', apkCommand);
    assert.equal(a.subcommand, 'add');
    assert.ok(a.noCache && a.updateCache);
    assert.equal(a.virtual?.name, '.build-deps');
    assert.deepEqual(names(a.packages), ['flex=2.6', 'libffi~3.2', 'py<3', 'bash', 'x.apk']);
    assert.deepEqual(unpinned(a.packages), ['bash']);
    const b = find('apk add -t deps -X https://repo/edge/testing flow=0.78', apkCommand);
    assert.equal(b.virtual?.name, 'deps');
    assert.deepEqual(unpinned(b.packages), []);
    assert.equal(find('apk update', apkCommand).noCache, false);
  });

  it('classifies apk constraints', () => {
    for (const v of ['a=1', 'a~1', 'a>=1', 'a<=1', 'a>1', 'a<1', 'a=~1', 'a~=1']) assert.ok(classifyApkPackage(v).pinned, v);
    assert.deepEqual(classifyApkPackage('git~=2.52'), { name: 'git', version: '2.52', operator: '~=', kind: 'package', pinned: true });
    assert.equal(classifyApkPackage('git@edge').pinned, false);
  });
});

describe('yum / dnf / microdnf', () => {
  it('reads install, -y, pins and clean all', () => {
    const r = find('yum install -y httpd-2.4.24 gcc-c++-1.1.1 openssl-1:1.1.1k rpm-sign tomcat x.rpm && yum clean all', rpmCommand);
    assert.equal(r.action, 'install');
    assert.ok(r.assumeYes && r.installs);
    assert.deepEqual(unpinned(r.packages), ['rpm-sign', 'tomcat']);
    const clean = parseShellText('yum install x && yum clean all').commands.map(rpmCommand);
    assert.equal(clean[1]?.cleanAll, true);
  });

  it('canonicalises dnf aliases', () => {
    const acts = ['dnf in -y x', 'dnf rei x', 'dnf up', 'dnf up-min', 'dnf --assumeyes update', 'microdnf install x', 'dnf -y groupinstall "Dev Tools"'].map(
      (t) => find(t, rpmCommand),
    );
    assert.deepEqual(
      acts.map((a) => [a.tool, a.action, a.installs]),
      [
        ['dnf', 'install', true],
        ['dnf', 'reinstall', true],
        ['dnf', 'upgrade', true],
        ['dnf', 'upgrade-minimal', true],
        ['dnf', 'upgrade', true],
        ['microdnf', 'install', true],
        ['dnf', 'group', true],
      ],
    );
    assert.equal(acts[4].assumeYes, true);
  });

  it('handles modules and groups', () => {
    const m = find('dnf module install -y tomcat:9 nodejs', rpmCommand);
    assert.deepEqual([m.action, m.subAction], ['module', 'install']);
    assert.deepEqual(unpinned(m.packages), ['nodejs']);
    const g = find('dnf -y --setopt=group_package_types="mandatory" group install "Development Tools"', rpmCommand);
    assert.deepEqual([g.action, g.subAction], ['group', 'install']);
    assert.deepEqual(unpinned(g.packages), []);
    assert.equal(g.packages[0].kind, 'group');
  });

  it('classifies rpm package words', () => {
    assert.deepEqual(classifyRpmPackage('git-core-2.51.0-2.fc42'), {
      name: 'git-core',
      version: '2.51.0-2.fc42',
      operator: '-',
      kind: 'package',
      pinned: true,
    });
    assert.equal(classifyRpmPackage('java-11-openjdk').pinned, false);
    assert.equal(classifyRpmPackage('git-core-${version}').pinned, false);
    assert.equal(classifyRpmPackage('@development').kind, 'group');
  });

  it('does not match lookalikes', () => {
    assert.equal(rpmCommand(parseShellText('notdnf install httpd').commands[0]), undefined);
  });
});

describe('zypper', () => {
  it('reads install, non-interactive flags and pins', () => {
    const z = find('zypper --non-interactive install tomcat=9.0.39 tomcat\\>=9.0 "a<2" b x.rpm', zypperCommand);
    assert.deepEqual([z.action, z.nonInteractive, z.installs], ['install', true, true]);
    assert.deepEqual(unpinned(z.packages), ['b']);
    for (const t of ['zypper install -n x', 'zypper in -y x', 'zypper install --no-confirm x', 'zypper -n in x'])
      assert.equal(find(t, zypperCommand).nonInteractive, true, t);
    assert.equal(find('zypper install x', zypperCommand).nonInteractive, false);
    assert.deepEqual(
      ['zypper cc', 'zypper clean -a', 'zypper dup -y', 'zypper ref'].map((t) => find(t, zypperCommand).action),
      ['clean', 'clean', 'dist-upgrade', 'refresh'],
    );
    assert.equal(classifyZypperPackage('a<=1').operator, '<=');
  });
});

describe('pip', () => {
  it('reads pip install packages and flags', () => {
    const p = find('pip3 install --no-cache-dir -r req.txt -c cons.txt --index-url https://x/simple -U a==1 b "c>=2" "d[x]~=3" .', pipCommand);
    assert.equal(p.subcommand, 'install');
    assert.ok(p.noCacheDir && p.upgrade);
    assert.deepEqual(p.requirements, ['req.txt']);
    assert.deepEqual(p.constraints, ['cons.txt']);
    assert.deepEqual(names(p.packages), ['a==1', 'b', 'c>=2', 'd[x]~=3', '.']);
    assert.deepEqual(unpinned(p.packages), ['b']);
  });

  it('recognises python -m pip and pipx, not pipenv', () => {
    const p = find('python3 -m pip install --user example==1.2', pipCommand);
    assert.ok(p.viaPython);
    assert.equal(p.tool, 'python3');
    assert.deepEqual(unpinned(p.packages), []);
    assert.equal(find('python -u -mpip install x', pipCommand).subcommand, 'install');
    assert.equal(find('pipx install --python "$(which python)" "poetry==1.8.5"', pipCommand).manager, 'pipx');
    assert.equal(pipCommand(parseShellText('pipenv install black').commands[0]), undefined);
    assert.equal(pipCommand(parseShellText('python -c "import pip"').commands[0]), undefined);
    assert.equal(pipCommand(parseShellText('python script.py -m pip').commands[0]), undefined);
  });

  it('flags taking values are not packages', () => {
    const p = find('pip install --root-user-action ignore --target /opt --prefix /usr poetry==1.8.5', pipCommand);
    assert.deepEqual(names(p.packages), ['poetry==1.8.5']);
    const q = find('pip install --root-user-action=ignore mypkg', pipCommand);
    assert.deepEqual(unpinned(q.packages), ['mypkg']);
  });

  it('classifies requirement words', () => {
    assert.equal(classifyPipRequirement('git+https://github.com/a/b.git@0.6#egg=b').pinned, true);
    assert.equal(classifyPipRequirement('git+ssh://git@github.com/a/b.git#egg=b').pinned, false);
    assert.equal(classifyPipRequirement('git+ssh://git@github.com/a/b.git#egg=b').name, 'b');
    assert.equal(classifyPipRequirement('https://foo.bar/baz.zip').kind, 'url');
    assert.equal(classifyPipRequirement('mypkg.whl').kind, 'file');
    assert.equal(classifyPipRequirement('foo/bar').kind, 'path');
    assert.equal(classifyPipRequirement('alabaster!=0.7').pinned, true);
    assert.equal(classifyPipRequirement('x===1').operator, '===');
    assert.equal(classifyPipRequirement('name @ https://x/y.whl').name, 'name');
    assert.equal(classifyPipRequirement('name@https://x/y.whl').kind, 'url');
  });
});

describe('npm / yarn / pnpm', () => {
  it('reads npm install packages', () => {
    const n = find('npm install -g --registry https://r express@4.1.1 @org/pkg@">=0.1 <0.2" sax ./dir x.tgz git+https://h/r.git#v1 user/repo', nodePackageCommand);
    assert.deepEqual([n.action, n.global], ['install', true]);
    assert.deepEqual(names(n.packages), ['express@4.1.1', '@org/pkg@>=0.1 <0.2', 'sax', './dir', 'x.tgz', 'git+https://h/r.git#v1', 'user/repo']);
    assert.deepEqual(unpinned(n.packages), ['sax', 'user/repo']);
    assert.equal(n.packages[1].name, '@org/pkg');
    assert.deepEqual(find('npm i', nodePackageCommand).packages, []);
    assert.equal(find('npm ci', nodePackageCommand).action, 'ci');
    assert.equal(find('npm run --crazy install', nodePackageCommand).action, 'run');
  });

  it('reads yarn and pnpm', () => {
    const y = find('yarn global add typescript@5', nodePackageCommand);
    assert.deepEqual([y.tool, y.action, y.global], ['yarn', 'add', true]);
    assert.deepEqual(unpinned(y.packages), []);
    assert.equal(find('yarn cache clean', nodePackageCommand).action, 'cache-clean');
    assert.equal(find('pnpm store prune', nodePackageCommand).action, 'cache-clean');
    assert.deepEqual(unpinned(find('pnpm add -D vite', nodePackageCommand).packages), ['vite']);
    assert.deepEqual(find('yarn install --frozen-lockfile', nodePackageCommand).packages, []);
  });

  it('classifies npm package words', () => {
    assert.equal(classifyNpmPackage('@myorg/privatepackage').pinned, false);
    assert.equal(classifyNpmPackage('git://github.com/npm/npm.git').pinned, false);
    assert.equal(classifyNpmPackage('git+ssh://git@github.com:npm/npm.git#v1.0.27').pinned, true);
    assert.equal(classifyNpmPackage('~/folder').kind, 'path');
  });
});

describe('gem', () => {
  it('reads gem install pins', () => {
    assert.deepEqual(unpinned(find('gem i bundler:1 nokogiri', gemCommand).packages), ['nokogiri']);
    const v = find("gem install bundler -v '2.0.1' --no-document", gemCommand);
    assert.deepEqual([v.action, v.version, v.noDocument], ['install', '2.0.1', true]);
    assert.deepEqual(unpinned(v.packages), []);
    assert.deepEqual(names(find('gem install bundler:2.0.1 -- --use-system-libraries=true', gemCommand).packages), ['bundler:2.0.1']);
    assert.deepEqual(names(find('gem install bundler:2.0.1 --use-system-libraries true', gemCommand).packages), ['bundler:2.0.1']);
  });
});

describe('go', () => {
  it('reads go install/get/run packages', () => {
    assert.deepEqual(unpinned(find('go install example.com/a@v1.2.3 example.com/b@latest example.com/c ./local', goCommand).packages), [
      'example.com/b@latest',
      'example.com/c',
    ]);
    const g = find('go get -tool -u foobar@v1.2.3', goCommand);
    assert.deepEqual([g.action, g.args.has('-tool')], ['get', true]);
    assert.deepEqual(unpinned(g.packages), []);
    const r = find('go run -tags netgo example.com/pkg@v1.2.3 --foo bar', goCommand);
    assert.deepEqual(names(r.packages), ['example.com/pkg@v1.2.3']);
    assert.deepEqual(find('go build ./...', goCommand).packages, []);
    assert.equal(classifyGoPackage('x@upgrade').pinned, false);
    assert.equal(classifyGoPackage('main.go').kind, 'file');
  });
});

describe('cd, curl, wget, useradd', () => {
  it('reads cd targets', () => {
    assert.equal(find('cd /opt && make', cdCommand).target?.value, '/opt');
    assert.equal(find('cd', cdCommand).target, undefined);
  });

  it('reads curl flags and urls', () => {
    const c = find('curl -fsSL -o /tmp/x --retry 3 https://a/b | sh', curlCommand);
    assert.ok(c.fail && c.silent && c.showError && c.location && !c.insecure);
    assert.deepEqual(c.outputs, ['/tmp/x']);
    assert.deepEqual(
      c.urls.map((w) => w.value),
      ['https://a/b'],
    );
    assert.deepEqual(
      find('curl --url https://x -k -O', curlCommand).urls.map((w) => w.value),
      ['https://x'],
    );
  });

  it('reads wget flags', () => {
    const w = find('wget -nv -O /tmp/x https://a', wgetCommand);
    assert.deepEqual([w.noVerbose, w.quiet, w.outputDocument, w.urls.map((u) => u.value)], [true, false, '/tmp/x', ['https://a']]);
    assert.equal(find('wget --progress=dot:giga x', wgetCommand).progress, 'dot:giga');
    assert.equal(find('wget -qO- x', wgetCommand).quiet, true);
    assert.equal(find('wget -qO- x', wgetCommand).outputDocument, '-');
    assert.equal(find('wget -a log x', wgetCommand).logToFile, true);
    assert.equal(find('wget --no-check-certificate x', wgetCommand).insecure, true);
  });

  it('reads useradd options', () => {
    const u = find('useradd -r -l -u 123456 -m -s /bin/bash app', useraddCommand);
    assert.deepEqual([u.uid, u.noLogInit, u.system, u.createHome, u.user?.value], ['123456', true, true, true, 'app']);
    assert.equal(find('useradd --uid=5 x', useraddCommand).uid, '5');
  });
});
