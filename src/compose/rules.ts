/**
 * The Compose rule catalogue (metadata only, no checks): what `dockyard rules`,
 * SARIF rule metadata and `.dockyard.yaml` validation know about Compose
 * findings. The checks are in `lint.ts` (CM000) and `schema/` (CM001).
 * Dependency-free so the config code can import it cheaply.
 */
import type { RuleMeta } from '../dockerfile/types';

export const CM000: RuleMeta = {
  code: 'CM000',
  name: 'yaml-syntax',
  title: 'YAML syntax error',
  defaultSeverity: 'error',
  fix: 'no',
};

export const CM001: RuleMeta = {
  code: 'CM001',
  name: 'compose-schema',
  title: 'Compose file does not match the Compose Specification schema (unknown key, wrong type, invalid value)',
  defaultSeverity: 'error',
  fix: 'partial',
};

export const COMPOSE_RULES: readonly RuleMeta[] = [CM000, CM001];
