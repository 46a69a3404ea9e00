/**
 * The snippets the extension contributes (snippets/dockerfile.json for `dockerfile`,
 * snippets/compose.json for `dockercompose`). Every snippet is expanded the way VS Code
 * would insert it with its defaults (and once per alternative of each choice), then:
 *  - Dockerfile skeletons must lint with lintDockerfile with no error or warning, with and
 *    without a build context; building blocks are linted inside a minimal stage around them;
 *  - compose snippets must parse as YAML and have the structure the project wants
 *    (healthcheck with the image's own probe, named volume declared, ports on 127.0.0.1,
 *    the PostgreSQL 18 data path, secrets from `${VAR:?}`).
 * The JSON files are read at run time from the repository's `snippets/` folder.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument, isMap, isSeq, type Document } from 'yaml';
import { lintDockerfile } from '../../src/dockerfile/lint';
import type { Finding } from '../../src/dockerfile/types';
import { fakeWorkspace } from './helpers';

// ---------------------------------------------------------------- a VS Code snippet expander

type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly children: SnippetNode[]; readonly choices?: string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly children?: SnippetNode[] };

/** Values for VS Code's snippet variables, as they would be in a fresh editor on `fileName`. */
function variableValues(fileName: string): Record<string, string> {
  const dot = fileName.lastIndexOf('.');
  return {
    TM_SELECTED_TEXT: '',
    TM_CURRENT_LINE: '',
    TM_CURRENT_WORD: '',
    TM_LINE_INDEX: '0',
    TM_LINE_NUMBER: '1',
    TM_FILENAME: fileName,
    TM_FILENAME_BASE: dot > 0 ? fileName.slice(0, dot) : fileName,
    TM_DIRECTORY: '/home/dev/shop',
    TM_FILEPATH: `/home/dev/shop/${fileName}`,
    RELATIVE_FILEPATH: fileName,
    CLIPBOARD: '',
    WORKSPACE_NAME: 'shop',
    WORKSPACE_FOLDER: '/home/dev/shop',
    CURSOR_INDEX: '0',
    CURSOR_NUMBER: '1',
    CURRENT_YEAR: '2026',
    CURRENT_YEAR_SHORT: '26',
    CURRENT_MONTH: '11',
    CURRENT_MONTH_NAME: 'November',
    CURRENT_MONTH_NAME_SHORT: 'Nov',
    CURRENT_DATE: '23',
    CURRENT_DAY_NAME: 'Monday',
    CURRENT_DAY_NAME_SHORT: 'Mon',
    CURRENT_HOUR: '14',
    CURRENT_MINUTE: '30',
    CURRENT_SECOND: '00',
    CURRENT_SECONDS_UNIX: '1795444200',
    CURRENT_TIMEZONE_OFFSET: '+00:00',
    RANDOM: '482913',
    RANDOM_HEX: 'a3f9c1',
    UUID: '3b241101-e2bb-4255-8caf-4136c566a962',
    BLOCK_COMMENT_START: '',
    BLOCK_COMMENT_END: '',
    LINE_COMMENT: '#',
  };
}
const KNOWN_VARIABLES = new Set(Object.keys(variableValues('x')));

/**
 * Parses VS Code snippet syntax (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_snippet-syntax).
 * Strict where VS Code is lenient, to catch authoring mistakes: a `$` that is not snippet
 * syntax must be escaped (`\$`), variables must be ones VS Code knows (an unknown `$TARGETARCH`
 * would be inserted as the placeholder text "TARGETARCH"), and transforms are not supported.
 */
class SnippetParser {
  private pos = 0;
  constructor(private readonly src: string) {}

  static parse(src: string): SnippetNode[] {
    const p = new SnippetParser(src);
    const nodes = p.sequence(false);
    return nodes;
  }

  private fail(msg: string): never {
    const line = this.src.slice(0, this.pos).split('\n').length;
    const col = this.pos - this.src.lastIndexOf('\n', this.pos - 1);
    throw new Error(`${msg} at ${line}:${col}: ${JSON.stringify(this.src.slice(Math.max(0, this.pos - 20), this.pos + 20))}`);
  }

  /** Text and placeholders up to the end, or up to an unescaped `}` (not consumed) inside a placeholder. */
  private sequence(inPlaceholder: boolean): SnippetNode[] {
    const out: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === '$' || n === '}' || n === '\\') {
          text += n;
          this.pos += 2;
        } else {
          text += c;
          this.pos++;
        }
        continue;
      }
      if (c === '}' && inPlaceholder) {
        flush();
        return out;
      }
      if (c === '$') {
        flush();
        out.push(this.dollar());
        continue;
      }
      text += c;
      this.pos++;
    }
    if (inPlaceholder) this.fail('unterminated placeholder');
    flush();
    return out;
  }

  private readWhile(re: RegExp): string {
    const start = this.pos;
    while (this.pos < this.src.length && re.test(this.src[this.pos])) this.pos++;
    return this.src.slice(start, this.pos);
  }

  private dollar(): SnippetNode {
    this.pos++; // $
    const c = this.src[this.pos] ?? '';
    if (/[0-9]/.test(c)) return { kind: 'tabstop', index: Number(this.readWhile(/[0-9]/)), children: [] };
    if (/[_a-zA-Z]/.test(c)) return this.variable(this.readWhile(/[_a-zA-Z0-9]/), undefined);
    if (c !== '{') this.fail('unescaped "$" (write \\$ for a literal dollar)');
    this.pos++; // {
    const d = this.src[this.pos] ?? '';
    if (/[0-9]/.test(d)) {
      const index = Number(this.readWhile(/[0-9]/));
      const k = this.src[this.pos];
      if (k === '}') {
        this.pos++;
        return { kind: 'tabstop', index, children: [] };
      }
      if (k === ':') {
        this.pos++;
        const children = this.sequence(true);
        this.pos++; // }
        return { kind: 'tabstop', index, children };
      }
      if (k === '|') {
        this.pos++;
        return { kind: 'tabstop', index, children: [], choices: this.choices() };
      }
      if (k === '/') this.fail('transforms are not supported');
      this.fail('malformed tab stop');
    }
    if (/[_a-zA-Z]/.test(d)) {
      const name = this.readWhile(/[_a-zA-Z0-9]/);
      const k = this.src[this.pos];
      if (k === '}') {
        this.pos++;
        return this.variable(name, undefined);
      }
      if (k === ':') {
        this.pos++;
        const children = this.sequence(true);
        this.pos++; // }
        return this.variable(name, children);
      }
      if (k === '/') this.fail('transforms are not supported');
      this.fail('malformed variable');
    }
    return this.fail('unescaped "${" (write \\${ for a literal one)');
  }

  private variable(name: string, children: SnippetNode[] | undefined): SnippetNode {
    if (!KNOWN_VARIABLES.has(name)) {
      this.pos -= name.length;
      this.fail(`unknown variable "${name}" (VS Code would insert the placeholder text "${name}"; escape the dollar)`);
    }
    return children ? { kind: 'variable', name, children } : { kind: 'variable', name };
  }

  /** `a,b,c|}` after `${1|`: choices separated by commas; `\,` `\|` `\\` `\$` `\}` escape. */
  private choices(): string[] {
    const out: string[] = [];
    let cur = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && /[,|\\$}]/.test(this.src[this.pos + 1] ?? '')) {
        cur += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === ',') {
        out.push(cur);
        cur = '';
        this.pos++;
        continue;
      }
      if (c === '|' && this.src[this.pos + 1] === '}') {
        out.push(cur);
        this.pos += 2;
        return out;
      }
      cur += c;
      this.pos++;
    }
    return this.fail('unterminated choice');
  }
}

interface Expansion {
  /** The text VS Code inserts when every placeholder keeps its default (and the given choices are picked). */
  readonly text: string;
  /** e.g. "default" or "$3=scratch". */
  readonly label: string;
}

function walk(nodes: readonly SnippetNode[], visit: (n: SnippetNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if (n.kind !== 'text' && n.children) walk(n.children, visit);
  }
}

/** Expands a parsed snippet: `${1:x}` → x (and every `$1` mirrors it), `${1|a,b|}` → a (or `picks[1]`), `$0` → ''. */
function render(nodes: readonly SnippetNode[], vars: Record<string, string>, picks: ReadonlyMap<number, number> = new Map()): string {
  // A tab stop's value comes from its first occurrence that has a default or choices.
  const defs = new Map<number, SnippetNode & { kind: 'tabstop' }>();
  walk(nodes, (n) => {
    if (n.kind === 'tabstop' && !defs.has(n.index) && (n.children.length || n.choices)) defs.set(n.index, n);
  });
  const active = new Set<number>();
  const out = (ns: readonly SnippetNode[]): string =>
    ns
      .map((n) => {
        if (n.kind === 'text') return n.value;
        if (n.kind === 'variable') {
          const v = vars[n.name] ?? '';
          return v === '' && n.children ? out(n.children) : v;
        }
        const def = defs.get(n.index);
        if (!def || n.index === 0) return '';
        if (def.choices) return def.choices[picks.get(n.index) ?? 0];
        assert.ok(!active.has(n.index), `tab stop $${n.index} contains itself`);
        active.add(n.index);
        const s = out(def.children);
        active.delete(n.index);
        return s;
      })
      .join('');
  return out(nodes);
}

/** The default expansion, plus one per alternative of each choice (the other tab stops at their defaults). */
function expansions(body: string, fileName: string): Expansion[] {
  const nodes = SnippetParser.parse(body);
  const vars = variableValues(fileName);
  const result: Expansion[] = [{ text: render(nodes, vars), label: 'default' }];
  const choices = new Map<number, string[]>();
  walk(nodes, (n) => {
    if (n.kind === 'tabstop' && n.choices && !choices.has(n.index)) choices.set(n.index, n.choices);
  });
  for (const [index, options] of choices) {
    for (let k = 1; k < options.length; k++) result.push({ text: render(nodes, vars, new Map([[index, k]])), label: `$${index}=${options[k]}` });
  }
  return result;
}

function tabStops(body: string): number[] {
  const seen = new Set<number>();
  walk(SnippetParser.parse(body), (n) => {
    if (n.kind === 'tabstop') seen.add(n.index);
  });
  return [...seen].sort((a, b) => a - b);
}

describe('snippet expander', () => {
  const x = (body: string, fileName = 'Dockerfile'): string => expansions(body, fileName)[0].text;
  it('expands placeholders, mirrors, choices, nesting, escapes and variables', () => {
    assert.equal(x('FROM ${1:python}:${2:3.13}-slim'), 'FROM python:3.13-slim');
    assert.equal(x('${1:app} and $1 and ${1}'), 'app and app and app');
    assert.equal(x('$1 then ${1:late}'), 'late then late');
    assert.equal(x('image: ${1|postgres:18,postgres:17|}'), 'image: postgres:18');
    assert.deepEqual(
      expansions('${1|a,b\\,c|} ${2|x,y|}', 'f').map((e) => e.text),
      ['a x', 'b,c x', 'a y'],
    );
    assert.equal(x('${1:outer ${2:inner} $2}'), 'outer inner inner');
    assert.equal(x('ENV PATH="/opt/venv/bin:\\$PATH" \\\\ \\}'), 'ENV PATH="/opt/venv/bin:$PATH" \\ }');
    assert.equal(x('RUN a \\\n    b$0'), 'RUN a \\\n    b');
    assert.equal(x('${2:{\\}}'), '{}');
    assert.equal(x('# $TM_FILENAME ${TM_SELECTED_TEXT:none} ${WORKSPACE_NAME}', 'compose.yaml'), '# compose.yaml none shop');
  });
  it('rejects what VS Code would insert differently from what the author meant', () => {
    assert.throws(() => x('ARG TARGETARCH\nRUN echo $TARGETARCH'), /unknown variable "TARGETARCH"/);
    assert.throws(() => x('CMD exec "$@"'), /unescaped "\$"/);
    assert.throws(() => x('${1:app'), /unterminated placeholder/);
    assert.throws(() => x('${1/a/b/}'), /transforms/);
  });
});

// ---------------------------------------------------------------- the snippet files

interface Snippet {
  readonly prefix: string;
  readonly body: string | string[];
  readonly description: string;
}

const repoRoot = resolve(__dirname, '..', '..', '..');

function loadSnippets(file: string): Record<string, Snippet> {
  const raw = readFileSync(resolve(repoRoot, 'snippets', file), 'utf8');
  const parsed = JSON.parse(raw) as Record<string, Snippet>;
  // JSON.parse keeps the last of two equal keys: count the top-level keys in the text.
  const keys = [...raw.matchAll(/^ {2}"((?:[^"\\]|\\.)*)"\s*:/gm)].map((m) => JSON.parse(`"${m[1]}"`) as string);
  assert.deepEqual(keys, Object.keys(parsed), `${file}: duplicate or unexpected top-level keys`);
  return parsed;
}

const bodyText = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

const dockerfileSnippets = loadSnippets('dockerfile.json');
const composeSnippets = loadSnippets('compose.json');

describe('snippet files', () => {
  it('are contributed in package.json for the dockerfile and dockercompose languages', () => {
    const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { contributes: { snippets?: { language: string; path: string }[] } };
    assert.deepEqual(pkg.contributes.snippets, [
      { language: 'dockerfile', path: './snippets/dockerfile.json' },
      { language: 'dockercompose', path: './snippets/compose.json' },
    ]);
  });

  const all: [string, string, Snippet][] = [
    ...Object.entries(dockerfileSnippets).map(([k, s]): [string, string, Snippet] => ['dockerfile.json', k, s]),
    ...Object.entries(composeSnippets).map(([k, s]): [string, string, Snippet] => ['compose.json', k, s]),
  ];

  it('has every snippet with a prefix, a body and a description', () => {
    assert.ok(Object.keys(dockerfileSnippets).length >= 20, 'expected the Dockerfile skeletons and building blocks');
    assert.ok(Object.keys(composeSnippets).length >= 10, 'expected the compose services and files');
    for (const [file, key, s] of all) {
      assert.equal(typeof s.prefix, 'string', `${file} ${key}: prefix`);
      assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string')), `${file} ${key}: body`);
      assert.ok(bodyText(s).trim().length > 0, `${file} ${key}: empty body`);
      assert.equal(typeof s.description, 'string', `${file} ${key}: description`);
      assert.ok(s.description.length >= 20 && !s.description.endsWith('.'), `${file} ${key}: description should be a phrase without a final period`);
      assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${file} ${key}: unexpected fields`);
    }
  });

  it('uses one prefix scheme: df-<name> for Dockerfiles, compose-<name> for compose, all unique', () => {
    const seen = new Map<string, string>();
    for (const [file, key, s] of all) {
      const re = file === 'dockerfile.json' ? /^df-[a-z0-9]+(-[a-z0-9]+)*$/ : /^compose-[a-z0-9]+(-[a-z0-9]+)*$/;
      assert.match(s.prefix, re, `${file} ${key}`);
      assert.ok(!seen.has(s.prefix), `prefix ${s.prefix} used by ${seen.get(s.prefix)} and ${key}`);
      seen.set(s.prefix, key);
    }
  });

  it('parses as snippet syntax (every literal $ escaped, only known variables) with tab stops numbered from 1 without gaps', () => {
    for (const [file, key, s] of all) {
      let stops: number[] = [];
      assert.doesNotThrow(() => (stops = tabStops(bodyText(s))), `${file} ${key}`);
      const numbered = stops.filter((n) => n > 0);
      assert.deepEqual(numbered, numbered.map((_, i) => i + 1), `${file} ${key}: tab stops ${numbered.join(',')}`);
    }
  });

  it('has no tabs or trailing spaces in the bodies', () => {
    for (const [file, key, s] of all) {
      const lines = Array.isArray(s.body) ? s.body : s.body.split('\n');
      for (const [i, l] of lines.entries()) {
        assert.ok(!l.includes('\t'), `${file} ${key} line ${i + 1}: tab`);
        assert.ok(!/\s$/.test(l), `${file} ${key} line ${i + 1}: trailing whitespace`);
      }
    }
  });

  it('pins every image to a tag that is not latest', () => {
    const images = /(?:^FROM\s+(?:--platform=\S+\s+)?(\S+)|--from=(\S+)|^\s*image:\s*(.+)$)/gm;
    let count = 0;
    for (const [file, key, s] of all) {
      for (const e of expansions(bodyText(s), file === 'dockerfile.json' ? 'Dockerfile' : 'compose.yaml')) {
        for (const m of e.text.matchAll(images)) {
          const ref = (m[1] ?? m[2] ?? m[3]).trim().replace(/^["']|["']$/g, '');
          if (/^[a-z][a-z0-9_.-]*$/.test(ref)) continue; // a stage name (FROM build, COPY --from=deps)
          // Variables (ARG PYTHON_VERSION, compose ${TAG:?…}) count as a tag.
          const plain = ref.replace(/\$\{[^}]*\}/g, 'X');
          assert.match(plain, /^[^\s:]+(:\d+)?(\/[^\s:]+)*:[\w][\w.-]*$/, `${key} (${e.label}): ${ref} has no tag`);
          assert.doesNotMatch(plain, /:latest$/, `${key} (${e.label}): ${ref}`);
          count++;
        }
      }
    }
    assert.ok(count > 30, `checked only ${count} image references`);
  });
});

// ---------------------------------------------------------------- Dockerfile snippets

/** `.dockerignore` that the project writes (design/scaffolding.md), plus the Next.js/Vite additions. */
const DOCKERIGNORE = [
  '# Files the build does not need: smaller context, no secrets or host artefacts in the image.',
  '**/.DS_Store', '**/__pycache__', '**/.venv', '**/.classpath', '**/.dockerignore', '**/.env', '**/.git', '**/.gitignore',
  '**/.project', '**/.settings', '**/.toolstarget', '**/.vs', '**/.vscode', '**/*.*proj.user', '**/*.dbmdl', '**/*.jfm',
  '**/bin', '**/charts', '**/docker-compose*', '**/compose.y*ml', '**/Dockerfile*', '**/node_modules', '**/npm-debug.log',
  '**/obj', '**/secrets.dev.yaml', '**/values.dev.yaml', 'LICENSE', 'README.md', '**/.next', '**/.cache', '**/build', '**/dist',
].join('\n');

/** A project of each stack, for the workspace-aware rules (DF049 copy of an ignored file, DF124, DF125). */
const STACK_FILES: Record<string, Record<string, string>> = {
  python: {
    'requirements.txt': 'fastapi==0.121.0\nuvicorn[standard]==0.38.0\ngunicorn==23.0.0\ndjango==5.2.8\n',
    'pyproject.toml': '[project]\nname = "shop"\nversion = "0.1.0"\nrequires-python = ">=3.13"\ndependencies = ["fastapi", "uvicorn"]\n',
    'uv.lock': 'version = 1\n',
    'app/__init__.py': '',
    'app/main.py': 'from fastapi import FastAPI\napp = FastAPI()\n',
    'manage.py': '#!/usr/bin/env python\n',
    'mysite/settings.py': 'STATIC_ROOT = BASE_DIR / "staticfiles"\n',
    'mysite/wsgi.py': 'application = None\n',
  },
  node: {
    'package.json': '{"name":"shop","scripts":{"build":"tsc","start":"node dist/index.js"},"dependencies":{"express":"^5.1.0","next":"^16.0.0"},"devDependencies":{"typescript":"^5.9.3"}}',
    'package-lock.json': '{"lockfileVersion":3}',
    'src/index.js': '',
    'src/index.ts': '',
    'public/favicon.ico': '',
    'next.config.mjs': "export default { output: 'standalone' };\n",
  },
  go: {
    'go.mod': 'module example.com/shop\n\ngo 1.27\n',
    'go.sum': '',
    'main.go': 'package main\n\nfunc main() {}\n',
  },
  maven: {
    mvnw: '#!/bin/sh\n',
    '.mvn/wrapper/maven-wrapper.properties': '',
    'pom.xml': '<project/>\n',
    'src/main/java/com/example/shop/ShopApplication.java': '',
  },
  gradle: {
    gradlew: '#!/bin/sh\n',
    'gradle/wrapper/gradle-wrapper.properties': '',
    'build.gradle.kts': 'plugins { id("org.springframework.boot") version "3.5.7" }\n',
    'settings.gradle.kts': 'rootProject.name = "shop"\n',
    'src/main/java/com/example/shop/ShopApplication.java': '',
  },
};

/** The stack's project for a snippet, by its prefix (df-spring-maven → maven…). */
function contextFor(prefix: string): Record<string, string> {
  const stack = /maven/.test(prefix)
    ? 'maven'
    : /gradle|java/.test(prefix)
      ? 'gradle'
      : /go\b/.test(prefix)
        ? 'go'
        : /express|next|node|npm|wget/.test(prefix)
          ? 'node'
          : 'python';
  const files: Record<string, string> = { '/ctx/.dockerignore': DOCKERIGNORE };
  for (const [k, v] of Object.entries(STACK_FILES[stack])) files[`/ctx/${k}`] = v;
  return files;
}

/**
 * Building blocks are linted inside a stage like the one they are meant for. Every snippet
 * that is not a full skeleton must have an entry here, so new blocks get a context too.
 */
const BLOCK_CONTEXT: Record<string, (block: string) => string> = {
  'df-syntax': (b) => `${b}\nFROM python:3.13-slim\nUSER 10001:10001\nCMD ["python", "-m", "http.server"]\n`,
  'df-cache-apt': (b) => `# syntax=docker/dockerfile:1\nFROM debian:trixie-slim\n${b}\nUSER 10001:10001\n`,
  'df-cache-pip': (b) => `# syntax=docker/dockerfile:1\nFROM python:3.13-slim\nWORKDIR /app\n${b}\nUSER 10001:10001\n`,
  'df-cache-uv': (b) =>
    `# syntax=docker/dockerfile:1\nFROM python:3.13-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.11 /uv /uvx /bin/\nWORKDIR /app\n${b}\nUSER 10001:10001\n`,
  'df-cache-npm': (b) => `# syntax=docker/dockerfile:1\nFROM node:24-alpine\nWORKDIR /app\n${b}\nUSER 1000:1000\n`,
  'df-cache-go': (b) =>
    `# syntax=docker/dockerfile:1\nFROM golang:1.27 AS build\nWORKDIR /src\n${b}\n\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY --from=build /bin/server /server\nENTRYPOINT ["/server"]\n`,
  'df-user': (b) => `# syntax=docker/dockerfile:1\nFROM python:3.13-slim\nWORKDIR /app\n${b}\nCMD ["python", "-m", "http.server"]\n`,
  'df-user-alpine': (b) => `# syntax=docker/dockerfile:1\nFROM python:3.13-alpine\nWORKDIR /app\n${b}\nCMD ["python", "-m", "http.server"]\n`,
  'df-healthcheck-python': (b) => `# syntax=docker/dockerfile:1\nFROM python:3.13-slim\nUSER 10001:10001\n${b}\nCMD ["python", "-m", "http.server", "8000"]\n`,
  'df-healthcheck-node': (b) => `# syntax=docker/dockerfile:1\nFROM node:24-slim\nUSER 1000:1000\n${b}\nCMD ["node", "server.js"]\n`,
  'df-healthcheck-java': (b) => `# syntax=docker/dockerfile:1\nFROM eclipse-temurin:21-jre\nUSER 10001:10001\n${b}\nENTRYPOINT ["java", "-jar", "/app/app.jar"]\n`,
  'df-healthcheck-go': (b) =>
    `# syntax=docker/dockerfile:1\nFROM gcr.io/distroless/static-debian13:nonroot\nCOPY server /server\n${b}\nENTRYPOINT ["/server"]\n`,
  'df-healthcheck-wget': (b) => `# syntax=docker/dockerfile:1\nFROM node:24-alpine\nUSER 1000:1000\n${b}\nCMD ["node", "server.js"]\n`,
  'df-entrypoint': (b) => `# syntax=docker/dockerfile:1\nFROM python:3.13-slim\nWORKDIR /app\nUSER 10001:10001\n${b}\n`,
};

/**
 * Info findings a snippet may keep, with the reason. Nothing else below error/warning is
 * allowed either: a new info finding fails the test until it is fixed or justified here.
 */
const ALLOWED_INFO: Record<string, Record<string, string>> = {
  // DF098 (os-package-unpinned, info): the block installs a placeholder package list; Debian
  // package versions change with every point release, so pinning in a snippet would break builds.
  'df-cache-apt': { DF098: 'the placeholder package cannot be pinned meaningfully' },
};

const SKELETONS = Object.entries(dockerfileSnippets).filter(([, s]) => !(s.prefix in BLOCK_CONTEXT));
const BLOCKS = Object.entries(dockerfileSnippets).filter(([, s]) => s.prefix in BLOCK_CONTEXT);

function describeFindings(fs: readonly Finding[]): string {
  return fs.map((f) => `  ${f.severity} ${f.code} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n');
}

function assertLintsClean(prefix: string, label: string, text: string): void {
  const allowed = ALLOWED_INFO[prefix] ?? {};
  const used = new Set<string>();
  for (const workspace of [undefined, fakeWorkspace(contextFor(prefix), '/ctx')]) {
    // DF050 is off by default (BuildKit's experimental InvalidDefinitionDescription): the
    // snippets follow it anyway, so users who turn every check on get no noise from them.
    const r = lintDockerfile(text, { filePath: '/ctx/Dockerfile', workspace, config: { severities: { DF050: 'warning' } } });
    const where = `${prefix} (${label}, ${workspace ? 'with' : 'without'} a build context)`;
    assert.deepEqual(r.errors, [], `${where}: linter errors`);
    const bad = r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning' || (f.severity === 'info' && !(f.code in allowed)));
    assert.equal(bad.length, 0, `${where} has findings:\n${describeFindings(bad)}\n--- expanded text ---\n${text}`);
    for (const f of r.findings) used.add(f.code);
  }
  for (const code of Object.keys(allowed)) assert.ok(used.has(code), `${prefix}: ALLOWED_INFO lists ${code}, which no longer fires: remove it`);
}

describe('Dockerfile skeletons', () => {
  it('exist for every stack the project supports', () => {
    const prefixes = SKELETONS.map(([, s]) => s.prefix);
    for (const p of ['df-fastapi', 'df-fastapi-uv', 'df-django', 'df-express', 'df-nextjs', 'df-go', 'df-spring-maven', 'df-spring-gradle'])
      assert.ok(prefixes.includes(p), `missing ${p}`);
  });
  for (const [key, s] of SKELETONS) {
    describe(s.prefix, () => {
      const all = expansions(bodyText(s), 'Dockerfile');
      for (const e of all) {
        it(`lints with no error, warning or unjustified info (${e.label})`, () => {
          assertLintsClean(s.prefix, e.label, e.text);
        });
      }
      it('is a complete multi-stage Dockerfile: syntax header, pinned stages, cache mounts, non-root final stage', () => {
        const text = all[0].text;
        assert.ok(text.startsWith('# syntax=docker/dockerfile:1\n'), `${key}: first line must be the syntax directive`);
        const froms = [...text.matchAll(/^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/gm)];
        assert.ok(froms.length >= 2, `${key}: expected a build stage and a final stage`);
        assert.equal(froms[froms.length - 1][2], 'final', `${key}: the last stage is named "final" (compose uses build.target: final)`);
        assert.match(text, /--mount=type=cache,/, `${key}: expected a BuildKit cache mount`);
        const finalStage = text.slice(froms[froms.length - 1].index);
        const users = [...finalStage.matchAll(/^USER\s+(\S+)/gm)];
        assert.ok(users.length > 0, `${key}: the final stage sets USER`);
        assert.match(users[users.length - 1][1], /^[1-9]\d*(:[1-9]\d*)?$/, `${key}: the final USER is a numeric non-root UID`);
        assert.match(finalStage, /^EXPOSE \d+$/m, `${key}: the final stage documents its port`);
        if (/distroless|scratch/.test(froms[froms.length - 1][1])) {
          // No shell, curl or wget there: the skeleton says how to probe instead of shipping a check that cannot run.
          assert.doesNotMatch(finalStage, /^HEALTHCHECK/m, `${key}`);
          assert.match(finalStage, /# .*HEALTHCHECK/, `${key}: explain the missing HEALTHCHECK`);
        } else {
          assert.match(finalStage, /^HEALTHCHECK /m, `${key}: the final stage has a HEALTHCHECK`);
          const hc = /^HEALTHCHECK(?:[^\n]*\\\n)*[^\n]*/m.exec(finalStage)![0];
          if (/-(slim|alpine)\b/.test(froms[froms.length - 1][1])) assert.doesNotMatch(hc, /\b(curl)\b/, `${key}: slim and alpine images have no curl`);
        }
        assert.match(finalStage, /^(CMD|ENTRYPOINT) \[/m, `${key}: exec-form start command`);
      });
    });
  }

  it('use the start commands the project generates', () => {
    const t = (p: string): string => expansions(bodyText(Object.values(dockerfileSnippets).find((s) => s.prefix === p)!), 'Dockerfile')[0].text;
    assert.match(t('df-fastapi'), /CMD \["uvicorn", "app\.main:app", "--host", "0\.0\.0\.0", "--port", "8000"\]/);
    assert.match(t('df-fastapi-uv'), /uv sync --frozen/);
    assert.match(t('df-django'), /collectstatic --noinput/);
    assert.match(t('df-django'), /CMD \["gunicorn", "mysite\.wsgi:application", "--bind", "0\.0\.0\.0:8000"/);
    assert.match(t('df-express'), /npm ci --omit=dev/);
    assert.match(t('df-nextjs'), /\.next\/standalone/);
    assert.match(t('df-nextjs'), /HOSTNAME=0\.0\.0\.0/);
    assert.match(t('df-go'), /CGO_ENABLED=0/);
    assert.match(t('df-spring-maven'), /-Djarmode=tools/);
    assert.match(t('df-spring-gradle'), /-Djarmode=tools/);
  });
});

describe('Dockerfile building blocks', () => {
  for (const [, s] of BLOCKS) {
    for (const e of expansions(bodyText(s), 'Dockerfile')) {
      it(`${s.prefix} lints inside a minimal stage (${e.label})`, () => {
        assert.doesNotMatch(e.text, /^FROM /m, `${s.prefix}: a building block has no FROM of its own`);
        assertLintsClean(s.prefix, e.label, BLOCK_CONTEXT[s.prefix](e.text));
      });
    }
  }
  it('cover cache mounts for apt, pip, npm and go, a healthcheck per runtime, a non-root user and an exec entrypoint', () => {
    const byPrefix = new Map(Object.values(dockerfileSnippets).map((s) => [s.prefix, expansions(bodyText(s), 'Dockerfile')[0].text]));
    for (const [p, target] of [
      ['df-cache-apt', '/var/cache/apt'],
      ['df-cache-pip', '/root/.cache/pip'],
      ['df-cache-npm', '/root/.npm'],
      ['df-cache-go', '/go/pkg/mod'],
    ]) {
      assert.match(byPrefix.get(p) ?? '', new RegExp(`--mount=type=cache,target=${target.replace(/[.]/g, '\\.')}`), p);
    }
    for (const p of ['df-healthcheck-python', 'df-healthcheck-node', 'df-healthcheck-java', 'df-healthcheck-go', 'df-healthcheck-wget'])
      assert.match(byPrefix.get(p) ?? '', /^HEALTHCHECK .*\n?\s*CMD \[/m, p);
    assert.match(byPrefix.get('df-entrypoint') ?? '', /^exec "\$@"$/m);
    assert.match(byPrefix.get('df-user') ?? '', /^USER 10001:10001$/m);
    assert.match(byPrefix.get('df-syntax') ?? '', /^# syntax=docker\/dockerfile:1$/m);
  });
  it('every building block has a lint context and every context a block', () => {
    const prefixes = new Set(Object.values(dockerfileSnippets).map((s) => s.prefix));
    for (const p of Object.keys(BLOCK_CONTEXT)) assert.ok(prefixes.has(p), `BLOCK_CONTEXT has ${p}, which is no snippet`);
  });
});

// ---------------------------------------------------------------- compose snippets

/** Compose's `!reset` / `!override` merge tags (Compose 2.24.4+), so they parse without warnings. */
const COMPOSE_TAGS = ['!reset', '!override'].flatMap((tag) => [
  { tag, collection: 'seq' as const, resolve: (v: unknown) => v },
  { tag, collection: 'map' as const, resolve: (v: unknown) => v },
  { tag, resolve: (v: string) => v },
]);

function parseYaml(text: string, where: string): Document.Parsed {
  const doc = parseDocument(text, { customTags: COMPOSE_TAGS, uniqueKeys: true, prettyErrors: true });
  assert.deepEqual(doc.errors.map((e) => e.message), [], `${where}: YAML errors\n${text}`);
  assert.deepEqual(doc.warnings.map((e) => e.message), [], `${where}: YAML warnings\n${text}`);
  return doc;
}

type Json = null | string | number | boolean | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };
const obj = (v: Json | undefined): Obj => {
  assert.ok(v !== null && typeof v === 'object' && !Array.isArray(v), `expected a mapping, got ${JSON.stringify(v)}`);
  return v;
};

/** The service snippets' fixed facts (design/scaffolding.md §6: image, probe, data path). */
const SERVICES: Record<string, { image: RegExp; probe: RegExp; dataPath: string; ports: number[]; env: RegExp }> = {
  'compose-postgres': { image: /^postgres:18$/, probe: /^pg_isready\b/, dataPath: '/var/lib/postgresql', ports: [5432], env: /^POSTGRES_PASSWORD$/ },
  'compose-mysql': { image: /^mysql:8\.4$/, probe: /^mysqladmin ping\b/, dataPath: '/var/lib/mysql', ports: [3306], env: /^MYSQL_(ROOT_)?PASSWORD$/ },
  'compose-mariadb': { image: /^mariadb:11$/, probe: /^healthcheck\.sh --connect --innodb_initialized$/, dataPath: '/var/lib/mysql', ports: [3306], env: /^MARIADB_(ROOT_)?PASSWORD$/ },
  'compose-mongo': { image: /^mongo:8$/, probe: /^mongosh --quiet --eval db\.adminCommand\('ping'\)$/, dataPath: '/data/db', ports: [27017], env: /^MONGO_INITDB_ROOT_PASSWORD$/ },
  'compose-redis': { image: /^redis:7-alpine$/, probe: /^redis-cli ping$/, dataPath: '/data', ports: [6379], env: /^$/ },
  'compose-rabbitmq': { image: /^rabbitmq:4-management$/, probe: /^rabbitmq-diagnostics -q ping$/, dataPath: '/var/lib/rabbitmq', ports: [5672, 15672], env: /^RABBITMQ_DEFAULT_PASS$/ },
};

const indent = (text: string, n: number): string =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(n) + l : l))
    .join('\n');

/**
 * A service snippet is inserted under `services:`; it ends with a commented top-level
 * `volumes:` declaration for the user to move. The test does the move: uncomments it.
 */
function serviceDocument(serviceText: string): string {
  const lines = serviceText.split('\n');
  const at = lines.findIndex((l) => /^# volumes:$/.test(l));
  const service = at < 0 ? lines : lines.slice(0, at);
  const decl = at < 0 ? [] : lines.slice(at).map((l) => l.replace(/^# ?/, ''));
  return `services:\n${indent(service.join('\n'), 2)}\n${decl.join('\n')}\n`;
}

function durations(hc: Obj, where: string): void {
  for (const k of ['interval', 'timeout', 'retries']) assert.ok(k in hc, `${where}: healthcheck.${k}`);
  for (const k of ['interval', 'timeout', 'start_period']) if (k in hc) assert.match(String(hc[k]), /^\d+(ms|s|m)$/, `${where}: healthcheck.${k}`);
}

/** Compose interpolation: `${VAR}`, `${VAR:-default}`, `${VAR:?error}`…, and `$$` for a literal dollar. */
function assertInterpolation(text: string, where: string): void {
  const stripped = text.replace(/^\s*#.*$/gm, '');
  for (const m of stripped.matchAll(/\$(\$|\{[^}]*\}|[A-Za-z_]\w*)?/g)) {
    const t = m[1] ?? '';
    if (t === '$') continue;
    assert.match(t, /^\{[A-Za-z_]\w*(:?[-?+][^}]*)?\}$/, `${where}: bad interpolation "${m[0]}"`);
  }
  assert.doesNotMatch(stripped.replace(/\$\$/g, ''), /\$\{\w+:\?\}/, `${where}: say what to set in the :? message`);
}

/** Named volumes used by services must be declared; ports must be published on 127.0.0.1 only. */
function assertComposeBasics(c: Obj, where: string): void {
  const declared = new Set(Object.keys(c.volumes && typeof c.volumes === 'object' ? obj(c.volumes) : {}));
  for (const [name, sv] of Object.entries(obj(c.services))) {
    const svc = sv === null ? {} : obj(sv);
    for (const v of (svc.volumes ?? []) as Json[]) {
      const source = typeof v === 'string' ? v.split(':')[0] : String(obj(v).source ?? '');
      if (source && !/^[./~$]/.test(source)) assert.ok(declared.has(source), `${where}: service ${name} uses volume ${source}, not declared at the top level`);
    }
    for (const p of (svc.ports ?? []) as Json[]) {
      assert.equal(typeof p, 'string', `${where}: ${name} port ${JSON.stringify(p)} should be a quoted "127.0.0.1:host:container" string`);
      assert.match(String(p), /^127\.0\.0\.1:(\d+|\$\{\w+:-\d+\}):\d+$/, `${where}: ${name} publishes ${String(p)} beyond localhost`);
    }
    assert.ok(!('version' in c), `${where}: obsolete version key`);
    assert.ok(!('container_name' in svc), `${where}: container_name prevents scaling and clashes between projects`);
    if (svc.environment && typeof svc.environment === 'object' && !Array.isArray(svc.environment)) {
      for (const [k, val] of Object.entries(obj(svc.environment))) {
        if (/PASS(WORD)?$|SECRET|_KEY$|TOKEN/.test(k)) assert.match(String(val), /\$\{\w+:\?[^}]+\}/, `${where}: ${name}.${k} must come from the environment/.env with \${VAR:?message}`);
      }
    }
  }
}

function snippet(prefix: string): Snippet {
  const s = Object.values(composeSnippets).find((x) => x.prefix === prefix);
  assert.ok(s, `no compose snippet ${prefix}`);
  return s;
}

describe('compose service snippets', () => {
  for (const [prefix, want] of Object.entries(SERVICES)) {
    for (const e of expansions(bodyText(snippet(prefix)), 'compose.yaml')) {
      it(`${prefix} is a valid service with its own probe, a declared named volume and local ports (${e.label})`, () => {
        assertInterpolation(e.text, prefix);
        const docText = serviceDocument(e.text);
        const c = obj(parseYaml(docText, prefix).toJS() as Json);
        assertComposeBasics(c, prefix);
        const services = Object.entries(obj(c.services));
        assert.equal(services.length, 1, `${prefix}: one service`);
        const [name, sv] = services[0];
        const svc = obj(sv);
        assert.match(name, /^[a-z][a-z0-9_-]*$/, `${prefix}: service name`);
        assert.match(String(svc.image), want.image, `${prefix}: image`);
        assert.equal(svc.restart, 'unless-stopped', `${prefix}: restart`);
        const hc = obj(svc.healthcheck);
        const test = hc.test as Json[];
        assert.ok(Array.isArray(test) && (test[0] === 'CMD' || test[0] === 'CMD-SHELL'), `${prefix}: healthcheck.test in exec form`);
        const probe = test[0] === 'CMD' ? test.slice(1).join(' ') : String(test[1]);
        assert.match(probe, want.probe, `${prefix}: probe`);
        assert.doesNotMatch(probe, /\b(curl|wget)\b/, `${prefix}: the image has no curl/wget`);
        durations(hc, prefix);
        const volumes = (svc.volumes ?? []) as string[];
        const data = volumes.filter((v) => v.split(':')[1] === want.dataPath);
        assert.equal(data.length, 1, `${prefix}: a named volume at ${want.dataPath}; got ${JSON.stringify(volumes)}`);
        assert.ok(obj(c.volumes ?? {}) && data[0].split(':')[0] in obj(c.volumes), `${prefix}: the data volume is declared`);
        if (prefix === 'compose-postgres') {
          // PostgreSQL 18 images keep PGDATA under /var/lib/postgresql/18/docker: a …/data mount makes the container exit (rules.md CM032).
          assert.ok(!volumes.some((v) => v.endsWith(':/var/lib/postgresql/data')), 'postgres 18 must not mount /var/lib/postgresql/data');
        }
        const published = ((svc.ports ?? []) as string[]).map((p) => Number(p.split(':').pop()));
        assert.deepEqual(published, want.ports, `${prefix}: ports`);
        const env = svc.environment ? obj(svc.environment) : {};
        if (want.env.source !== '^$') assert.ok(Object.keys(env).some((k) => want.env.test(k)), `${prefix}: credentials in environment`);
        assert.match(e.text, /^# volumes:\n# {3}\S+:/m, `${prefix}: ends with the top-level volume declaration to copy`);
      });
    }
  }
});

describe('compose app and file snippets', () => {
  it('compose-app builds the final stage, waits for a healthy database and has a develop.watch', () => {
    for (const e of expansions(bodyText(snippet('compose-app')), 'compose.yaml')) {
      assertInterpolation(e.text, 'compose-app');
      const db = expansions(bodyText(snippet('compose-postgres')), 'compose.yaml')[0].text;
      const full = serviceDocument(`${e.text}\n${db}`);
      const c = obj(parseYaml(full, `compose-app (${e.label})`).toJS() as Json);
      assertComposeBasics(c, `compose-app (${e.label})`);
      const services = obj(c.services);
      const [appName] = Object.keys(services);
      const app = obj(services[appName]);
      assert.equal(obj(app.build).target, 'final', 'build.target matches the skeletons\' last stage');
      assert.equal(obj(app.build).context, '.');
      const deps = obj(app.depends_on);
      for (const [dep, cond] of Object.entries(deps)) {
        assert.equal(obj(cond).condition, 'service_healthy', `depends_on ${dep}`);
        assert.ok(dep in services && 'healthcheck' in obj(services[dep]), `depends_on ${dep}: the target must exist and have a healthcheck`);
      }
      const watch = obj(app.develop).watch as Json[];
      assert.ok(Array.isArray(watch) && watch.length >= 2, 'develop.watch has a sync and a rebuild rule');
      for (const w of watch) {
        const r = obj(w);
        assert.match(String(r.action), /^(sync|sync\+restart|sync\+exec|rebuild|restart)$/);
        assert.ok(typeof r.path === 'string' && r.path.length > 0);
        if (String(r.action).startsWith('sync')) assert.ok(typeof r.target === 'string' && r.target.startsWith('/'), 'sync needs an absolute target');
      }
      assert.ok(watch.some((w) => obj(w).action === 'rebuild'), 'a rebuild rule for the dependency manifest');
    }
  });

  it('compose-file is a whole compose.yaml: app plus PostgreSQL, healthy dependency, declared volume', () => {
    for (const e of expansions(bodyText(snippet('compose-file')), 'compose.yaml')) {
      assertInterpolation(e.text, 'compose-file');
      const c = obj(parseYaml(e.text, `compose-file (${e.label})`).toJS() as Json);
      assertComposeBasics(c, 'compose-file');
      const services = obj(c.services);
      assert.ok(Object.keys(services).length >= 2);
      const db = Object.values(services).map(obj).find((s) => /^postgres:18$/.test(String(s.image)));
      assert.ok(db, 'a postgres:18 service');
      assert.ok((db.volumes as string[]).some((v) => v.endsWith(':/var/lib/postgresql')), 'postgres 18 data path');
      assert.ok(obj(db.healthcheck), 'db healthcheck');
      const app = Object.values(services).map(obj).find((s) => s.build);
      assert.ok(app && app.depends_on && app.develop, 'an app with build, depends_on and develop');
      for (const cond of Object.values(obj(app.depends_on))) assert.equal(obj(cond).condition, 'service_healthy');
    }
  });

  it('compose-dev is a development override: reload command, debug port on 127.0.0.1', () => {
    for (const e of expansions(bodyText(snippet('compose-dev')), 'compose.override.yaml')) {
      assertInterpolation(e.text, 'compose-dev');
      const c = obj(parseYaml(e.text, `compose-dev (${e.label})`).toJS() as Json);
      assertComposeBasics(c, 'compose-dev');
      const services = obj(c.services);
      const app = obj(Object.values(services)[0]);
      assert.ok(app.command, 'a development command');
      assert.ok(((app.ports ?? []) as string[]).length >= 1, 'published ports');
      assert.ok(!('image' in app) && !('build' in app && obj(app.build).context), 'an override, not a new service');
    }
  });

  it('compose-prod is a production override: no published database port, always restart, resource limits', () => {
    for (const e of expansions(bodyText(snippet('compose-prod')), 'compose.prod.yaml')) {
      assertInterpolation(e.text, 'compose-prod');
      const doc = parseYaml(e.text, `compose-prod (${e.label})`);
      const c = obj(doc.toJS() as Json);
      assertComposeBasics(c, 'compose-prod');
      assert.match(e.text, /ports: !reset \[\]/, 'backing service ports are removed with !reset');
      const services = obj(c.services);
      for (const [name, sv] of Object.entries(services)) {
        const s = obj(sv);
        assert.equal(s.restart, 'always', `${name}: restart always in production`);
      }
      const app = obj(Object.values(services)[0]);
      assert.match(String(app.image), /\$\{\w+:\?[^}]+\}|:\$\{\w+(:-[^}]+)?\}$/, 'the app image comes from a registry with a tag variable');
      assert.ok(obj(obj(obj(app.deploy).resources).limits), 'resource limits');
      const svcNode = doc.get('services');
      assert.ok(isMap(svcNode));
      const resetPorts = doc.getIn(['services', Object.keys(services)[1], 'ports'], true);
      assert.ok(isSeq(resetPorts) && resetPorts.tag === '!reset', 'the database override resets ports');
    }
  });
});
