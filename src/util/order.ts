/** Orderings that are the same on every machine: strings by code point, never by the locale's collation. */

/** Code-point order of two strings (what `<` does on strings): independent of LANG and LC_ALL. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
