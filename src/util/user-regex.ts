/**
 * Regular expressions a user writes (the `snippet` of an effort incompatibility category in the config file) run
 * on a linear-time engine, so no pattern can take minutes: `(a+)+$` on a long line is as fast as `a`. V8 ships one
 * (the `l` flag, behind --enable-experimental-regexp-engine, switched on here once); it refuses what cannot run
 * in linear time (backreferences, lookaround, huge repetition counts), and such a pattern is an input error.
 *
 * alt: a static check for nested quantifiers (safe-regex style) was rejected as the main line: it misses
 * polynomial cases like `.*.*.*.*x` and rejects harmless ones. It remains the fallback should a Node release drop
 * the linear engine, together with the length limit.
 */
import { setFlagsFromString } from 'node:v8';

/** Longer patterns are refused (a snippet pattern is a few alternatives). */
export const MAX_USER_REGEX_LENGTH = 1000;

let linear: boolean | undefined;

/** V8's linear-time flag (a variable: the lint rule does not know it). */
const LINEAR = 'l';

/** Whether V8's linear-time engine can be used (turned on at the first call). */
export function linearEngine(): boolean {
  if (linear === undefined) {
    try {
      new RegExp('', LINEAR);
      linear = true;
    } catch {
      try {
        setFlagsFromString('--enable-experimental-regexp-engine');
        new RegExp('', LINEAR);
        linear = true;
      } catch {
        linear = false;
      }
    }
  }
  return linear;
}

/**
 * Without the linear engine: refuse what backtracks badly, i.e. a quantified group that holds a quantifier or an
 * alternation (`(a+)+`, `(a|a)*`), backreferences and lookaround. Returns why, or undefined.
 */
export function backtrackingRisk(pattern: string): string | undefined {
  if (/\\[1-9]|\\k</.test(pattern)) return 'uses a backreference';
  if (/\(\?<?[=!]/.test(pattern)) return 'uses lookaround';
  // Per open group: does it hold a quantifier or an alternation?
  const groups: boolean[] = [];
  let risky = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') groups.push(false);
    else if (c === '|' && groups.length) groups[groups.length - 1] = true;
    else if (c === ')') {
      const inner = groups.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === '*' || next === '+' || next === '?' || next === '{';
      if (inner && quantified && next !== '?') risky = true;
      if ((inner || quantified) && groups.length) groups[groups.length - 1] = true;
    } else if ((c === '*' || c === '+' || c === '{') && groups.length) groups[groups.length - 1] = true;
  }
  return risky ? 'repeats a group that itself repeats or alternates (nested quantifiers can take exponential time)' : undefined;
}

/** A user's pattern, compiled to run in linear time; throws an Error saying why it cannot be used. */
export function userRegex(pattern: string): RegExp {
  if (pattern.length > MAX_USER_REGEX_LENGTH) throw new Error(`is longer than ${MAX_USER_REGEX_LENGTH} characters`);
  if (linearEngine()) {
    try {
      return new RegExp(pattern, LINEAR);
    } catch (e) {
      const message = (e as Error).message;
      if (/linear time/.test(message)) {
        throw new Error('cannot run in linear time (backreferences, lookaround and very large repeat counts are not supported)');
      }
      throw new Error(`is not a valid regular expression (${message})`);
    }
  }
  let re: RegExp;
  try {
    re = new RegExp(pattern);
  } catch (e) {
    throw new Error(`is not a valid regular expression (${(e as Error).message})`);
  }
  const risk = backtrackingRisk(pattern);
  if (risk) throw new Error(risk);
  return re;
}
