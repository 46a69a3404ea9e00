/**
 * dockerfile-ast recomputes an instruction's arguments from the raw text on
 * every call (`getRawArguments` walks each character and builds ranges), and
 * both its parser and our rules ask many times per instruction: profiling
 * showed half of the parse time there. An instruction never changes after
 * parsing (the document text is fixed), so the result is memoized per
 * instance; callers get a copy of the array, so no caller can disturb another.
 * Installed once, when the linter module loads.
 */
import { Instruction } from 'dockerfile-ast';

const CACHE = Symbol('dockyard.rawArguments');
let installed = false;

export function installAstMemoization(): void {
  if (installed) return;
  installed = true;
  const proto = Instruction.prototype as unknown as Record<string, unknown>;
  const original = proto['getRawArguments'];
  if (typeof original !== 'function') return; // a future dockerfile-ast without it: nothing to speed up
  proto['getRawArguments'] = function (this: Record<symbol, unknown[] | undefined>): unknown[] {
    let v = this[CACHE];
    if (v === undefined) {
      v = (original as () => unknown[]).call(this);
      this[CACHE] = v;
    }
    return v.slice();
  };
}
