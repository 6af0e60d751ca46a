/** Changed lines from `git diff -U0` output: the added side of each hunk, per file. */

/** Inclusive line ranges in the new version of a file; 'all' for a file that is new as a whole (untracked). */
export type ChangedLines = [number, number][] | 'all';

/** Undo git's C-style quoting of unusual paths: "a\tb" -> a<TAB>b. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const inner = path.slice(1, path.endsWith('"') ? -1 : undefined);
  const bytes: number[] = [];
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = inner[++i] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(inner.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(({ n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 } as Record<string, number>)[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Parse a unified diff made with `--src-prefix=a/ --dst-prefix=b/`: for each file, the ranges of lines
 * added or changed in the new version. Deleted files and pure deletions add nothing.
 */
export function parseUnifiedDiff(text: string): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  let current: [number, number][] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = unquote(line.slice(4).replace(/\t.*$/, ''));
      if (target === '/dev/null') {
        current = undefined;
        continue;
      }
      const path = target.replace(/^"?b\//, '');
      current = out.get(path) ?? [];
      out.set(path, current);
      continue;
    }
    const m = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (m && current) {
      const start = Number(m[1]);
      const count = m[2] === undefined ? 1 : Number(m[2]);
      if (count > 0) current.push([start, start + count - 1]);
    }
  }
  return out;
}

export function onChangedLine(changed: ChangedLines | undefined, line: number): boolean {
  if (changed === undefined) return false;
  if (changed === 'all') return true;
  return changed.some(([s, e]) => line >= s && line <= e);
}
