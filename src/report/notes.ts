/**
 * The report's notes, summarised: files that were skipped or read in a special way, grouped by reason,
 * and files with lines that did not parse, as one group (worst first). Empty files are not notes. Pure;
 * the text, Markdown and HTML reports render the groups (one line each in text, a collapsible list in HTML).
 */
import type { FileEntry, Report } from '../model/index.js';
import { byCodePoint } from '../util/order.js';

export interface NoteItem {
  path: string;
  /** The full reason, or for parse errors the failing line ranges. */
  detail: string;
  /** How bad: lines that did not parse (0 for other notes). */
  weight: number;
}

export interface NoteGroup {
  kind: 'skipped' | 'read' | 'parse';
  /** The reason shared by the group (its class: details in parentheses dropped). */
  reason: string;
  items: NoteItem[];
}

/** Notes that say nothing worth a reader's time. */
const NOT_A_NOTE = new Set(['empty file']);

/** "larger than the size limit (5 > 4 bytes; …)" -> "larger than the size limit". */
export function reasonClass(reason: string): string {
  const cut = reason.search(/\s*[(:]/);
  return (cut > 0 ? reason.slice(0, cut) : reason).trim();
}

/** Line ranges: [1,2,3,7] -> "1-3,7". */
export function lineRanges(lines: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1]! === lines[j]! + 1) j++;
    out.push(i === j ? `${lines[i]}` : `${lines[i]}-${lines[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

function grouped(kind: NoteGroup['kind'], files: FileEntry[]): NoteGroup[] {
  const groups = new Map<string, NoteItem[]>();
  for (const f of files) {
    const reason = f.reason ?? '';
    const key = reasonClass(reason);
    const list = groups.get(key) ?? [];
    list.push({ path: f.path, detail: reason, weight: 0 });
    groups.set(key, list);
  }
  return [...groups].map(([reason, items]) => ({ kind, reason, items })).sort((a, b) => b.items.length - a.items.length || byCodePoint(a.reason, b.reason));
}

/** The note groups of a report: skipped files by reason, files read specially by reason, then parse errors. */
export function noteGroups(report: Pick<Report, 'files'>): NoteGroup[] {
  const skipped = report.files.filter((f) => f.status === 'skipped');
  const read = report.files.filter((f) => f.status === 'scanned' && f.reason && !NOT_A_NOTE.has(f.reason));
  const broken = report.files
    .filter((f) => f.parseErrorLines?.length)
    .map((f) => ({ path: f.path, detail: lineRanges(f.parseErrorLines!), weight: f.parseErrorLines!.length }))
    .sort((a, b) => b.weight - a.weight || byCodePoint(a.path, b.path));
  const out = [...grouped('skipped', skipped), ...grouped('read', read)];
  if (broken.length) out.push({ kind: 'parse', reason: 'did not parse', items: broken });
  return out;
}
