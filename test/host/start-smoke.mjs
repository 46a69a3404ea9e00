#!/usr/bin/env node
// Smoke test of scripts/start.sh, as a new user would use it: runs it on a free port, opens the
// printed URL in headless Chromium, checks that the Extensions view lists Dockyard as installed,
// opens the demo Dockerfile, saves test-results/screenshots/start-*.png, then stops it with SIGTERM.
// Usage: node test/host/start-smoke.mjs [--no-package]   (prints `start-smoke: N passed, M failed`)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = path.join(repoRoot, 'test-results', 'screenshots');
const chromiumPath = process.env.DOCKYARD_CHROMIUM || '/usr/bin/chromium';
const limitMs = Number(process.env.DOCKYARD_START_TIMEOUT || 900) * 1000;
fs.mkdirSync(shots, { recursive: true });

const port = await new Promise((resolve, reject) => {
  const s = net.createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});

const child = spawn('bash', [path.join(repoRoot, 'scripts', 'start.sh'), '--port', String(port), ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let exited = false;
child.on('exit', () => { exited = true; });

let ok = false;
let browser;
try {
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('start.sh printed no URL in time')), limitMs);
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      buf += d;
      const m = /Open:\s+(\S+)/.exec(buf);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`start.sh exited (code ${code}) before printing a URL`)); });
  });
  console.log(`[start-smoke] opening ${url}`);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForTimeout(3000);

  await page.keyboard.press('Control+Shift+X');
  await page.waitForSelector('.extensions-viewlet', { timeout: 20_000 });
  await page.keyboard.type('@installed dockyard');
  const item = page.locator('.extensions-viewlet .extension-list-item .name', { hasText: 'Dockyard' });
  await item.first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(shots, 'start-extensions.png') });

  await page.keyboard.press('Control+P');
  await page.waitForTimeout(800);
  await page.keyboard.type('Dockerfile');
  await page.waitForTimeout(1000);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 20_000 });
  await page.waitForTimeout(3000);
  await page.screenshot({ path: path.join(shots, 'start-dockerfile.png') });
  console.log('[start-smoke] Dockyard is installed; screenshots in test-results/screenshots/start-*.png');
  ok = true;
} catch (err) {
  console.error(`[start-smoke] ERROR: ${err.message}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (!exited) {
    child.kill('SIGTERM'); // start.sh stops its server (process group) on TERM
    await new Promise((r) => { if (exited) r(); else child.once('exit', r); setTimeout(r, 15_000); });
  }
}
console.log(`start-smoke: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
