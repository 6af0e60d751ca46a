/**
 * Globs (--exclude, the config's `ignore.paths`) matched in linear time. picomatch defines what a glob means and
 * writes the regular expression; that expression runs on V8's linear-time engine (src/util/user-regex.ts), since
 * picomatch's own is polynomial in the number of wildcards: `**\/a/**\/a/**\/a/**\/a/**\/a/b` against a 400-character
 * path took 30 s, so a config in a scanned tree could stall a scan.
 *
 * The linear engine has no lookaround. picomatch uses it, with `dot: true`, only to refuse `.` and `..` segments and
 * empty matches; the paths matched here are relative paths of the scan (no `.`, `..` or empty segments, never
 * empty), on which those guards never decide, so they are dropped. A glob that still needs lookaround (a negation:
 * `!x`, `!(x)`) is refused. A glob whose expression has a single unbounded repetition cannot backtrack badly and
 * runs on the ordinary engine, which is faster per call.
 */
import picomatch from 'picomatch';
import { linearEngine, MAX_USER_REGEX_LENGTH } from './user-regex.js';

/** The lookarounds picomatch writes for `dot: true` that cannot decide on a scan's relative paths. */
const PATH_GUARDS = ['(?!(?:^|\\/)\\.{1,2}(?:\\/|$))', '(?!\\.{1,2}(?:\\/|$))', '(?=.)'];

const LINEAR = 'l';

/** One glob as a test on relative paths; throws an Error saying why the glob cannot be used. */
export function globTest(glob: string): (path: string) => boolean {
  if (glob.length > MAX_USER_REGEX_LENGTH) throw new Error(`is longer than ${MAX_USER_REGEX_LENGTH} characters`);
  const re = picomatch.makeRe(glob, { dot: true });
  if (!linearEngine()) {
    const slow = picomatch(glob, { dot: true });
    return (path) => slow(path);
  }
  let source = re.source;
  for (const guard of PATH_GUARDS) source = source.split(guard).join('');
  let linear: RegExp;
  try {
    linear = new RegExp(source, re.flags.replace(LINEAR, '') + LINEAR);
  } catch {
    throw new Error('uses a negation (! or !(…)), which cannot be matched in linear time; list what to match instead');
  }
  // One unbounded repetition cannot backtrack badly (a test is linear in the path), and the ordinary engine is
  // several times faster per call: `third_party/**`, `*.cu`. More (`**/*_test.cu`) run on the linear engine.
  if ((source.match(/[*+]/g) ?? []).length - (source.match(/\\[*+]/g) ?? []).length <= 1) {
    const fast = new RegExp(source, re.flags.replace(LINEAR, ''));
    return (path) => fast.test(path);
  }
  return (path) => linear.test(path);
}

/** Several globs: does any match? Throws like globTest, with the glob named. */
export function globsTest(globs: readonly string[]): (path: string) => boolean {
  const tests = globs.map((g) => {
    try {
      return globTest(g);
    } catch (e) {
      throw new Error(`glob ${JSON.stringify(g)} ${(e as Error).message}`);
    }
  });
  return (path) => tests.some((t) => t(path));
}
