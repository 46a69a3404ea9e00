/**
 * SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.
 * Regions are 1-based with an exclusive end column; columns count UTF-16 code
 * units (`columnKind`). Paths under the working directory are relative
 * (forward slashes, `uriBaseId: %SRCROOT%`); others are absolute `file:` URIs.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FileChange, Finding, Fix, RuleMeta, Severity, SeveritySetting } from '../../dockerfile/types';
import type { Range, TextEdit } from '../../util/text';
import { preferredFix } from '../fix';
import type { FileResult } from '../run';
import { relativeUri } from './common';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(s: Severity): SarifLevel {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

export interface SarifNotification {
  readonly level: 'error' | 'warning' | 'note';
  readonly message: string;
  /** Absolute path, when the notification is about a file. */
  readonly file?: string;
  /** 1-based, when known. */
  readonly line?: number;
  readonly column?: number;
}

export interface SarifOptions {
  readonly cwd: string;
  readonly toolVersion: string;
  readonly rules: readonly RuleMeta[];
  /** The Markdown doc of a rule (docs/rules/<CODE>.md), when readable. */
  readonly ruleDoc?: (code: string) => string | undefined;
  /** Whether a file exists (decides between "create" and "edit" for `Fix.files`). */
  readonly exists?: (absPath: string) => boolean;
  /** Problems running the tool: files that could not be linted, rule failures. */
  readonly executionNotifications?: readonly SarifNotification[];
  /** Problems in config files. */
  readonly configurationNotifications?: readonly SarifNotification[];
}

/* The subset of the SARIF object model we emit. */
export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}
export interface SarifRun {
  tool: { driver: SarifDriver };
  invocations: SarifInvocation[];
  originalUriBaseIds: Record<string, { uri: string }>;
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}
export interface SarifDriver {
  name: string;
  version: string;
  semanticVersion?: string;
  rules: SarifRule[];
}
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  defaultConfiguration: { enabled?: boolean; level: SarifLevel };
  help?: { text: string; markdown?: string };
  properties?: Record<string, unknown>;
}
export interface SarifInvocation {
  executionSuccessful: boolean;
  toolExecutionNotifications: SarifNotificationObject[];
  toolConfigurationNotifications: SarifNotificationObject[];
}
export interface SarifNotificationObject {
  level: 'error' | 'warning' | 'note';
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: SarifArtifactLocation; region?: { startLine: number; startColumn?: number } } }[];
}
export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion } }[];
  fixes?: SarifFix[];
}
export interface SarifFix {
  description: { text: string };
  artifactChanges: {
    artifactLocation: SarifArtifactLocation;
    replacements: { deletedRegion: SarifRegion; insertedContent?: { text: string } }[];
  }[];
}

export function toRegion(r: Range): SarifRegion {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

function levelOfSetting(s: SeveritySetting): { enabled?: boolean; level: SarifLevel } {
  return s === 'off' ? { enabled: false, level: 'warning' } : { level: sarifLevel(s) };
}

/** Plain-text help from a rule doc: its "What it detects" and "Why it matters" sections. */
export function helpFromDoc(title: string, md: string | undefined): { text: string; markdown?: string } {
  if (!md) return { text: title };
  const sections = new Map<string, string>();
  let current: string | undefined;
  const buf: string[] = [];
  const flush = (): void => {
    if (current) sections.set(current.toLowerCase(), buf.join('\n').trim());
    buf.length = 0;
  };
  for (const line of md.split(/\r?\n/)) {
    const h = /^##\s+(.*)$/.exec(line);
    if (h) {
      flush();
      current = h[1].trim();
    } else if (current) buf.push(line);
  }
  flush();
  const parts = [sections.get('what it detects'), sections.get('why it matters')].filter((s): s is string => !!s);
  const text = parts.length ? parts.join('\n\n').replace(/`/g, '') : title;
  return { text, markdown: md.trim() };
}

export function formatSarif(results: readonly FileResult[], opts: SarifOptions): string {
  return JSON.stringify(toSarif(results, opts), null, 2) + '\n';
}

export function toSarif(results: readonly FileResult[], opts: SarifOptions): SarifLog {
  const cwd = path.resolve(opts.cwd);
  const location = (abs: string): SarifArtifactLocation => {
    const rel = relativeUri(abs, cwd, path.sep, path.relative);
    return rel !== undefined ? { uri: rel, uriBaseId: SRCROOT } : { uri: pathToFileURL(abs).href };
  };
  const ruleIndex = new Map<string, number>();
  const rules: SarifRule[] = opts.rules.map((r, i) => {
    ruleIndex.set(r.code, i);
    return {
      id: r.code,
      name: r.name,
      shortDescription: { text: r.title },
      defaultConfiguration: levelOfSetting(r.defaultSeverity),
      help: helpFromDoc(r.title, opts.ruleDoc?.(r.code)),
      properties: { fix: r.fix, ...(r.anchors?.hadolint?.length ? { hadolint: [...r.anchors.hadolint] } : {}) },
    };
  });
  const exists = opts.exists ?? (() => false);

  const fixToSarif = (file: string, fix: Fix): SarifFix | undefined => {
    const changes: SarifFix['artifactChanges'] = [];
    const replacements = (edits: readonly TextEdit[]) =>
      edits.map((e) => ({ deletedRegion: toRegion(e.range), insertedContent: { text: e.newText } }));
    if (fix.edits.length) changes.push({ artifactLocation: location(file), replacements: replacements(fix.edits) });
    for (const c of fix.files ?? []) {
      const abs = path.resolve(path.dirname(file), c.path);
      const change = otherFileChange(c, exists(abs));
      if (change) changes.push({ artifactLocation: location(abs), replacements: replacements(change) });
    }
    return changes.length ? { description: { text: fix.title }, artifactChanges: changes } : undefined;
  };

  const out: SarifResult[] = [];
  for (const r of results) {
    for (const f of r.findings) out.push(resultOf(r.absPath, f));
  }
  function resultOf(file: string, f: Finding): SarifResult {
    const idx = ruleIndex.get(f.code);
    const fix = preferredFix(f);
    const sfix = fix ? fixToSarif(file, fix) : undefined;
    return {
      ruleId: f.code,
      ...(idx !== undefined ? { ruleIndex: idx } : {}),
      level: sarifLevel(f.severity),
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: location(file), region: toRegion(f.range) } }],
      ...(sfix ? { fixes: [sfix] } : {}),
    };
  }

  const note = (n: SarifNotification): SarifNotificationObject => ({
    level: n.level,
    message: { text: n.message },
    ...(n.file
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: location(n.file),
                ...(n.line ? { region: { startLine: n.line, ...(n.column ? { startColumn: n.column } : {}) } } : {}),
              },
            },
          ],
        }
      : {}),
  });
  const execution = (opts.executionNotifications ?? []).map(note);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockyard',
            version: opts.toolVersion,
            ...(/^\d+\.\d+\.\d+/.test(opts.toolVersion) ? { semanticVersion: opts.toolVersion } : {}),
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: !execution.some((n) => n.level === 'error'),
            toolExecutionNotifications: execution,
            toolConfigurationNotifications: (opts.configurationNotifications ?? []).map(note),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
}

/** The edits a `Fix.files` change amounts to: its edits when the file exists, else inserting `create`. */
function otherFileChange(c: FileChange, fileExists: boolean): TextEdit[] | undefined {
  if (fileExists) return c.edits?.length ? [...c.edits] : undefined;
  if (c.create === undefined) return undefined;
  return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.create }];
}
