/**
 * The Compose rule catalogue: what `dockyard rules`, SARIF rule metadata and
 * `.dockyard.yaml` validation know about Compose findings. CM000 (YAML syntax,
 * checked in `lint.ts`) and CM001 (the schema, `schema/`) are metadata here;
 * CM002 and up are rule files in `rules/` (one per rule, generated index).
 */
import type { RuleMeta } from '../dockerfile/types';
import { ALL_RULES } from './rules';

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

/** The rules with a check of their own (CM002 and up). */
export const COMPOSE_CHECK_RULES = ALL_RULES;

export const COMPOSE_RULES: readonly RuleMeta[] = [CM000, CM001, ...ALL_RULES];
