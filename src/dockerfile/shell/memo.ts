/**
 * Per-object memoization: every memoized function gets a slot in a row stored
 * once per key object (a simple command, mostly). Rules ask the same
 * recognisers about the same commands many times per lint (about a thousand
 * calls per median file), so the lookup must be cheap: commands and scripts made
 * by `parseShell` carry their row in a symbol-keyed field (`MEMO_ROW`, invisible
 * to JSON and `Object.keys`); other keys use a WeakMap (adding keys to it is slow). A row's first element
 * is its owner, so a copy of a command (`{ ...cmd }`, which copies the field)
 * gets its own row. Keys must be immutable for the functions' purposes. Pure.
 */

/** Field of parser-made commands that holds their row (`undefined` until first used). */
export const MEMO_ROW: unique symbol = Symbol('memo row');

type Row = unknown[];
type WithRow = { [MEMO_ROW]?: Row };

const slots = new WeakMap<object, Row>();
/** Stored for a computed `undefined` (a hole means "not computed yet"). */
const UNDEFINED = Symbol('undefined');
/** Slot 0 of a row is its owner. */
let nextSlot = 1;

/**
 * A row with room for every slot handed out so far (all memoized functions are made when their
 * modules load): `[key]` grew, and was copied, as the recognisers filled it.
 */
function newRow(key: object): Row {
  const row: Row = new Array(nextSlot);
  row[0] = key;
  return row;
}

function rowOf(key: object): Row {
  if (Object.prototype.hasOwnProperty.call(key, MEMO_ROW)) {
    const own = (key as WithRow)[MEMO_ROW];
    if (own === undefined || own[0] !== key) {
      const row = newRow(key);
      (key as WithRow)[MEMO_ROW] = row;
      return row;
    }
    return own;
  }
  let row = slots.get(key);
  if (row === undefined) {
    row = newRow(key);
    slots.set(key, row);
  }
  return row;
}

export function memoByObject<K extends object, R>(f: (key: K) => R): (key: K) => R {
  const slot = nextSlot++;
  return (key) => {
    let row = (key as WithRow)[MEMO_ROW];
    if (row === undefined || row[0] !== key) row = rowOf(key);
    const v = row[slot];
    if (v !== undefined) return (v === UNDEFINED ? undefined : v) as R;
    const r = f(key);
    row[slot] = r === undefined ? UNDEFINED : r;
    return r;
  };
}
