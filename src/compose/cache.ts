/**
 * Parse a compose document once per version, lazily (architecture item 12,
 * after compose-language-service's `ComposeDocument`): `get` re-parses only
 * when the version changed; `delete` on close. Pure: keyed by any string URI.
 */
import { parseComposeFile, type ParsedComposeFile, type ParseOptions } from './parse';

export class ComposeDocumentCache {
  private readonly entries = new Map<string, { version: number; text: string; parsed?: ParsedComposeFile }>();
  /** How many parses ran (for tests and telemetry). */
  parses = 0;

  constructor(
    private readonly options: ParseOptions = {},
    private readonly maxEntries = 200,
  ) {}

  /** The parse of `text` at `version`; parsed on first use after a change. */
  get(uri: string, version: number, text: string): ParsedComposeFile {
    let e = this.entries.get(uri);
    if (!e || e.version !== version || e.text !== text) {
      e = { version, text };
      this.entries.delete(uri);
      this.entries.set(uri, e);
      while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    }
    if (!e.parsed) {
      e.parsed = parseComposeFile(text, uri, this.options);
      this.parses++;
    }
    return e.parsed;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
