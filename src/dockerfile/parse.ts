/**
 * `parseDockerfile(text)`: dockerfile-ast's `DockerfileParser.parse`, ported
 * (lib/parser.js of dockerfile-ast 0.7.1) so that it builds the very same
 * objects (dockerfile-ast's own `Dockerfile`, instruction classes, comments,
 * directives, with the same ranges) with less work. It was about a third of
 * the lint of a large file. The differences, none visible in the result:
 *
 * - the original constructs every instruction twice: once to look for
 *   here-documents (only ADD, COPY, RUN and ONBUILD can have them) and again
 *   for the tree, and the constructors of JSON instructions and ARG compute
 *   arguments, flags and JSON eagerly. We build the throw-away instance only
 *   for those four keywords and only when the instruction's first line holds
 *   a `<` (no argument can start with `<<` otherwise);
 * - the document's `positionAt` looks near the line of the previous call
 *   before it falls back to the binary search over line offsets (the parser
 *   and the argument scans ask for increasing offsets, so it almost always
 *   hits), with the same result: `{ line, character }`, the offset clamped
 *   and moved before a line break as the original does;
 * - ranges are built as object literals (what `Range.create` returns for
 *   positions, without its validation);
 * - the BOM test compares the char code (the original encodes the first
 *   character to UTF-8 and compares bytes: the same answer).
 *
 * The unit tests compare every method our code calls on the result with the
 * original parse on the corpus and on random input.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  Add,
  Arg,
  Cmd,
  Comment,
  Copy,
  type Dockerfile,
  Entrypoint,
  Env,
  From,
  Healthcheck,
  Instruction,
  Label,
  Onbuild,
  ParserDirective,
  Run,
  Shell,
  Stopsignal,
  User,
  Volume,
  Workdir,
} from 'dockerfile-ast';
// The class behind the `Dockerfile` interface (the package's main module exports only the interface).
import { Dockerfile as DockerfileImpl } from 'dockerfile-ast/lib/dockerfile';
import { constructInstruction, installAstMemoization } from './astPerf';

interface Pos {
  line: number;
  character: number;
}
interface Rng {
  start: Pos;
  end: Pos;
}

type Doc = TextDocument & { getLineOffsets(): number[] };

/**
 * Replaces `doc.positionAt` by one that first tries the line of its previous
 * answer and the next one (the same answers as FullTextDocument's).
 */
function installHintedPositionAt(doc: Doc): void {
  const text = doc.getText();
  const len = text.length;
  // The document is never updated, so its line offsets never change.
  const lineOffsets = doc.getLineOffsets();
  const lines = lineOffsets.length;
  let hint = 0;
  (doc as { positionAt(offset: number): Pos }).positionAt = (offset: number): Pos => {
    offset = Math.max(Math.min(offset, len), 0);
    let line = hint;
    if (!(lineOffsets[line] <= offset && (line + 1 === lines || offset < lineOffsets[line + 1]))) {
      line++;
      if (!(line < lines && lineOffsets[line] <= offset && (line + 1 === lines || offset < lineOffsets[line + 1]))) {
        let low = 0;
        let high = lines;
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) high = mid;
          else low = mid + 1;
        }
        line = low - 1;
      }
      hint = line;
    }
    const lineOffset = lineOffsets[line];
    // ensureBeforeEOL: an offset between \r and \n belongs before the \r.
    while (offset > lineOffset) {
      const c = text.charCodeAt(offset - 1);
      if (c !== 13 && c !== 10) break;
      offset--;
    }
    return { line, character: offset - lineOffset };
  };
}

type InstructionClass = new (document: TextDocument, range: Rng, dockerfile: DockerfileImpl, escapeChar: string, instruction: string, instructionRange: Rng) => Instruction;

/** dockerfile-ast's `Parser.createInstruction` switch; any other keyword is a plain `Instruction`. */
const CLASSES = new Map<string, InstructionClass>([
  ['ADD', Add],
  ['ARG', Arg],
  ['CMD', Cmd],
  ['COPY', Copy],
  ['ENTRYPOINT', Entrypoint],
  ['ENV', Env],
  ['FROM', From],
  ['HEALTHCHECK', Healthcheck],
  ['LABEL', Label],
  ['ONBUILD', Onbuild],
  ['RUN', Run],
  ['SHELL', Shell],
  ['STOPSIGNAL', Stopsignal],
  ['WORKDIR', Workdir],
  ['USER', User],
  ['VOLUME', Volume],
]);

/** dockerfile-ast's `Util.parseHeredocName`. */
function parseHeredocName(value: string): string | null {
  value = value.substring(2);
  if (value.charAt(0) === '-') value = value.substring(1);
  if (value.charAt(0) === '"') {
    if (value.charAt(value.length - 1) !== '"') return null;
    value = value.substring(1, value.length - 1);
  }
  if (value.charAt(0) === "'") {
    if (value.charAt(value.length - 1) !== "'") return null;
    value = value.substring(1, value.length - 1);
  }
  if (value.charAt(0) === '<') return null;
  return value;
}

class Parser {
  private escapeChar = '\\';
  private readonly document: Doc;
  private readonly dockerfile: DockerfileImpl;

  constructor(private readonly buffer: string) {
    this.document = TextDocument.create('', '', 0, buffer) as Doc;
    installHintedPositionAt(this.document);
    this.dockerfile = new DockerfileImpl(this.document);
  }

  private range(start: number, end: number): Rng {
    return { start: this.document.positionAt(start), end: this.document.positionAt(end) };
  }

  private getParserDirectives(): ParserDirective[] {
    const buffer = this.buffer;
    const directives: ParserDirective[] = [];
    const offset = buffer.charCodeAt(0) === 0xfeff ? 1 : 0;
    directiveCheck: for (let i = offset; i < buffer.length; i++) {
      switch (buffer.charAt(i)) {
        case ' ':
        case '\t':
          break;
        case '\r':
        case '\n':
          // blank lines stop the parsing of directives immediately
          break directiveCheck;
        case '#': {
          let directiveStart = -1;
          let directiveEnd = -1;
          for (let j = i + 1; j < buffer.length; j++) {
            let char = buffer.charAt(j);
            switch (char) {
              case ' ':
              case '\t':
                if (directiveStart !== -1 && directiveEnd === -1) directiveEnd = j;
                break;
              case '\r':
              case '\n':
                break directiveCheck;
              case '=': {
                let valueStart = -1;
                let valueEnd = -1;
                if (directiveEnd === -1) directiveEnd = j;
                // assume the line ends with the file
                let lineEnd = buffer.length;
                directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                  char = buffer.charAt(k);
                  switch (char) {
                    case '\r':
                    case '\n':
                      if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
                      lineEnd = k;
                      break directiveValue;
                    case '\t':
                    case ' ':
                      if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
                      continue;
                    default:
                      if (valueStart === -1) valueStart = k;
                      break;
                  }
                }
                if (directiveStart === -1) {
                  // no directive, it's a regular comment
                  break directiveCheck;
                }
                if (valueStart === -1) {
                  valueStart = j + 1;
                  valueEnd = lineEnd;
                } else if (valueEnd === -1) {
                  valueEnd = buffer.length;
                }
                directives.push(
                  new ParserDirective(this.document, this.range(i, lineEnd), this.range(directiveStart, directiveEnd), this.range(valueStart, valueEnd)),
                );
                directiveStart = -1;
                i = buffer.charAt(valueEnd) === '\r' ? valueEnd + 1 : valueEnd;
                continue directiveCheck;
              }
              default:
                if (directiveStart === -1) directiveStart = j;
                break;
            }
          }
          break;
        }
        default:
          break directiveCheck;
      }
    }
    return directives;
  }

  parse(): DockerfileImpl {
    const dockerfile = this.dockerfile;
    const buffer = this.buffer;
    const directives = this.getParserDirectives();
    let offset = 0;
    this.escapeChar = '\\';
    if (directives.length > 0) {
      dockerfile.setDirectives(directives);
      this.escapeChar = dockerfile.getEscapeCharacter();
      // start parsing after the directives
      offset = this.document.offsetAt({ line: directives.length, character: 0 });
    } else if (buffer.charCodeAt(0) === 0xfeff) {
      offset = 1;
    }
    for (let i = offset; i < buffer.length; i++) {
      const char = buffer.charAt(i);
      switch (char) {
        case ' ':
        case '\t':
        case '\r':
        case '\n':
          break;
        case '#':
          i = this.processComment(i);
          break;
        default:
          i = this.processInstruction(char, i);
          break;
      }
    }
    dockerfile.organizeComments();
    return dockerfile;
  }

  private processInstruction(char: string, start: number): number {
    const buffer = this.buffer;
    const escapeChar = this.escapeChar;
    let instruction = char;
    let instructionEnd = -1;
    let escapedInstruction = false;
    instructionCheck: for (let i = start + 1; i < buffer.length; i++) {
      char = buffer.charAt(i);
      switch (char) {
        case escapeChar:
          escapedInstruction = true;
          char = buffer.charAt(i + 1);
          if (char === '\r' || char === '\n') {
            if (instructionEnd === -1) instructionEnd = i;
            i++;
          } else if (char === ' ' || char === '\t') {
            for (let j = i + 2; j < buffer.length; j++) {
              switch (buffer.charAt(j)) {
                case ' ':
                case '\t':
                  break;
                case '\r':
                case '\n':
                  i = j;
                  continue instructionCheck;
                default:
                  // found an argument, mark end of instruction
                  instructionEnd = i + 1;
                  instruction = instruction + escapeChar;
                  i = j - 2;
                  continue instructionCheck;
              }
            }
            // reached EOF
            instructionEnd = i + 1;
            instruction = instruction + escapeChar;
            break instructionCheck;
          } else {
            instructionEnd = i + 1;
            instruction = instruction + escapeChar;
            // reset and consider it as one contiguous word
            escapedInstruction = false;
          }
          break;
        case ' ':
        case '\t':
          if (escapedInstruction) {
            // on an escaped newline, need to search for non-whitespace
            escapeCheck: for (let j = i + 1; j < buffer.length; j++) {
              switch (buffer.charAt(j)) {
                case ' ':
                case '\t':
                  break;
                case '\r':
                case '\n':
                  i = j;
                  continue instructionCheck;
                default:
                  break escapeCheck;
              }
            }
            escapedInstruction = false;
          }
          if (instructionEnd === -1) instructionEnd = i;
          i = this.processArguments(instruction, instructionEnd, start, i);
          this.dockerfile.addInstruction(this.createInstruction(instruction, start, instructionEnd, i));
          return i;
        case '\r':
        case '\n':
          if (escapedInstruction) continue;
          if (instructionEnd === -1) instructionEnd = i;
          this.dockerfile.addInstruction(this.createInstruction(instruction, start, i, i));
          return i;
        case '#':
          if (escapedInstruction) continue;
          instructionEnd = i + 1;
          instruction = instruction + char;
          escapedInstruction = false;
          break;
        default:
          instructionEnd = i + 1;
          instruction = instruction + char;
          escapedInstruction = false;
          break;
      }
    }
    // reached EOF
    if (instructionEnd === -1) instructionEnd = buffer.length;
    this.dockerfile.addInstruction(this.createInstruction(instruction, start, instructionEnd, buffer.length));
    return buffer.length;
  }

  /**
   * Where the instruction `[start, end)` ends once its here-documents are
   * skipped. The original builds the instruction to read its arguments for
   * every keyword; only these four can have here-documents, and an argument
   * can only start with `<<` (escapes and line continuations included) if
   * the text holds a `<`.
   */
  private processHeredocs(instructionWord: string, start: number, instructionEnd: number, offset: number): number {
    let keyword = instructionWord.toUpperCase();
    if (keyword !== 'ADD' && keyword !== 'COPY' && keyword !== 'RUN' && keyword !== 'ONBUILD') return offset;
    let lt = instructionEnd;
    while (lt < offset && this.buffer.charCodeAt(lt) !== 60 /* < */) lt++;
    if (lt === offset) return offset;
    let instruction: Instruction | null = this.createInstruction(instructionWord, start, instructionEnd, offset);
    if (keyword === 'ONBUILD') {
      instruction = (instruction as Onbuild).getTriggerInstruction();
      if (instruction === null) return offset;
      keyword = instruction.getKeyword();
    }
    if (keyword !== 'ADD' && keyword !== 'COPY' && keyword !== 'RUN') return offset;
    const heredocs: string[] = [];
    let tabbed = false;
    for (const arg of instruction.getArguments()) {
      const value = arg.getValue();
      if (value.startsWith('<<') && value.length > 2) {
        if (value.startsWith('<<-')) tabbed = true;
        const name = parseHeredocName(value);
        if (name !== null) heredocs.push(name);
      }
    }
    for (const heredoc of heredocs) offset = this.parseHeredoc(heredoc, offset, tabbed);
    return offset;
  }

  private processArguments(instruction: string, instructionEnd: number, start: number, offset: number): number {
    const buffer = this.buffer;
    const escapeChar = this.escapeChar;
    let escaped = false;
    argumentsCheck: for (let i = offset + 1; i < buffer.length; i++) {
      switch (buffer.charAt(i)) {
        case '\r':
        case '\n':
          if (escaped) continue;
          return this.processHeredocs(instruction, start, instructionEnd, i);
        case escapeChar: {
          const next = buffer.charAt(i + 1);
          if (next === '\n' || next === '\r') {
            escaped = true;
            i++;
          } else if (next === ' ' || next === '\t') {
            for (let j = i + 2; j < buffer.length; j++) {
              switch (buffer.charAt(j)) {
                case ' ':
                case '\t':
                  break;
                case '\r':
                case '\n':
                  escaped = true;
                  i = j;
                  continue argumentsCheck;
                default:
                  i = j;
                  continue argumentsCheck;
              }
            }
            // reached EOF
            return buffer.length;
          }
          continue;
        }
        case '#':
          if (escaped) {
            i = this.processComment(i);
            continue argumentsCheck;
          }
          break;
        case ' ':
        case '\t':
          break;
        default:
          if (escaped) escaped = false;
          break;
      }
    }
    return buffer.length;
  }

  private processComment(start: number): number {
    const buffer = this.buffer;
    let end = buffer.length;
    for (let i = start + 1; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (c === 13 || c === 10) {
        end = i;
        break;
      }
    }
    this.dockerfile.addComment(new Comment(this.document, this.range(start, end)));
    return end;
  }

  private parseHeredoc(heredocName: string, offset: number, tabbed: boolean): number {
    const buffer = this.buffer;
    let startWord = -1;
    let lineStart = true;
    for (let i = offset; i < buffer.length; i++) {
      switch (buffer.charAt(i)) {
        case ' ':
          lineStart = false;
          break;
        case '\t':
          if (!tabbed) lineStart = false;
          break;
        case '\r':
        case '\n':
          if (startWord !== -1 && heredocName === buffer.substring(startWord, i)) return i;
          startWord = -1;
          lineStart = true;
          break;
        default:
          if (lineStart) {
            startWord = i;
            lineStart = false;
          }
          break;
      }
    }
    return buffer.length;
  }

  private createInstruction(instruction: string, start: number, instructionEnd: number, end: number): Instruction {
    const doc = this.document;
    const startPosition = doc.positionAt(start);
    const instructionRange = { start: startPosition, end: doc.positionAt(instructionEnd) };
    const lineRange = { start: startPosition, end: doc.positionAt(end) };
    const Class = CLASSES.get(instruction.toUpperCase()) ?? Instruction;
    return constructInstruction(Class, [doc, lineRange, this.dockerfile, this.escapeChar, instruction, instructionRange]);
  }
}

// Installed when the linter loads, as before this module existed (tests parse with dockerfile-ast too).
installAstMemoization();

/** Parses like `DockerfileParser.parse(text)` (same objects, same answers), faster. */
export function parseDockerfile(text: string): Dockerfile {
  return new Parser(text).parse();
}
