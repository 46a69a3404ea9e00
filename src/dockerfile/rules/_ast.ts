/**
 * Defensive accessors for dockerfile-ast instruction parts that only some instruction classes have
 * (properties of ARG/ENV/LABEL, flags of FROM/COPY/ADD/RUN/HEALTHCHECK). Never throw.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Range } from '../../util/text';

export interface PropertyLike {
  getName(): string;
  getNameRange(): Range;
  getValue(): string | null;
  getValueRange(): Range | null;
}

export interface FlagOptionLike {
  getName(): string;
  getValue(): string | null;
  getValueRange(): Range | null;
}

export interface FlagLike {
  getName(): string;
  getNameRange(): Range;
  getRange(): Range;
  getValue(): string | null;
  getValueRange(): Range | null;
  getOptions(): FlagOptionLike[];
}

export function propertiesOf(node: Instruction): PropertyLike[] {
  const n = node as unknown as { getProperties?: () => PropertyLike[] };
  try {
    return typeof n.getProperties === 'function' ? n.getProperties() : [];
  } catch {
    return [];
  }
}

export function flagsOf(node: Instruction): FlagLike[] {
  const n = node as unknown as { getFlags?: () => FlagLike[] };
  try {
    return typeof n.getFlags === 'function' ? n.getFlags() : [];
  } catch {
    return [];
  }
}
