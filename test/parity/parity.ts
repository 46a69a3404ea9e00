/**
 * `npm run parity -- <hadolint-cases.json> [--json] [--show-disagreements] [--write-docs]`
 *
 * Prints, per hadolint rule id, how many of hadolint's own test cases we agree
 * on. A report: exits 0 whatever the agreement, 2 only when the input cannot be
 * read. `--write-docs` also replaces the parity table in docs/benchmarks.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from '../../src/cli/packageInfo';
import { replaceSection } from '../bench/docsSection';
import { disagreementsText, parityMarkdown, parseCases, runParity } from './parityLib';

const USAGE = 'usage: npm run parity -- [cases.json] [--json] [--show-disagreements] [--write-docs]\n';

function main(argv: string[]): number {
  let file: string | undefined;
  let json = false;
  let show = false;
  let writeDocs = false;
  for (const a of argv) {
    if (a === '--json') json = true;
    else if (a === '--show-disagreements') show = true;
    else if (a === '--write-docs') writeDocs = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      process.stderr.write(`parity: unknown option ${a}\n${USAGE}`);
      return 2;
    } else file = a;
  }
  file ??= path.join(packageRoot() ?? process.cwd(), '..', 'shared', 'parity', 'hadolint-cases.json');

  let cases;
  try {
    cases = parseCases(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`parity: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }

  const t0 = process.hrtime.bigint();
  const report = runParity(cases);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;

  if (json) {
    process.stdout.write(
      JSON.stringify(
        {
          source: file,
          rules: report.ruleCount,
          cases: cases.length,
          total: report.total,
          rows: report.rows,
          unmapped: report.unmapped,
          ...(show
            ? {
                disagreements: report.outcomes
                  .filter((o) => !o.agree)
                  .map((o) => ({
                    id: o.case.id,
                    kind: o.kind,
                    codes: o.codes,
                    expect: o.case.expect,
                    count: o.case.count,
                    onbuild: o.case.onbuild,
                    text: o.text,
                    findings: o.findings.map((f) => ({ code: f.code, line: f.range.start.line + 1, message: f.message })),
                    errors: o.errors,
                  })),
              }
            : {}),
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    const md = parityMarkdown(report, cases.length);
    process.stdout.write(`# Parity with hadolint (${cases.length} cases from ${path.basename(file)}; ${report.ruleCount} rules; ${ms.toFixed(0)} ms)\n\n`);
    process.stdout.write(md + '\n');
    const failures = report.outcomes.filter((o) => o.errors.length);
    if (failures.length) {
      process.stdout.write(`\nRule failures (internal errors) in ${failures.length} case(s):\n`);
      for (const o of failures) process.stdout.write(`  ${o.case.id}: ${o.errors.join('; ')}\n`);
    }
    if (show) process.stdout.write('\n# Disagreements\n\n' + disagreementsText(report) + '\n');
    else process.stdout.write('\n(--show-disagreements lists each disagreeing case)\n');
  }

  if (writeDocs) {
    const root = packageRoot();
    const doc = root ? path.join(root, 'docs', 'benchmarks.md') : undefined;
    const body =
      `Command: \`npm run parity -- ../shared/parity/hadolint-cases.json\` (${cases.length} cases, ${report.ruleCount} rules at the time of the run).\n\n` +
      parityMarkdown(report, cases.length);
    const r = doc && fs.existsSync(doc) ? replaceSection(doc, 'parity', body) : 'missing-markers';
    process.stderr.write(r === 'replaced' ? `parity: updated ${doc}\n` : 'parity: docs/benchmarks.md has no <!-- parity:begin/end --> markers; not updated\n');
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
