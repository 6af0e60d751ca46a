/** Components: the folders a report groups files by. */

/** The component of a path: its first `depth` folders; files at the root are component ".". */
export function componentOf(path: string, depth = 1): string {
  const folders = path.split('/').slice(0, -1);
  return folders.length ? folders.slice(0, depth).join('/') : '.';
}
