/**
 * Reading a file the tool did not write, safely: only regular files are read (a FIFO, socket or device is
 * refused by its type, never opened for a blocking read), reads are bounded, and a file that lies inside the
 * scanned tree but resolves out of it through a symbolic link is refused. Every file ascendify reads from a
 * scanned tree or a user-named path goes through here (sources, .gitignore, config, baseline, history, user
 * rules); docs/security.md states the promises.
 *
 * The one file of util/ that touches the file system (the lint config lists it), so that every layer that
 * reads (discover, config, catalog, ci, cli) shares the same rules.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';

/** What a directory entry is, in words, for "skipped" reasons and errors. */
export function fileKind(stat: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>): string {
  if (stat.isFile()) return 'regular file';
  if (stat.isDirectory()) return 'folder';
  if (stat.isFIFO()) return 'FIFO (named pipe)';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice()) return 'character device';
  if (stat.isBlockDevice()) return 'block device';
  if (stat.isSymbolicLink()) return 'symbolic link';
  return 'special file';
}

/** A file that was not read, and why (one phrase: "is a FIFO (named pipe), not a regular file"). */
export class RefusedFile extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** The errno code when the operating system refused (ENOENT, EACCES, …). */
    readonly code?: string,
  ) {
    super(`${path} ${reason}`);
    this.name = 'RefusedFile';
  }
}

/** `child` (an absolute, resolved path) is `root` or lies under it. */
export function isInside(root: string, child: string): boolean {
  return child === root || child.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Why a path that lies inside `root` (lexically) must not be read: it resolves, through a symbolic link in it or
 * in one of its folders, to a place outside the root. Undefined when it may be read (or lies outside the root:
 * a path the user names outside the tree is the user's own). A path that does not exist is not refused here.
 */
export function linkOutOfRoot(path: string, root: string): string | undefined {
  const abs = resolve(path);
  const lexicalRoot = resolve(root);
  let realRoot: string;
  try {
    realRoot = realpathSync(lexicalRoot);
  } catch {
    return undefined;
  }
  if (!isInside(lexicalRoot, abs) && !isInside(realRoot, abs)) return undefined;
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return undefined;
  }
  return isInside(realRoot, real) ? undefined : 'is a symbolic link to a location outside the scanned root';
}

// O_NONBLOCK: opening a FIFO swapped in after the type check returns at once instead of waiting for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export interface ReadOptions {
  /** Refuse files larger than this many bytes (and stop reading there if the file grows). */
  maxBytes: number;
  /** The scanned root: a path inside it that resolves out of it is refused. */
  root?: string;
  /** What the limit is called in the refusal ("raise it with --max-file-size"). */
  limitHint?: string;
}

/**
 * The bytes of a regular file, or a RefusedFile saying why not: not found, not readable, not a regular file
 * (by its type), a link out of the root, or larger than the limit. Never blocks on a FIFO or device.
 */
export function readRegularFile(path: string, options: ReadOptions): Buffer {
  if (options.root !== undefined) {
    const out = linkOutOfRoot(path, options.root);
    if (out) throw new RefusedFile(path, out);
  }
  const fail = (e: unknown): never => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new RefusedFile(path, 'does not exist', code);
    throw new RefusedFile(path, `is not readable (${code ?? (e as Error).message})`, code);
  };
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (e) {
    return fail(e);
  }
  if (!stat.isFile()) throw new RefusedFile(path, `is a ${fileKind(stat)}, not a regular file`);
  const tooLarge = (): RefusedFile => new RefusedFile(path, `is larger than the limit of ${options.maxBytes} bytes${options.limitHint ? ` (${options.limitHint})` : ''}`);
  if (stat.size > options.maxBytes) throw tooLarge();
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return fail(e);
  }
  try {
    const opened = fstatSync(fd);
    // The type again on what was opened: the entry may have been replaced since the check above.
    if (!opened.isFile()) throw new RefusedFile(path, `is a ${fileKind(opened)}, not a regular file`);
    if (opened.size > options.maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    // One byte past the limit tells a file that grew past it from one that ends there.
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(opened.size - total, 0) + 1, options.maxBytes + 1 - total, 1 << 20) || 1);
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') break;
        return fail(e);
      }
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > options.maxBytes) throw tooLarge();
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** readRegularFile as UTF-8 text. */
export function readRegularText(path: string, options: ReadOptions): string {
  return readRegularFile(path, options).toString('utf8');
}

/**
 * Why a file inside the scanned `root` must not be written: it is a symbolic link out of the root (or to nowhere),
 * it sits in a folder linked out of it, or it is not a regular file (opening a FIFO to write waits for a reader).
 * Undefined when it may be written, and for a path outside the root (the user's own place).
 */
export function writeOutOfRoot(path: string, root: string): string | undefined {
  const abs = resolve(path);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined;
  }
  if (!isInside(resolve(root), abs) && !isInside(realRoot, abs)) return undefined; // the user's own place
  let link = false;
  try {
    link = lstatSync(abs).isSymbolicLink();
  } catch {
    // does not exist yet: its folder decides
  }
  let real: string;
  try {
    real = link ? realpathSync(abs) : realpathSync(dirname(abs));
  } catch {
    return link ? 'is a symbolic link that leads nowhere' : undefined;
  }
  if (!isInside(realRoot, real)) return 'is a symbolic link (or in a folder linked) to a location outside the scanned root';
  try {
    const stat = statSync(abs);
    if (!stat.isFile()) return `is a ${fileKind(stat)}, not a regular file`;
  } catch {
    // does not exist yet
  }
  return undefined;
}

