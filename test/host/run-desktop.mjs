#!/usr/bin/env node
// Runs the extension-host test suite (out/test/host/suite/index.js) in desktop VS Code through
// @vscode/test-electron, which downloads VS Code into .vscode-test/ (needs internet, so it is not
// used by CI here: CI runs the same suite with test/host/run-web.mjs).
//
// Usage: npm run build && node test/host/run-desktop.mjs
//   (on Linux without a display: xvfb-run -a node test/host/run-desktop.mjs)
// Environment (optional):
//   DOCKYARD_VSCODE_VERSION   VS Code version to download ('stable' by default, or 'insiders', '1.139.0')
//   DOCKYARD_VSCODE_PATH      use this VS Code executable instead of downloading one
//   DOCKYARD_TEST_GREP        only run tests whose title matches (read by the suite)
// Last line printed: `host: N passed, M failed`. Exit code: 0 only when the suite passed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'host', 'suite', 'index.js');
const workspaceDir = path.join(repoRoot, 'test', 'host', 'workspace');

if (!fs.existsSync(extensionTestsPath)) {
  console.error(`[host-desktop] ERROR: ${extensionTestsPath} not found: run \`npm run build\` first`);
  console.log('host: 0 passed, 1 failed');
  process.exit(1);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-desktop-'));
const resultFile = path.join(tmp, 'result.json');
let exitCode = 1;
try {
  exitCode = await runTests({
    version: process.env.DOCKYARD_VSCODE_VERSION || undefined,
    vscodeExecutablePath: process.env.DOCKYARD_VSCODE_PATH || undefined,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: {
      DOCKYARD_HOST_TEST: 'desktop',
      DOCKYARD_RESULT_FILE: resultFile,
      // no DOCKYARD_SNAP_DIR: snap() in suite/util.ts resolves at once on desktop
    },
    launchArgs: [
      workspaceDir,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      // --user-data-dir / --extensions-dir: test-electron's own, under .vscode-test/
    ],
  });
} catch (err) {
  // runTests rejects (TestRunFailedError) when the tests fail or VS Code cannot start.
  console.error(`[host-desktop] ${err && err.message ? err.message : err}`);
  exitCode = 1;
}

let passed = 0;
let failed = 0;
try {
  ({ passed, failed } = JSON.parse(fs.readFileSync(resultFile, 'utf8')));
} catch {
  console.error('[host-desktop] the suite reported no result (it did not run, or VS Code did not start)');
  if (exitCode === 0) exitCode = 1;
  failed = Math.max(failed, 1);
}
fs.rmSync(tmp, { recursive: true, force: true });
if (exitCode === 0 && failed > 0) exitCode = 1;
console.log(`host: ${passed} passed, ${failed} failed`);
process.exit(exitCode);
