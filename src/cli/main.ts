/**
 * Entry point of the `dockyard` CLI (bundled to dist/cli.js; bin/dockyard.js
 * requires it). Runs on load: everything else is in `cli.ts`.
 */
import { runMain } from './cli';

// `dockyard lint | head`: a closed pipe is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

void runMain(process.argv.slice(2), {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
}).then((code) => {
  // exitCode (not exit()) so piped output is flushed before the process ends.
  process.exitCode = code;
});
