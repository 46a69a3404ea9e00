import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import type { Instruction } from 'dockerfile-ast';
import {
  commandForm,
  documentRange,
  execFormArgs,
  isPosixShell,
  parseShell,
  scriptsOf,
  shellName,
  textSource,
} from '../../../src/dockerfile/shell';
import type { ScriptSource } from '../../../src/dockerfile/shell';
import { LineIndex } from '../../../src/util/text';

function instructions(text: string): { list: Instruction[]; esc: string } {
  const df = DockerfileParser.parse(text);
  return { list: df.getInstructions(), esc: df.getEscapeCharacter() };
}

/** Scripts of the only (or `index`-th) instruction. */
function scripts(text: string, index = 0): ScriptSource[] {
  const { list, esc } = instructions(text);
  return scriptsOf(list[index], esc);
}

/** Every word of the script must map back to exactly its raw text in the document. */
function assertWordsMapBack(doc: string, src: ScriptSource): void {
  const idx = new LineIndex(doc);
  for (const c of parseShell(src).commands) {
    for (const w of [...c.assignments, ...c.words]) {
      const r = documentRange(src, w.start, w.end);
      if (r.start.line === r.end.line) assert.equal(idx.textOf(r), w.raw, `word ${w.raw}`);
    }
  }
}

describe('scriptsOf: shell form', () => {
  it('returns the arguments of RUN, mapped to the document', () => {
    const doc = 'FROM x\nRUN apt-get update && apt-get install -y curl\n';
    const [s] = scripts(doc, 1);
    assert.equal(s.kind, 'shell');
    assert.equal(s.text, 'apt-get update && apt-get install -y curl');
    assert.deepEqual(s.toDocument(0), { line: 1, character: 4 });
    assert.deepEqual(s.toDocument(s.text.length), { line: 1, character: 45 });
    assertWordsMapBack(doc, s);
  });

  it('skips flags before the command', () => {
    const doc = 'RUN --mount=type=cache,target=/var/cache/apt --network="none" apt-get update';
    const [s] = scripts(doc);
    assert.equal(s.text, 'apt-get update');
    assert.deepEqual(s.toDocument(0), { line: 0, character: 62 });
    assert.deepEqual(scripts('RUN --network=none -- echo hi')[0].text, 'echo hi');
  });

  it('joins continuation lines, drops comment and blank lines inside, as BuildKit does', () => {
    const doc = [
      'RUN --mount=type=cache,target=/x \\',
      '  # a comment',
      '',
      '  apt-get install \\   ',
      '   # another comment \\',
      '      curl \\',
      '    && echo "done"',
      'CMD ["x"]',
    ].join('\n');
    const [s] = scripts(doc);
    assert.equal(s.text, 'apt-get install       curl     && echo "done"');
    assertWordsMapBack(doc, s);
    const script = parseShell(s);
    const curl = script.commands[0].words[2];
    assert.deepEqual(documentRange(s, curl.start, curl.end), {
      start: { line: 5, character: 6 },
      end: { line: 5, character: 10 },
    });
    const echo = script.commands[1].words[0];
    assert.deepEqual(s.toDocument(echo.start), { line: 6, character: 7 });
  });

  it('maps CRLF documents', () => {
    const doc = 'FROM x\r\nRUN a \\\r\n  b \\\r\n  # c\r\n  c\r\nRUN d\r\n';
    const [s] = scripts(doc, 1);
    assert.equal(s.text, 'a   b   c');
    assertWordsMapBack(doc, s);
    const c = parseShell(s).commands[0].words[2];
    assert.deepEqual(s.toDocument(c.start), { line: 4, character: 2 });
    assert.equal(scripts(doc, 2)[0].text, 'd');
  });

  it('maps a word split by a continuation and biases end offsets to the earlier piece', () => {
    const doc = 'RUN echo fo\\\no bar\\\n baz';
    const [s] = scripts(doc);
    assert.equal(s.text, 'echo foo bar baz');
    const ws = parseShell(s).commands[0].words;
    assert.deepEqual(documentRange(s, ws[1].start, ws[1].end), {
      start: { line: 0, character: 9 },
      end: { line: 1, character: 1 },
    });
    // `bar` ends exactly where the next document piece starts.
    assert.deepEqual(documentRange(s, ws[2].start, ws[2].end), {
      start: { line: 1, character: 2 },
      end: { line: 1, character: 5 },
    });
    assert.deepEqual(s.toDocument(ws[2].end), { line: 2, character: 0 });
  });

  it('honours the backtick escape directive', () => {
    const doc = '# escape=`\nFROM x\nRUN echo C:\\dir `\n    && dir `\n  # comment\n    /b\n';
    const [s] = scripts(doc, 1);
    assert.equal(s.text, 'echo C:\\dir     && dir     /b');
    assertWordsMapBack(doc, s);
    // Without the directive, a backtick at the end of a line is not a continuation.
    assert.equal(scripts('RUN echo `\n', 0)[0].text, 'echo `');
  });

  it('covers CMD, ENTRYPOINT, HEALTHCHECK CMD and ONBUILD triggers', () => {
    const doc = [
      'CMD echo $HOME',
      'ENTRYPOINT exec nginx -g "daemon off;"',
      'HEALTHCHECK --interval=5s --timeout=3s CMD curl -f http://localhost/ || exit 1',
      'HEALTHCHECK NONE',
      'ONBUILD RUN --network=none make',
      'onbuild healthcheck cmd true',
      'FROM x',
      'COPY a b',
    ].join('\n');
    const { list, esc } = instructions(doc);
    const texts = list.map((i) => scriptsOf(i, esc).map((s) => s.text));
    assert.deepEqual(texts, [
      ['echo $HOME'],
      ['exec nginx -g "daemon off;"'],
      ['curl -f http://localhost/ || exit 1'],
      [],
      ['make'],
      ['true'],
      [],
      [],
    ]);
    const hc = scriptsOf(list[2], esc)[0];
    assert.deepEqual(hc.toDocument(0), { line: 2, character: 43 });
    assertWordsMapBack(doc, hc);
    assertWordsMapBack(doc, scriptsOf(list[4], esc)[0]);
  });

  it('uses the instruction escape character by default', () => {
    const { list } = instructions('# escape=`\nRUN a `\n  b');
    assert.equal(scriptsOf(list[0])[0].text, 'a   b');
  });

  it('returns the same sources on repeated calls', () => {
    const { list, esc } = instructions('RUN a');
    assert.equal(scriptsOf(list[0], esc)[0], scriptsOf(list[0], esc)[0]);
  });
});

describe('scriptsOf / execFormArgs: exec form', () => {
  it('gives no script for a JSON array, and its strings with ranges', () => {
    const doc = 'RUN ["apt-get", "install", "-y", "a\\"b"]';
    const { list } = instructions(doc);
    assert.deepEqual(scriptsOf(list[0]), []);
    assert.equal(commandForm(list[0]), 'exec');
    const args = execFormArgs(list[0])!;
    assert.deepEqual(
      args.map((a) => a.value),
      ['apt-get', 'install', '-y', 'a"b'],
    );
    const idx = new LineIndex(doc);
    assert.deepEqual(
      args.map((a) => idx.textOf(a.range)),
      ['"apt-get"', '"install"', '"-y"', '"a\\"b"'],
    );
    assert.equal(idx.textOf(args[3].valueRange), 'a\\"b');
  });

  it('handles exec form over continuation lines, flags and HEALTHCHECK CMD', () => {
    const doc = 'RUN --network=none [ "a", \\\n  "b" ]\nHEALTHCHECK --retries=3 CMD ["curl", "-f", "x"]\nSHELL ["/bin/bash", "-c"]';
    const { list } = instructions(doc);
    const idx = new LineIndex(doc);
    const run = execFormArgs(list[0])!;
    assert.deepEqual(
      run.map((a) => [a.value, idx.textOf(a.range), a.range.start.line]),
      [
        ['a', '"a"', 0],
        ['b', '"b"', 1],
      ],
    );
    assert.deepEqual(
      execFormArgs(list[1])!.map((a) => a.value),
      ['curl', '-f', 'x'],
    );
    assert.deepEqual(
      execFormArgs(list[2])!.map((a) => a.value),
      ['/bin/bash', '-c'],
    );
  });

  it('treats invalid JSON as shell form and non-string arrays as neither', () => {
    const { list } = instructions('RUN [ -f /x ] && echo y\nCMD ["a", 1]\nCMD [\'a\']');
    assert.deepEqual(
      scriptsOf(list[0]).map((s) => s.text),
      ['[ -f /x ] && echo y'],
    );
    assert.equal(execFormArgs(list[0]), undefined);
    assert.deepEqual(scriptsOf(list[1]), []);
    assert.equal(execFormArgs(list[1]), undefined);
    assert.equal(commandForm(list[2]), 'shell');
  });
});

describe('scriptsOf: heredocs', () => {
  it('runs the body of a lone `RUN <<EOF` as the script', () => {
    const doc = 'FROM x\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN echo after\n';
    const { list, esc } = instructions(doc);
    const srcs = scriptsOf(list[1], esc);
    assert.equal(srcs.length, 1);
    assert.equal(srcs[0].kind, 'heredoc');
    assert.equal(srcs[0].text, 'apt-get update\napt-get install -y curl\n');
    assert.equal(commandForm(list[1], esc), 'heredoc');
    const cmds = parseShell(srcs[0]).commands;
    assert.deepEqual(
      cmds.map((c) => c.words[0].value),
      ['apt-get', 'apt-get'],
    );
    assert.deepEqual(srcs[0].toDocument(cmds[1].words[2].start), { line: 3, character: 16 });
    assertWordsMapBack(doc, srcs[0]);
    assert.deepEqual(
      scriptsOf(list[2], esc).map((s) => s.text),
      ['echo after'],
    );
  });

  it('handles <<-, quoted delimiters, flags and CRLF', () => {
    const doc = 'RUN --mount=type=cache,target=/x <<-"END"\r\n\techo a\r\n\tEND\r\n';
    const [s] = scripts(doc);
    assert.equal(s.kind, 'heredoc');
    assert.equal(s.text, '\techo a\n');
    assertWordsMapBack(doc, s);
  });

  it('keeps `python3 <<EOF` as the shell script, the body is not shell', () => {
    const doc = 'RUN python3 <<EOF\nimport os; print(1)\nEOF';
    const srcs = scripts(doc);
    assert.equal(srcs.length, 1);
    assert.equal(srcs[0].kind, 'shell');
    assert.equal(srcs[0].text, 'python3 <<EOF\nimport os; print(1)\nEOF');
    const script = parseShell(srcs[0]);
    assert.deepEqual(
      script.commands.map((c) => c.words.map((w) => w.value)),
      [['python3']],
    );
    assert.deepEqual(script.errors, []);
    const body = script.commands[0].redirects[0].heredoc!;
    assert.deepEqual(srcs[0].toDocument(body.start), { line: 1, character: 0 });
  });

  it('adds the body as a script when a shell reads it from stdin', () => {
    const doc = 'RUN <<EOF bash -ex\nset -o pipefail\ncurl x | sh\nEOF';
    const srcs = scripts(doc);
    assert.deepEqual(
      srcs.map((s) => [s.kind, s.interpreter, s.text]),
      [
        ['shell', undefined, '<<EOF bash -ex\nset -o pipefail\ncurl x | sh\nEOF'],
        ['heredoc', 'bash', 'set -o pipefail\ncurl x | sh\n'],
      ],
    );
    assertWordsMapBack(doc, srcs[1]);
    // `bash -c …` does not read stdin as its script.
    assert.equal(scripts('RUN <<EOF bash -c "echo hi"\nx\nEOF').length, 1);
  });

  it('handles several heredocs on one line', () => {
    const doc = 'RUN <<A cat > /a && <<B sh\nfile a\nA\necho b\nB\n';
    const srcs = scripts(doc);
    assert.equal(srcs[0].text, '<<A cat > /a && <<B sh\nfile a\nA\necho b\nB');
    assert.deepEqual(
      parseShell(srcs[0]).commands.map((c) => c.words[0].value),
      ['cat', 'sh'],
    );
    assert.deepEqual(
      srcs.slice(1).map((s) => [s.interpreter, s.text]),
      [['sh', 'echo b\n']],
    );
    assert.deepEqual(srcs[1].toDocument(0), { line: 3, character: 0 });
  });

  it('follows a shebang: shells are scripts, other interpreters are not', () => {
    assert.deepEqual(scripts('RUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF'), []);
    const [s] = scripts('RUN <<EOF\n#!/bin/bash\necho hi\nEOF');
    assert.equal(s.interpreter, 'bash');
    assert.equal(s.text, '#!/bin/bash\necho hi\n');
  });

  it('ignores heredocs in ONBUILD and in CMD', () => {
    assert.equal(scripts('CMD cat <<EOF').length, 1);
    assert.equal(scripts('CMD cat <<EOF')[0].text, 'cat <<EOF');
    assert.deepEqual(
      scripts('ONBUILD RUN cat <<EOF\nbody\nEOF').map((s) => s.text),
      ['cat <<EOF'],
    );
  });
});

describe('isPosixShell / shellName', () => {
  it('recognises POSIX and non-POSIX shells', () => {
    assert.equal(isPosixShell(undefined), true);
    assert.equal(isPosixShell(['/bin/bash', '-o', 'pipefail', '-c']), true);
    assert.equal(isPosixShell(['/usr/bin/env', 'zsh', '-c']), true);
    assert.equal(isPosixShell(['/bin/busybox', 'sh', '-c']), true);
    assert.equal(isPosixShell(['powershell', '-command']), false);
    assert.equal(isPosixShell(['pwsh', '-c']), false);
    assert.equal(isPosixShell(['cmd', '/S', '/C']), false);
    assert.equal(isPosixShell(['C:\\Windows\\System32\\cmd.exe', '/c']), false);
    assert.equal(isPosixShell(['powershell.exe']), false);
    assert.equal(isPosixShell(['/usr/bin/fish', '-c']), false);
    assert.equal(shellName(['/usr/bin/env', '-S', 'bash', '-c']), 'bash');
    assert.equal(shellName(['PowerShell.EXE']), 'powershell');
  });
});

describe('textSource / documentRange', () => {
  it('maps offsets of plain text with an origin', () => {
    const s = textSource('ab\ncd', 'shell', { line: 2, character: 5 });
    assert.deepEqual(s.toDocument(1), { line: 2, character: 6 });
    assert.deepEqual(s.toDocument(3), { line: 3, character: 0 });
    assert.deepEqual(s.toDocument(5), { line: 3, character: 2 });
    assert.deepEqual(documentRange(s, 3, 5), { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } });
    assert.deepEqual(textSource('').toDocument(0), { line: 0, character: 0 });
  });
});
