/**
 * LABEL helpers shared by DF110–DF113 (owned by the label rules). Pure.
 */
import type { Property, PropertyInstruction } from 'dockerfile-ast';
import type { Range } from '../../util/text';
import type { DockerfileModel, InstructionInfo, Stage } from '../model';

export interface LabelPair {
  readonly info: InstructionInfo;
  readonly prop: Property;
  /** Key after quote removal. */
  readonly name: string;
  readonly nameRange: Range;
  /** Value after quote removal; null when the pair has no value at all (`LABEL key`). */
  readonly value: string | null;
  readonly valueRange: Range | null;
  /** Written as `key=value` (as opposed to the legacy `LABEL key value`). */
  readonly assigned: boolean;
}

function pairsOf(info: InstructionInfo): LabelPair[] {
  const out: LabelPair[] = [];
  const node = info.node as unknown as Partial<PropertyInstruction>;
  if (typeof node.getProperties !== 'function') return out;
  let props: Property[];
  try {
    props = node.getProperties();
  } catch {
    return out;
  }
  for (const prop of props) {
    const name = prop.getName();
    if (!name) continue; // `LABEL a =b` leaves a nameless pair: a syntax problem, not ours
    out.push({
      info,
      prop,
      name,
      nameRange: prop.getNameRange(),
      value: prop.getValue(),
      valueRange: prop.getValueRange(),
      assigned: prop.getAssignmentOperator() === '=',
    });
  }
  return out;
}

/** Every label pair in the file (ONBUILD LABEL triggers included). */
export function allLabelPairs(model: DockerfileModel): LabelPair[] {
  const out: LabelPair[] = [];
  for (const info of model.instructions) if (info.keyword === 'LABEL') out.push(...pairsOf(info));
  return out;
}

/** Labels a stage ends up with from this Dockerfile: its own plus those of the stages it builds on. */
export function stageLabels(stage: Stage): Map<string, LabelPair> {
  const chain: Stage[] = [];
  const seen = new Set<Stage>();
  for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.parent) {
    seen.add(s);
    chain.unshift(s);
  }
  const labels = new Map<string, LabelPair>();
  for (const s of chain) {
    for (const info of s.instructions) {
      if (info.keyword !== 'LABEL' || info.onbuild) continue;
      for (const p of pairsOf(info)) labels.set(p.name, p);
    }
  }
  return labels;
}

/** The raw source of a label key is the key itself, bare or in double quotes (no escapes to worry about). */
export function plainKeyRaw(raw: string, name: string): boolean {
  return raw === name || raw === `"${name}"` || raw === `'${name}'`;
}
