#!/usr/bin/env node
// Runs the extension-host test suite (out/test/host/suite/index.js) inside a real VS Code:
// VS Code's own server + web workbench (from the npm package code-server, installed by
// scripts/setup-vscode-server.sh), driven by headless Debian Chromium through playwright-core.
// The server runs the extension under development in a real Node extension host.
//
// Usage: node test/host/run-web.mjs            (after `npm run build`)
// Environment (all optional):
//   DOCKYARD_NODE24, DOCKYARD_SERVER_MAIN  Node 24 binary and VS Code's server-main.js
//                                          (default: asked from scripts/setup-vscode-server.sh --check)
//   DOCKYARD_CHROMIUM                      browser binary (default /usr/bin/chromium)
//   DOCKYARD_HOST_TIMEOUT                  overall time limit in seconds (default 600)
//   DOCKYARD_HOST_WORKSPACE                folder to open (default test/host/workspace)
//   DOCKYARD_TEST_GREP                     only run tests whose title matches (read by the suite)
//   DOCKYARD_HOST_VERBOSE=1                also print the workbench's own log lines
//   DOCKYARD_KEEP_TMP=1                    keep the temporary server/user data dirs
// The extension host inherits DOCKYARD_HOST_TEST=web and DOCKYARD_SNAP_DIR (see suite/util.ts).
// A test that logs `SNAP:<name>` gets test-results/screenshots/<name>.png, <SNAP_DIR>/<name>.json (the text of
// every visible list/tree row, by view title) and then <SNAP_DIR>/<name>.done.
// Last line printed: `host: N passed, M failed`. Exit code: 0 only when the suite passed.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as http from 'node:http';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = path.join(repoRoot, 'test-results');
const screenshotsDir = path.join(resultsDir, 'screenshots');
const serverLogPath = path.join(resultsDir, 'host-web-server.log');
const timeoutSec = Number(process.env.DOCKYARD_HOST_TIMEOUT || 600);
const verbose = process.env.DOCKYARD_HOST_VERBOSE === '1';
const chromiumPath = process.env.DOCKYARD_CHROMIUM || '/usr/bin/chromium';
const workspaceDir = path.resolve(repoRoot, process.env.DOCKYARD_HOST_WORKSPACE || 'test/host/workspace');
const testsPath = path.join(repoRoot, 'out', 'test', 'host', 'suite', 'index.js');

const log = (msg) => console.log(`[host-web] ${msg}`);

let finalLinePrinted = false;
const counts = { passed: 0, failed: 0, reported: false };
function finalLine(extraFailure) {
  if (finalLinePrinted) return;
  finalLinePrinted = true;
  let { passed, failed } = counts;
  // A harness failure with no result from mocha still counts as one failed test.
  if (extraFailure && !counts.reported) failed = Math.max(failed, 1);
  console.log(`host: ${passed} passed, ${failed} failed`);
}

function fail(msg) {
  console.error(`[host-web] ERROR: ${msg}`);
  finalLine(true);
  process.exit(1);
}

// ---------------------------------------------------------------- preflight
function serverPaths() {
  let node24 = process.env.DOCKYARD_NODE24;
  let serverMain = process.env.DOCKYARD_SERVER_MAIN;
  if (!node24 || !serverMain) {
    const r = spawnSync('bash', [path.join(repoRoot, 'scripts', 'setup-vscode-server.sh'), '--check'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) {
      fail('VS Code server is not installed: run `bash scripts/setup-vscode-server.sh` (or ./scripts/test.sh)');
    }
    for (const line of r.stdout.split('\n')) {
      const m = /^export (DOCKYARD_NODE24|DOCKYARD_SERVER_MAIN)=(.*)$/.exec(line.trim());
      if (!m) continue;
      // printf %q output: unquote the simple cases (paths here have no spaces)
      const value = m[2].replace(/\\(.)/g, '$1').replace(/^'(.*)'$/, '$1');
      if (m[1] === 'DOCKYARD_NODE24') node24 ||= value;
      else serverMain ||= value;
    }
  }
  if (!node24 || !fs.existsSync(node24)) fail(`Node 24 binary not found: ${node24}`);
  if (!serverMain || !fs.existsSync(serverMain)) fail(`VS Code server-main.js not found: ${serverMain}`);
  return { node24, serverMain };
}

const { node24, serverMain } = serverPaths();
if (!fs.existsSync(chromiumPath)) {
  fail(`${chromiumPath} not found: run \`bash scripts/setup-browser.sh\` (the host tests never skip)`);
}
if (!fs.existsSync(testsPath)) fail(`${testsPath} not found: run \`npm run build\` first`);
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const mainPath = path.resolve(repoRoot, pkg.main || 'dist/extension.js');
if (!fs.existsSync(mainPath)) fail(`${mainPath} (package.json "main") not found: run \`npm run build\` first`);
if (!fs.existsSync(workspaceDir)) fail(`test workspace ${workspaceDir} not found`);

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (err) {
  fail(`cannot load playwright-core (run npm ci): ${err.message}`);
}

// ---------------------------------------------------------------- state + cleanup
fs.mkdirSync(screenshotsDir, { recursive: true });
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-host-'));
const snapDir = path.join(tmpRoot, 'snaps');
fs.mkdirSync(snapDir);
let server; // ChildProcess
let browser;
let page;
let workbenchLog; // WriteStream
let cleaningUp;

function killServer(signal) {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, signal); // the whole process group: server, extension host, pty host
  } catch {
    try { server.kill(signal); } catch { /* gone */ }
  }
}

async function cleanup() {
  if (cleaningUp) return cleaningUp;
  cleaningUp = (async () => {
    if (browser) {
      await Promise.race([browser.close().catch(() => {}), sleep(10_000)]);
    }
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      killServer('SIGTERM');
      if ((await Promise.race([exited.then(() => 'exited'), sleep(5_000)])) !== 'exited') {
        killServer('SIGKILL');
        await Promise.race([exited, sleep(2_000)]);
      }
    }
    if (workbenchLog) await new Promise((r) => workbenchLog.end(r));
    // Anything left in the group (e.g. a grandchild that outlived the server)
    if (server) { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* none left */ } }
    if (process.env.DOCKYARD_KEEP_TMP === '1') log(`kept ${tmpRoot}`);
    else fs.rmSync(tmpRoot, { recursive: true, force: true });
  })();
  return cleaningUp;
}

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => {
    console.error(`[host-web] ${sig}: stopping`);
    void cleanup().finally(() => { finalLine(true); process.exit(code); });
  });
}

function sleep(ms) { return new Promise((r) => setTimeout(r, ms)); }

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function answers(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(true); });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => { req.destroy(); resolve(false); });
  });
}

function tailOfServerLog(lines = 40) {
  try {
    return fs.readFileSync(serverLogPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch { return '(no server log)'; }
}

// ---------------------------------------------------------------- main
const started = Date.now();
let exitCode = 1;
let harnessError;
try {
  exitCode = await runSuite();
} catch (err) {
  harnessError = err;
  console.error(`[host-web] ERROR: ${err && err.stack ? err.stack : err}`);
  exitCode = 1;
}
if (exitCode !== 0 && page) {
  try {
    await page.screenshot({ path: path.join(screenshotsDir, 'failure.png'), fullPage: true, timeout: 15_000 });
    log(`failure screenshot: ${path.relative(repoRoot, path.join(screenshotsDir, 'failure.png'))}`);
  } catch (e) { log(`could not take the failure screenshot: ${e.message}`); }
}
if (exitCode !== 0) {
  console.error(`[host-web] last lines of ${path.relative(repoRoot, serverLogPath)}:\n${tailOfServerLog()}`);
}
await cleanup();
log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s, exit code ${exitCode}`);
if (exitCode === 0 && !counts.reported) {
  console.error('[host-web] ERROR: the suite exited 0 but reported no MOCHA-RESULT line');
  exitCode = 1;
}
if (exitCode === 0 && counts.failed > 0) exitCode = 1;
finalLine(exitCode !== 0 || !!harnessError);
process.exit(exitCode);

async function runSuite() {
  const deadline = started + timeoutSec * 1000;
  const port = await freePort();
  const serverDataDir = path.join(tmpRoot, 'server-data');
  const userDataDir = path.join(tmpRoot, 'user-data');

  const env = { ...process.env, DOCKYARD_SNAP_DIR: snapDir, DOCKYARD_HOST_TEST: 'web' };
  // Variables of a VS Code that may have started us must not leak into this one.
  for (const k of Object.keys(env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  }
  const serverArgs = [
    serverMain,
    '--host', '127.0.0.1',
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--enable-smoke-test-driver',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir', serverDataDir,
    '--user-data-dir', userDataDir,
  ];
  const serverLog = fs.openSync(serverLogPath, 'w');
  log(`starting VS Code server on 127.0.0.1:${port} (${node24})`);
  server = spawn(node24, serverArgs, {
    cwd: repoRoot,
    env,
    detached: true, // own process group, so cleanup() can kill the extension host with it
    stdio: ['ignore', serverLog, serverLog],
  });
  fs.closeSync(serverLog);
  let serverExit;
  const serverExited = new Promise((resolve) => {
    server.once('exit', (code, signal) => { serverExit = { code, signal }; resolve(serverExit); });
    server.once('error', (err) => { serverExit = { error: err }; resolve(serverExit); });
  });

  const base = `http://127.0.0.1:${port}`;
  const serverLimit = Math.min(deadline, Date.now() + 90_000);
  while (!(await answers(`${base}/version`))) {
    if (serverExit) throw new Error(`the VS Code server exited before answering: ${JSON.stringify(serverExit)}`);
    if (Date.now() > serverLimit) throw new Error(`the VS Code server did not answer on ${base} within 90s`);
    await sleep(300);
  }
  log(`server answers after ${((Date.now() - started) / 1000).toFixed(1)}s`);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();

  let resolveExit;
  let suiteDone = false;
  const suiteExited = new Promise((r) => { resolveExit = r; }).then((r) => { suiteDone = true; return r; });
  let snapChain = Promise.resolve();

  function onLogLine(level, text) {
    const m = /MOCHA-RESULT passed=(\d+) failed=(\d+)/.exec(text);
    if (m) {
      counts.passed = Number(m[1]);
      counts.failed = Number(m[2]);
      counts.reported = true;
    }
    const snaps = [...text.matchAll(/SNAP:([A-Za-z0-9._-]+)/g)].map((x) => x[1]);
    for (const name of snaps) {
      snapChain = snapChain.then(() => takeSnap(name));
    }
  }

  async function takeSnap(name) {
    const file = path.join(screenshotsDir, `${name}.png`);
    let note = 'ok';
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
      log(`screenshot ${path.relative(repoRoot, file)}`);
    } catch (e) {
      note = `screenshot failed: ${e.message}`;
      log(`SNAP:${name}: ${note}`);
    }
    // What the UI shows, for tests to assert on: the rows of every visible tree/list, by view title.
    try {
      const rows = await page.evaluate(() => {
        const out = {};
        for (const pane of document.querySelectorAll('.pane')) {
          const title = pane.querySelector('.pane-header .title')?.textContent?.trim();
          const list = [...pane.querySelectorAll('.monaco-list-row')].map((r) => r.textContent?.trim() ?? '');
          if (title && list.length) out[title] = list;
        }
        out['*'] = [...document.querySelectorAll('.monaco-list-row')].map((r) => r.textContent?.trim() ?? '');
        return out;
      });
      fs.writeFileSync(path.join(snapDir, `${name}.json`), JSON.stringify(rows));
    } catch (e) {
      log(`SNAP:${name}: could not read the rows: ${e.message}`);
    }
    fs.writeFileSync(path.join(snapDir, `${name}.done`), note);
  }

  // Both must exist before the workbench loads.
  // The workbench's whole log goes to test-results/host-web-workbench.log; stdout gets the suite's
  // output (lines the suite tags with '[ext] ', see suite/index.ts) and the workbench's errors,
  // except the offline noise (no extension gallery here).
  workbenchLog = fs.createWriteStream(path.join(resultsDir, 'host-web-workbench.log'));
  const noise = /ENOTFOUND|getaddrinfo|\[Service Worker\]|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED/;
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = typeof message === 'string' ? message
      : Array.isArray(message) ? message.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')
        : JSON.stringify(message);
    workbenchLog.write(`[${level}] ${text}\n`);
    onLogLine(level, text);
    if (text.startsWith('[ext] ')) {
      console.log(text.slice(6));
    } else if (verbose) {
      console.log(`[workbench ${level}] ${text}`);
    } else if (level === 'error' && !suiteDone && !noise.test(text)) {
      // First lines only; the whole stack is in host-web-workbench.log.
      const lines = text.split('\n');
      console.log(`[workbench error] ${lines.slice(0, 3).join('\n')}${lines.length > 3 ? '\n    ...' : ''}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    resolveExit({ code: Number(code) });
  });

  page.on('pageerror', (err) => { if (verbose) log(`page error: ${err.message}`); });
  page.on('crash', () => resolveExit({ code: 1, reason: 'the page crashed' }));
  page.on('close', () => resolveExit({ code: 1, reason: 'the page closed' }));

  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${repoRoot}`],
    ['extensionTestsPath', `vscode-remote://127.0.0.1:${port}${testsPath}`],
    ['skipWelcome', 'true'],
  ];
  const url = `${base}/?folder=${encodeURIComponent(workspaceDir)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`opening the workbench on ${workspaceDir}`);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: Math.max(1000, deadline - Date.now()) });

  let timer;
  const timedOut = new Promise((r) => {
    timer = setTimeout(() => r({ code: 1, reason: `time limit of ${timeoutSec}s reached (DOCKYARD_HOST_TIMEOUT)` }), Math.max(0, deadline - Date.now()));
  });
  const serverDied = serverExited.then((e) => ({ code: 1, reason: `the VS Code server exited: ${JSON.stringify(e)}` }));
  const result = await Promise.race([suiteExited, timedOut, serverDied]);
  clearTimeout(timer);
  await Promise.race([snapChain, sleep(15_000)]);
  if (result.reason) console.error(`[host-web] ERROR: ${result.reason}`);
  log(`suite finished with code ${result.code}`);
  return result.code === 0 ? 0 : 1;
}
