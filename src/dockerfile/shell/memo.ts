/**
 * Per-object memoization with one WeakMap lookup per call: every memoized
 * function gets a slot in an array stored once per key object (a simple
 * command, mostly). Rules ask the same recognisers about the same commands
 * many times per lint; a WeakMap `has` + `get` per recogniser and call showed
 * up in profiles. Keys must be immutable for the functions' purposes. Pure.
 */

const slots = new WeakMap<object, unknown[]>();
/** Stored for a computed `undefined` (a hole means "not computed yet"). */
const UNDEFINED = Symbol('undefined');
let nextSlot = 0;

export function memoByObject<K extends object, R>(f: (key: K) => R): (key: K) => R {
  const slot = nextSlot++;
  return (key) => {
    let row = slots.get(key);
    if (row === undefined) {
      row = [];
      slots.set(key, row);
    } else {
      const v = row[slot];
      if (v !== undefined) return (v === UNDEFINED ? undefined : v) as R;
    }
    const r = f(key);
    row[slot] = r === undefined ? UNDEFINED : r;
    return r;
  };
}
