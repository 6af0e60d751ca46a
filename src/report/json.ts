/** JSON report: the Report object, keys in a fixed order, so equal input gives byte-identical output. */
import type { Report } from '../model/index.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Arrays longer than this are rendered in batches of BATCH elements. */
const SPLIT_ARRAY = 32;
/** Objects and short arrays this close to the root are split into one piece per member. */
const SPLIT_DEPTH = 4;
const BATCH = 1024;

/**
 * The JSON report in pieces whose concatenation is exactly `renderJson(report)`, so a large report
 * (hundreds of MB at 100k findings) can be written without ever holding it as one string.
 * Long arrays (findings, effort items) are rendered by `JSON.stringify` a batch of elements at a
 * time, and re-indented.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  yield* pieces(report, '', 0);
  yield '\n';
}

/** How JSON.stringify renders a value that sits in an array: undefined, functions and symbols become null. */
const inArray = (v: unknown): unknown => (v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v);
/** Object members JSON.stringify leaves out. */
const omitted = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** A value as JSON.stringify(value, null, 2) renders it, indented to sit at `indent`. */
function leaf(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return indent && text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
}

function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  const splittable = typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (splittable && Array.isArray(value) && value.length > SPLIT_ARRAY) {
    // A batch is rendered inside single-element arrays, as deep as this array sits, so that
    // JSON.stringify indents it as it belongs here; the wrappers are then cut off (no re-indenting copy).
    const levels = indent.length / 2;
    let open = '';
    let close = '';
    for (let j = 0; j < levels; j++) {
      open += `[\n${'  '.repeat(j + 1)}`;
      close = `\n${'  '.repeat(j)}]${close}`;
    }
    open += '[\n';
    close = `\n${indent}]${close}`;
    yield '[\n';
    for (let i = 0; i < value.length; i += BATCH) {
      let wrapped: unknown = value.slice(i, i + BATCH);
      for (let j = 0; j < levels; j++) wrapped = [wrapped];
      const text = JSON.stringify(wrapped, null, 2);
      yield `${i ? ',\n' : ''}${text.slice(open.length, text.length - close.length)}`;
    }
    yield `\n${indent}]`;
    return;
  }
  if (splittable && Array.isArray(value) && value.length && depth < SPLIT_DEPTH) {
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
  yield leaf(value, indent);
}
