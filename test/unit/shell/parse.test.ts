import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShell, parseShellText, textSource } from '../../../src/dockerfile/shell';
import type { ShellScript, SimpleCommand } from '../../../src/dockerfile/shell';

/** Command words (values) of every command, in source order. */
function words(script: ShellScript | string): string[][] {
  const s = typeof script === 'string' ? parseShellText(script) : script;
  return s.commands.map((c) => c.words.map((w) => w.value));
}

function cmd(text: string, name: string): SimpleCommand {
  const c = parseShellText(text).commands.find((x) => x.words[0]?.value === name);
  assert.ok(c, `no command ${name}`);
  return c;
}

describe('parseShell: words and quoting', () => {
  it('splits simple words and keeps raw text and offsets', () => {
    const s = parseShellText('apt-get  install -y curl');
    assert.deepEqual(words(s), [['apt-get', 'install', '-y', 'curl']]);
    const w = s.commands[0].words[3];
    assert.equal(w.raw, 'curl');
    assert.equal(w.start, 20);
    assert.equal(w.end, 24);
    assert.deepEqual(s.errors, []);
  });

  it('removes single and double quotes, keeps spaces inside them', () => {
    const s = parseShellText(`echo 'a b' "c d" e'f'"g" ''`);
    assert.deepEqual(words(s), [['echo', 'a b', 'c d', 'efg', '']]);
    const [, a, b, c, d] = s.commands[0].words;
    assert.ok(a.quoted && b.quoted && c.quoted && d.quoted);
    assert.equal(c.raw, `e'f'"g"`);
  });

  it('handles backslash escapes outside and inside double quotes', () => {
    assert.deepEqual(words(`echo a\\ b \\"x\\" "q\\"uo\\$te\\\\" "\\n" '\\n'`), [
      ['echo', 'a b', '"x"', 'q"uo$te\\', '\\n', '\\n'],
    ]);
  });

  it('decodes $\'…\' ANSI-C quotes and keeps $"…" as a double quote', () => {
    assert.deepEqual(words(`printf $'a\\tb\\'c' $"x y"`), [['printf', "a\tb'c", 'x y']]);
  });

  it('joins words across backslash-newline continuations', () => {
    const s = parseShellText('echo fo\\\no bar \\\n  baz');
    assert.deepEqual(words(s), [['echo', 'foo', 'bar', 'baz']]);
    assert.equal(s.commands[0].words[1].raw, 'fo\\\no');
  });

  it('keeps expansions literally and flags them', () => {
    const s = parseShellText('echo $HOME "${A:-b c}" ${#x} $1 $@ \'$NOT\' a$');
    const ws = s.commands[0].words;
    assert.deepEqual(
      ws.map((w) => w.value),
      ['echo', '$HOME', '${A:-b c}', '${#x}', '$1', '$@', '$NOT', 'a$'],
    );
    assert.deepEqual(
      ws.map((w) => w.hasExpansion),
      [false, true, true, true, true, true, false, false],
    );
  });

  it('treats arrays and extglobs as single words', () => {
    const s = parseShellText('x=(1 "2 3") cmd @(a|b) !(c)');
    assert.deepEqual(s.commands[0].assignments.map((w) => w.raw), ['x=(1 "2 3")']);
    assert.deepEqual(words(s), [['cmd', '@(a|b)', '!(c)']]);
  });

  it('accepts CRLF line endings as newlines', () => {
    assert.deepEqual(words('a 1\r\nb 2\r\n'), [
      ['a', '1'],
      ['b', '2'],
    ]);
  });
});

describe('parseShell: substitutions', () => {
  it('parses $( ) and backtick commands, nested, with depth and inSubstitution', () => {
    const s = parseShellText('echo "$(cat `ls $(pwd)` | tr a b)" done');
    assert.deepEqual(words(s), [
      ['echo', '$(cat `ls $(pwd)` | tr a b)', 'done'],
      ['cat', '`ls $(pwd)`'],
      ['ls', '$(pwd)'],
      ['pwd'],
      ['tr', 'a', 'b'],
    ]);
    const depth = s.commands.map((c) => [c.depth, c.inSubstitution]);
    assert.deepEqual(depth, [
      [0, false],
      [1, true],
      [2, true],
      [3, true],
      [1, true],
    ]);
    assert.equal(s.commands[1].construct, 'substitution');
    assert.ok(s.commands[1].inPipeline);
    assert.deepEqual(s.errors, []);
  });

  it('parses commands inside ${…} defaults and process substitutions', () => {
    assert.deepEqual(words('diff <(ls a) >(sort) ${X:-$(id -u)}'), [
      ['diff', '<(ls a)', '>(sort)', '${X:-$(id -u)}'],
      ['ls', 'a'],
      ['sort'],
      ['id', '-u'],
    ]);
  });

  it('skips arithmetic without creating commands', () => {
    const s = parseShellText('echo $((1 + (2 * 3))) && ((i++)) && echo $(( x ))');
    assert.deepEqual(words(s), [
      ['echo', '$((1 + (2 * 3)))'],
      ['echo', '$(( x ))'],
    ]);
    assert.deepEqual(s.errors, []);
  });

  it('handles a case statement inside $( )', () => {
    assert.deepEqual(words('x=$(case a in a) echo one;; esac) y'), [['y'], ['echo', 'one']]);
  });
});

describe('parseShell: lists, separators and pipelines', () => {
  it('records separators before and after each command', () => {
    const s = parseShellText('a && b || c; d & e\nf | g |& h');
    const seps = s.commands.map((c) => [c.words[0].value, c.separatorBefore, c.separatorAfter]);
    assert.deepEqual(seps, [
      ['a', null, '&&'],
      ['b', '&&', '||'],
      ['c', '||', ';'],
      ['d', ';', '&'],
      ['e', '&', '\n'],
      ['f', '\n', '|'],
      ['g', '|', '|&'],
      ['h', '|&', null],
    ]);
  });

  it('keeps a trailing ; or & and drops a trailing newline', () => {
    assert.equal(parseShellText('a;').commands[0].separatorAfter, ';');
    assert.equal(parseShellText('a &').commands[0].separatorAfter, '&');
    assert.equal(parseShellText('a\n\n').commands[0].separatorAfter, null);
  });

  it('allows newlines after && and |', () => {
    const s = parseShellText('a &&\n\n  b |\n c');
    assert.deepEqual(words(s), [['a'], ['b'], ['c']]);
    assert.equal(s.commands[1].separatorBefore, '&&');
    assert.deepEqual(s.errors, []);
  });

  it('marks pipelines and their size, with compound elements', () => {
    const s = parseShellText('curl x | sh; echo a; cat f | while read l; do echo $l; done');
    assert.deepEqual(
      s.commands.map((c) => [c.words[0].value, c.inPipeline]),
      [
        ['curl', true],
        ['sh', true],
        ['echo', false],
        ['cat', true],
        ['read', false],
        ['echo', false],
      ],
    );
    const sizes = s.pipelines.filter((p) => (p.size ?? 0) > 1).map((p) => [p.size, p.commands.length]);
    assert.deepEqual(sizes, [
      [2, 2],
      [2, 1],
    ]);
  });

  it('parses ! negation', () => {
    const s = parseShellText('! grep -q x f && echo ok');
    assert.equal(s.pipelines[0].negated, true);
    assert.equal(s.pipelines[1].negated, false);
    assert.equal(s.commands[0].inCondition, true);
  });

  it('marks commands whose failure is tolerated under set -e', () => {
    const s = parseShellText('a && b || c; d');
    assert.deepEqual(
      s.commands.map((c) => c.inCondition),
      [true, true, false, false],
    );
  });

  it('treats the bash `time` keyword as a prefix', () => {
    assert.deepEqual(words('time -p make all | tee log'), [['make', 'all'], ['tee', 'log']]);
  });
});

describe('parseShell: compound commands', () => {
  it('finds commands in if/elif/else bodies, not keywords', () => {
    const s = parseShellText('if [ -f a ]; then echo a; elif test b; then echo b; else echo c; fi');
    assert.deepEqual(words(s), [['[', '-f', 'a', ']'], ['echo', 'a'], ['test', 'b'], ['echo', 'b'], ['echo', 'c']]);
    assert.deepEqual(
      s.commands.map((c) => [c.depth, c.construct, c.inCondition]),
      [
        [1, 'if', true],
        [1, 'if', false],
        [1, 'if', true],
        [1, 'if', false],
        [1, 'if', false],
      ],
    );
    assert.deepEqual(s.errors, []);
  });

  it('finds commands in for/while/until loops over several lines', () => {
    const s = parseShellText('for f in a $(ls) "c d"\ndo\n  rm $f\ndone\nwhile true; do sleep 1; done\nuntil false\ndo :\ndone');
    assert.deepEqual(words(s), [['ls'], ['rm', '$f'], ['true'], ['sleep', '1'], ['false'], [':']]);
    assert.deepEqual(
      s.commands.map((c) => c.construct),
      ['substitution', 'for', 'while', 'while', 'until', 'until'],
    );
    assert.deepEqual(s.errors, []);
  });

  it('handles for without in, arithmetic for and select', () => {
    assert.deepEqual(words('for x; do a; done; for ((i=0;i<3;i++)); do b; done; select y in 1 2; do c; done'), [
      ['a'],
      ['b'],
      ['c'],
    ]);
  });

  it('finds commands in case arms', () => {
    const s = parseShellText('case "$1" in\n  a|b) echo ab ;;\n  (c) echo c; echo c2 ;&\n  *) echo other\nesac; after');
    assert.deepEqual(words(s), [['echo', 'ab'], ['echo', 'c'], ['echo', 'c2'], ['echo', 'other'], ['after']]);
    assert.equal(s.commands[0].construct, 'case');
    assert.deepEqual(s.errors, []);
  });

  it('finds commands in subshells, groups and functions', () => {
    const s = parseShellText('(cd /x && make) ; { a; b; } > log 2>&1; f() { g; }; function h { i; }');
    assert.deepEqual(words(s), [['cd', '/x'], ['make'], ['a'], ['b'], ['g'], ['i']]);
    assert.deepEqual(
      s.commands.map((c) => c.construct),
      ['subshell', 'subshell', 'group', 'group', 'function', 'function'],
    );
    assert.deepEqual(s.errors, []);
  });

  it('treats `}` and keywords as arguments when not in command position', () => {
    assert.deepEqual(words('echo if then } done'), [['echo', 'if', 'then', '}', 'done']]);
  });

  it('keeps [[ … ]] operators as words', () => {
    assert.deepEqual(words('[[ -n $a && $b < c ]] || echo no'), [
      ['[[', '-n', '$a', '&&', '$b', '<', 'c', ']]'],
      ['echo', 'no'],
    ]);
  });

  it('tracks nesting depth', () => {
    const s = parseShellText('if a; then (b; { c; }); fi');
    assert.deepEqual(
      s.commands.map((c) => [c.words[0].value, c.depth]),
      [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ],
    );
  });
});

describe('parseShell: assignments, redirections, heredocs, comments', () => {
  it('separates leading assignments from words', () => {
    const s = parseShellText('A=1 B="x y" cmd C=2; D=3');
    assert.deepEqual(s.commands[0].assignments.map((w) => w.value), ['A=1', 'B=x y']);
    assert.deepEqual(s.commands[0].words.map((w) => w.value), ['cmd', 'C=2']);
    assert.deepEqual(s.commands[1].words, []);
    assert.deepEqual(s.commands[1].assignments.map((w) => w.raw), ['D=3']);
  });

  it('export/env assignments are plain words', () => {
    assert.deepEqual(words('export A=b && env C=d cmd'), [['export', 'A=b'], ['env', 'C=d', 'cmd']]);
  });

  it('parses redirections with fds and targets', () => {
    const c = cmd('cmd >out 2>&1 <in >>app &>all 3<>rw >|clob <<<here 2>/dev/null', 'cmd');
    assert.deepEqual(
      c.redirects.map((r) => [r.op, r.operator, r.fd, r.target?.value]),
      [
        ['>', '>', undefined, 'out'],
        ['2>&', '>&', '2', '1'],
        ['<', '<', undefined, 'in'],
        ['>>', '>>', undefined, 'app'],
        ['&>', '&>', undefined, 'all'],
        ['3<>', '<>', '3', 'rw'],
        ['>|', '>|', undefined, 'clob'],
        ['<<<', '<<<', undefined, 'here'],
        ['2>', '>', '2', '/dev/null'],
      ],
    );
    assert.deepEqual(c.words.map((w) => w.value), ['cmd']);
  });

  it('skips heredoc bodies and records them', () => {
    const text = 'cat <<EOF > /etc/x && echo after\nnot a; command\n  EOF\nEOF\ncat <<-\'END\'\n\tx $(y)\n\tEND\nlast';
    const s = parseShellText(text);
    assert.deepEqual(words(s), [['cat'], ['echo', 'after'], ['cat'], ['last']]);
    const h = s.commands[0].redirects[0].heredoc!;
    assert.equal(h.delimiter, 'EOF');
    assert.equal(h.quoted, false);
    assert.equal(text.slice(h.start, h.end), 'not a; command\n  EOF\n');
    const h2 = s.commands[2].redirects[0].heredoc!;
    assert.ok(h2.quoted && h2.stripTabs && h2.terminated);
    assert.equal(text.slice(h2.start, h2.end), '\tx $(y)\n');
    assert.deepEqual(s.errors, []);
  });

  it('reads several heredocs of one line in order', () => {
    const text = 'paste <<A <<B; echo x\n1\nA\n2\nB\necho y';
    const s = parseShellText(text);
    assert.deepEqual(words(s), [['paste'], ['echo', 'x'], ['echo', 'y']]);
    const [a, b] = s.commands[0].redirects.map((r) => r.heredoc!);
    assert.equal(text.slice(a.start, a.end), '1\n');
    assert.equal(text.slice(b.start, b.end), '2\n');
  });

  it('skips comments at word start only', () => {
    const s = parseShellText('echo a#b # comment ; rm -rf /\n# whole line\necho c');
    assert.deepEqual(words(s), [['echo', 'a#b'], ['echo', 'c']]);
  });

  it('maps through a ScriptSource', () => {
    const src = textSource('a\n  bb', 'shell', { line: 3, character: 4 });
    const s = parseShell(src);
    const w = s.commands[1].words[0];
    assert.deepEqual(src.toDocument(w.start), { line: 4, character: 2 });
    assert.equal(parseShell(src), s, 'results are cached per source');
  });
});

describe('parseShell: errors', () => {
  const cases: [string, RegExp][] = [
    ['echo "abc', /unterminated double quote/],
    ["echo 'abc", /unterminated single quote/],
    ['echo $(ls', /unterminated \$\(/],
    ['echo `ls', /unterminated backtick/],
    ['echo ${x', /unterminated \$\{/],
    ['echo $((1+', /unterminated arithmetic/],
    ['if true; then echo', /expected 'fi'/],
    ['while a; do b', /expected 'done'/],
    ['case x in a) b;;', /expected 'esac'/],
    ['{ a', /expected '}'/],
    ['( a', /expected '\)'/],
    ['fi', /unexpected 'fi'/],
    ['a && || b', /expected a command/],
    ['cat <<EOF\nbody', /here-document not terminated/],
    ['echo >', /missing target/],
  ];
  for (const [text, re] of cases) {
    it(`reports ${re} for ${JSON.stringify(text)} and keeps going`, () => {
      const s = parseShellText(text);
      assert.ok(
        s.errors.some((e) => re.test(e.message)),
        JSON.stringify(s.errors),
      );
      for (const e of s.errors) assert.ok(e.start >= 0 && e.end >= e.start && e.end <= text.length);
    });
  }

  it('still finds commands after an unterminated quote in a substitution', () => {
    const s = parseShellText('apt-get install -y "foo');
    assert.deepEqual(words(s), [['apt-get', 'install', '-y', 'foo']]);
  });

  it('bounds nesting depth', () => {
    const s = parseShellText('$('.repeat(5000) + 'x' + ')'.repeat(5000));
    assert.ok(s.errors.some((e) => /too deep/.test(e.message)));
    const s2 = parseShellText('( '.repeat(5000) + 'x' + ' )'.repeat(5000));
    assert.ok(s2.errors.some((e) => /too deep/.test(e.message)));
  });
});
