/** JSON report: the Report object, keys in a fixed order, so equal input gives byte-identical output. */
import type { Report } from '../model/index.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Arrays longer than this are split into one piece per element, at any depth. */
const SPLIT_ARRAY = 32;
/** Objects and arrays this close to the root are split into one piece per member. */
const SPLIT_DEPTH = 4;

/**
 * The JSON report in pieces whose concatenation is exactly `renderJson(report)`, so a large report
 * (hundreds of MB at 100k findings) can be written without ever holding it as one string.
 * Small values are pieces of their own, rendered by `JSON.stringify` and re-indented.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  yield* pieces(report, '', 0);
  yield '\n';
}

/** How JSON.stringify renders a value that sits in an array: undefined, functions and symbols become null. */
const inArray = (v: unknown): unknown => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v);
/** Object members JSON.stringify leaves out. */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  const splittable = typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (splittable && Array.isArray(value) && value.length && (depth < SPLIT_DEPTH || value.length > SPLIT_ARRAY)) {
    const inner = `${indent}  `;
    for (let i = 0; i < value.length; i++) {
      yield `${i ? ',' : '['}\n${inner}`;
      yield* pieces(inArray(value[i]), inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  if (splittable && !Array.isArray(value) && depth < SPLIT_DEPTH) {
    const inner = `${indent}  `;
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      if (omitted(v)) continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* pieces(v, inner, depth + 1);
    }
    yield first ? '{}' : `\n${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2);
  yield indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
}
