// Writes docs/rules/README.md (the rule index) from the rules' metadata, and the same table into
// README.md between the "rule-index" markers. Run after a build: `npm run docs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { ALL_RULES } = require(join(root, 'out/src/dockerfile/rules/index.js'));
const { COMPOSE_RULES } = require(join(root, 'out/src/compose/catalog.js'));

const fixText = { yes: '✔', partial: '~', no: '' };
const anchors = (r) =>
  [...(r.anchors?.hadolint ?? []), ...(r.anchors?.buildkit ?? []), ...(r.code.startsWith('CM') ? (r.anchors?.other ?? []) : [])].join(', ').replace(/\|/g, '\\|');
const rows = (link, rules = ALL_RULES) =>
  rules.map((r) => `| [${r.code}](${link}${r.code}.md) | ${r.name} | ${r.defaultSeverity} | ${fixText[r.fix]} | ${r.title.replace(/\|/g, '\\|')} | ${anchors(r)} |`);
const header = ['| Code | Name | Default | Fix | Detects | hadolint / BuildKit |', '|---|---|---|---|---|---|'];
const composeHeader = ['| Code | Name | Default | Fix | Detects | Same as |', '|---|---|---|---|---|---|'];

const index = [
  '# Dockerfile rules',
  '',
  `${ALL_RULES.length} rules. Severity can be changed per rule in \`.dockyard.yaml\` or the \`dockyard.rules\` setting;`,
  '`off` rules are available once given a severity. Fix: ✔ quick fix, ~ quick fix in the simple cases.',
  'Suppress one with `# dockyard-ignore=CODE` on the line above the instruction, or `# dockyard-ignore-file=CODE`;',
  '`# hadolint ignore=DLxxxx` and `# check=skip=<BuildKit check>` are honoured through the ids in the last column.',
  '',
  ...header,
  ...rows(''),
  '',
  '# Compose rules',
  '',
  `${COMPOSE_RULES.length} rules: CM000 is the YAML parser, CM001 the Compose Specification schema, the others read the`,
  'project as Compose does (`.env` interpolation, override files, `include:`, `extends`) and, in a trusted workspace,',
  'the files it refers to. Suppress with `# dockyard-ignore=CODE` on the line above, or `# dockyard-ignore-file=CODE`.',
  '',
  ...composeHeader,
  ...rows('', COMPOSE_RULES),
  '',
].join('\n');
writeFileSync(join(root, 'docs/rules/README.md'), index);

const readmePath = join(root, 'README.md');
let readme = readFileSync(readmePath, 'utf8');
const start = '<!-- rule-index:start -->';
const end = '<!-- rule-index:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a >= 0 && b > a) {
  readme = readme.slice(0, a + start.length) + '\n' + [...header, ...rows('docs/rules/'), '', ...composeHeader, ...rows('docs/rules/', COMPOSE_RULES)].join('\n') + '\n' + readme.slice(b);
  writeFileSync(readmePath, readme);
}
console.log(`documented ${ALL_RULES.length} Dockerfile and ${COMPOSE_RULES.length} compose rules`);
