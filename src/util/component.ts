/** Components: the folders a report groups files by. */

/** Per depth, path -> component: reports ask once per finding, for a few thousand distinct paths. */
const memo = new Map<number, Map<string, string>>();

/** The component of a path: its first `depth` folders; files at the root are component ".". */
export function componentOf(path: string, depth = 1): string {
  let byPath = memo.get(depth);
  if (!byPath) memo.set(depth, (byPath = new Map()));
  let c = byPath.get(path);
  if (c === undefined) {
    const folders = path.split('/').slice(0, -1);
    c = folders.length ? folders.slice(0, depth).join('/') : '.';
    if (byPath.size > 100_000) byPath.clear();
    byPath.set(path, c);
  }
  return c;
}
