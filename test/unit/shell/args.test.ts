import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandArgs, commandName, parseArgs, parseShellText } from '../../../src/dockerfile/shell';
import type { ArgSpec, SimpleCommand } from '../../../src/dockerfile/shell';

function first(text: string): SimpleCommand {
  return parseShellText(text).commands[0];
}

function parse(text: string, spec: ArgSpec) {
  return parseArgs(first(text).words.slice(1), spec);
}

describe('parseArgs', () => {
  const spec: ArgSpec = { withValue: ['-o', '--output', '-t'] };

  it('parses short, clustered and valued options, and positionals', () => {
    const a = parse('x -yq -o out -ofile -t rel pos1 --flag pos2', spec);
    assert.deepEqual(
      a.options.map((o) => [o.name, o.value]),
      [
        ['-y', undefined],
        ['-q', undefined],
        ['-o', 'out'],
        ['-o', 'file'],
        ['-t', 'rel'],
        ['--flag', undefined],
      ],
    );
    assert.deepEqual(
      a.positionals.map((w) => w.value),
      ['pos1', 'pos2'],
    );
    assert.deepEqual(a.positionalIndexes, [6, 8]);
    assert.ok(a.has('-y', '--yes'));
    assert.equal(a.count('-o'), 2);
    assert.deepEqual(a.values('-o', '--output'), ['out', 'file']);
    assert.equal(a.get('-o')?.value, 'file');
  });

  it('parses --opt=value and --opt value', () => {
    const a = parse('x --output=a.txt --output b.txt --unknown=v --other', spec);
    assert.deepEqual(
      a.options.map((o) => [o.name, o.value, o.words.length]),
      [
        ['--output', 'a.txt', 1],
        ['--output', 'b.txt', 2],
        ['--unknown', 'v', 1],
        ['--other', undefined, 1],
      ],
    );
    assert.equal(a.options[1].valueWord?.value, 'b.txt');
  });

  it('stops at -- and optionally at the first positional', () => {
    const a = parse('x -a -- -b c', spec);
    assert.deepEqual(
      a.options.map((o) => o.name),
      ['-a'],
    );
    assert.deepEqual(
      a.positionals.map((w) => w.value),
      ['-b', 'c'],
    );
    assert.equal(a.endOfOptions, 1);
    const p = parse('x -a cmd -b', { stopAtFirstPositional: true });
    assert.deepEqual(
      p.positionals.map((w) => w.value),
      ['cmd', '-b'],
    );
  });

  it('supports -x=value, single-dash long options and Go-style flags', () => {
    assert.deepEqual(parse('apt -q=2 -o=A=b', { shortEquals: true, withValue: ['-o'] }).options.map((o) => [o.name, o.value]), [
      ['-q', '2'],
      ['-o', 'A=b'],
    ]);
    assert.deepEqual(
      parse('wget -nv -nc -O f url', { singleDashLong: ['-nv', '-nc'], withValue: ['-O'] }).options.map((o) => o.name),
      ['-nv', '-nc', '-O'],
    );
    const go = parse('go -tool --mod=mod -o out pkg -x', { longOnly: true, stopAtFirstPositional: true, withValue: ['-o'] });
    assert.deepEqual(
      go.options.map((o) => [o.name, o.value]),
      [
        ['-tool', undefined],
        ['-mod', 'mod'],
        ['-o', 'out'],
      ],
    );
    assert.deepEqual(
      go.positionals.map((w) => w.value),
      ['pkg', '-x'],
    );
  });

  it('removes quotes, treats expansions and lone - as positionals', () => {
    const a = parse(`x "-y" '--yes' $FLAGS - "$(echo -q)"`, spec);
    assert.deepEqual(
      a.options.map((o) => o.name),
      ['-y', '--yes'],
    );
    assert.deepEqual(
      a.positionals.map((w) => w.raw),
      ['$FLAGS', '-', '"$(echo -q)"'],
    );
  });

  it('gives exact offsets for letters of a plain cluster', () => {
    const text = 'apt-get -yq install';
    const a = parse(text, {});
    assert.deepEqual(
      a.options.map((o) => text.slice(o.start, o.end)),
      ['y', 'q'],
    );
    const b = parse('x -o value', spec);
    assert.equal(b.options[0].start, 2);
    assert.equal(b.options[0].end, 10);
  });
});

describe('commandName', () => {
  const cases: [string, string, number, boolean, string[]][] = [
    ['apt-get install x', 'apt-get', 0, false, []],
    ['/usr/bin/apt-get install', 'apt-get', 0, false, []],
    ['sudo apt-get install', 'apt-get', 1, true, ['sudo']],
    ['sudo -E -u root -- apt-get install', 'apt-get', 5, true, ['sudo']],
    ['sudo -u root A=1 apt-get x', 'apt-get', 4, true, ['sudo']],
    ['env -i A=1 B=2 pip install', 'pip', 4, false, ['env']],
    ['env -u X --chdir=/ cmd', 'cmd', 4, false, ['env']],
    ['exec -a name nginx -g x', 'nginx', 3, false, ['exec']],
    ['command -p ls', 'ls', 2, false, ['command']],
    ['nohup nice -n 10 time -p make', 'make', 6, false, ['nohup', 'nice', 'time']],
    ['timeout -s KILL 30 curl x', 'curl', 4, false, ['timeout']],
    ['xargs -n1 -I{} rm {}', 'rm', 3, false, ['xargs']],
    ['gosu app:app node server.js', 'node', 2, false, ['gosu']],
    ['sudo sudo apt-get update', 'apt-get', 2, true, ['sudo', 'sudo']],
  ];
  for (const [text, name, index, sudo, wrappers] of cases) {
    it(`finds ${name} in ${JSON.stringify(text)}`, () => {
      const c = first(text);
      const n = commandName(c)!;
      assert.deepEqual([n.name, n.index, n.sudo, n.wrappers], [name, index, sudo, wrappers]);
      assert.equal(n.word, c.words[index]);
    });
  }

  it('keeps the wrapper when it runs nothing', () => {
    assert.equal(commandName(first('sudo -v'))!.name, 'sudo');
    assert.equal(commandName(first('command -v apt-get'))!.name, 'command');
    assert.equal(commandName(first('env'))!.name, 'env');
    assert.equal(commandName(first('xargs'))!.name, 'xargs');
  });

  it('returns undefined for a pure assignment and collects env assignments', () => {
    assert.equal(commandName(first('A=1 B=2')), undefined);
    const n = commandName(first('A=1 env B=2 cmd'))!;
    assert.deepEqual(
      n.assignments.map((w) => w.value),
      ['A=1', 'B=2'],
    );
  });

  it('commandArgs gives the words after the command', () => {
    assert.deepEqual(
      commandArgs(first('sudo -E pip install x')).map((w) => w.value),
      ['install', 'x'],
    );
  });
});
