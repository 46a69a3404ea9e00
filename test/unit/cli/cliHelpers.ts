/** Helpers for the CLI tests: temp trees and an in-process run with captured output. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/cli';
import { ALL_RULES } from '../../../src/dockerfile/rules';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd: string, opts: { isTTY?: boolean; env?: Record<string, string> } = {}): CliRun {
  let stdout = '';
  let stderr = '';
  const code = main(args, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    cwd,
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
  });
  return { code, stdout, stderr };
}

/** A temp folder holding `files` (path -> content). */
export function tree(files: Record<string, string | Buffer>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-cli-')));
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return root;
}

/**
 * A `.dockyard.yaml` that turns every rule off except `keep`, so a test's
 * expectations do not change as rules are added.
 */
export function onlyRulesConfig(keep: string[], extra = ''): string {
  const lines = ALL_RULES.filter((r) => !keep.includes(r.code)).map((r) => `  ${r.code}: off`);
  return `rules:\n${lines.join('\n')}${lines.length ? '\n' : '  {}\n'}${extra}`;
}

/** MAINTAINER (DF036, warning, fixable) and RUNN (DF001, error, fixable). */
export const BAD_DOCKERFILE = 'FROM debian:12\nMAINTAINER Jane <jane@example.com>\nRUNN echo hi\n';
export const WARN_ONLY_DOCKERFILE = 'FROM debian:12\nMAINTAINER Jane <jane@example.com>\n';
export const CLEAN_DOCKERFILE = 'FROM debian:12\nRUN echo hi\n';

export function parseJson<T = unknown>(s: string): T {
  try {
    return JSON.parse(s) as T;
  } catch (e) {
    throw new Error(`not JSON: ${(e as Error).message}\n${s.slice(0, 500)}`);
  }
}
