/**
 * Dumps, for every compose file of a corpus, the `lintCompose` findings (all
 * rules, file-system workspace) and the `loadProject` diagnostics and model
 * as JSON lines, so a change to the YAML front end can be checked to leave
 * every output byte-identical:
 *
 *   esbuild test/bench/composeFindings.ts --bundle --platform=node --packages=external --outfile=out/bench/composeFindings.js
 *   node out/bench/composeFindings.js ../shared/corpus > before.jsonl
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintCompose } from '../../src/compose/lint';
import { loadProject } from '../../src/compose/project';
import { FsWorkspace } from '../../src/util/fsWorkspace';
import { generateCompose, listComposeFiles } from './compose';

const slash = (p: string): string => p.split(path.sep).join('/');

async function main(dir: string): Promise<void> {
  const inputs = listComposeFiles(dir).map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }));
  inputs.push({ file: path.join(dir, 'generated-200.yaml'), text: generateCompose(200) });
  const memory = new Map(inputs.map((i) => [slash(i.file), i.text.charCodeAt(0) === 0xfeff ? i.text.slice(1) : i.text]));
  for (const { file, text } of inputs) {
    const name = path.basename(file);
    const r = lintCompose(text, { filePath: file, workspace: new FsWorkspace(path.dirname(file)) });
    process.stdout.write(JSON.stringify({ file: name, findings: r.findings, errors: r.errors }) + '\n');
    const p = await loadProject({ files: [slash(file)], workingDir: slash(path.dirname(file)), env: {}, readFile: (q) => memory.get(q) });
    process.stdout.write(JSON.stringify({ file: name, project: p }) + '\n');
  }
}

void main(path.resolve(process.argv[2] ?? '../shared/corpus'));
