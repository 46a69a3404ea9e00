// Helpers for extension-host tests (test/host/suite/*.test.ts).
import * as fs from 'fs';
import * as path from 'path';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** True when the suite runs in VS Code's web workbench through test/host/run-web.mjs. */
export const isWebHost = process.env.DOCKYARD_HOST_TEST === 'web';

/**
 * Asks the harness (test/host/run-web.mjs) for a full-page screenshot of the workbench, saved to
 * test-results/screenshots/<name>.png, and waits (up to 15 s) until it is taken.
 * Take screenshots while the test still runs: once run() settles the extension host shuts down
 * and the extension's views go blank. Resolves at once when there is no harness (desktop runs).
 */
export async function snap(name: string): Promise<Record<string, string[]> | undefined> {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) {
    throw new Error(`snap(${JSON.stringify(name)}): use only letters, digits, '.', '_' and '-'`);
  }
  const dir = process.env.DOCKYARD_SNAP_DIR;
  if (!dir) {
    return undefined;
  }
  const done = path.join(dir, `${name}.done`);
  try {
    fs.rmSync(done, { force: true });
  } catch {
    // best effort: a stale marker only makes this call return early
  }
  console.log(`SNAP:${name}`);
  await waitFor(() => fs.existsSync(done), 15_000, `the harness to take screenshot '${name}'`);
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Record<string, string[]>;
  } catch {
    return undefined;
  }
}

/**
 * Polls fn every 100 ms until it returns a truthy value (or a promise of one), and returns that
 * value. Throws `Timed out after <ms> ms waiting for <what>` when it does not happen in time; the
 * last error thrown by fn, if any, is added to the message.
 */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (true) {
    try {
      const value = await fn();
      if (value) {
        return value as NonNullable<T>;
      }
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? lastError.message : lastError !== undefined ? String(lastError) : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause ? ` (last error: ${cause})` : ''}`);
    }
    await sleep(100);
  }
}
