// Entry point of the extension-host test suite (extensionTestsPath). VS Code calls run() inside
// the extension host, both in desktop VS Code (test/host/run-desktop.mjs, @vscode/test-electron)
// and in VS Code's server + web workbench (test/host/run-web.mjs). It runs every *.test.js file
// next to this one with mocha (bdd: describe/it).
//
// Environment:
//   DOCKYARD_TEST_GREP    only run tests whose full title matches this regular expression
//   DOCKYARD_RESULT_FILE  also write {"passed":N,"failed":M} to this file (run-desktop.mjs uses it)
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import Mocha from 'mocha';

/** Prefix of the extension host's console lines in the web workbench's log (run-web.mjs reads it). */
const WEB_TAG = '[ext] ';

/**
 * In the web workbench, the extension host's console reaches the harness mixed with the
 * workbench's own log, as one pre-joined string (so printf-style arguments are not applied).
 * Format each call here and tag it, so the harness can tell the suite's output apart.
 */
function tagConsoleForWeb(): void {
  if (process.env.DOCKYARD_HOST_TEST !== 'web') {
    return;
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level];
    if ((original as { dockyardTagged?: boolean }).dockyardTagged) {
      continue;
    }
    const tagged = Object.assign((...args: unknown[]) => original(WEB_TAG + util.format(...args)), { dockyardTagged: true });
    // The extension host installs console methods as accessors; a plain assignment is ignored.
    Object.defineProperty(console, level, { value: tagged, writable: true, configurable: true, enumerable: true });
  }
  // mocha's reporters keep the console.log they saw when mocha was loaded.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(...args);
}

export async function run(): Promise<void> {
  tagConsoleForWeb();
  const mocha = new Mocha({
    ui: 'bdd',
    timeout: 60_000,
    color: false,
    reporter: 'spec',
  });
  // Plain text in logs, also when CI=true makes mocha's color detection say yes.
  Mocha.reporters.Base.useColors = false;
  // (its ✔/✖ come pre-colored from log-symbols, which ignores that)
  Mocha.reporters.Base.symbols.ok = '✔';
  Mocha.reporters.Base.symbols.err = '✖';
  if (process.env.DOCKYARD_TEST_GREP) {
    mocha.grep(new RegExp(process.env.DOCKYARD_TEST_GREP));
  }

  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) {
    mocha.addFile(path.join(__dirname, f));
  }
  console.log(`host suite: ${files.length} test file(s): ${files.join(', ')}`);

  let passed = 0;
  let failed = 0;
  try {
    // mocha.run() require()s the files: CommonJS, so the extension host's `vscode` module resolves.
    failed = await new Promise<number>((resolve) => {
      const runner = mocha.run((failures) => resolve(failures));
      runner.on('pass', () => {
        passed++;
      });
    });
  } catch (err) {
    // A test file that does not load counts as one failure.
    console.error('host suite: error while loading or running the tests:', err);
    failed = Math.max(failed, 1);
  }

  console.log(`MOCHA-RESULT passed=${passed} failed=${failed}`);
  if (process.env.DOCKYARD_RESULT_FILE) {
    fs.writeFileSync(process.env.DOCKYARD_RESULT_FILE, JSON.stringify({ passed, failed }));
  }
  if (failed > 0) {
    throw new Error(`${failed} host test(s) failed`);
  }
  if (passed === 0) {
    throw new Error('no host test ran');
  }
}
