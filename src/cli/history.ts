/**
 * `scan --history FILE`: one JSON line per scan (date, git commit, per-target percent migrated, CUDA uses
 * remaining and likely effort hours), appended to FILE; the report's progress section gets the points so
 * the reporters can chart them (docs/progress.md). The only I/O of the progress feature.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PROGRESS_DEFINITION } from '../match/progress.js';
import type { HistoryPoint, Report } from '../model/index.js';
import { VENDORS } from '../model/index.js';
import { UsageError } from '../util/errors.js';
import { readRegularText, RefusedFile, writeOutOfRoot } from '../util/read-file.js';

/** A history file larger than this is refused (a line is about 300 bytes: a scan a minute for years). */
export const MAX_HISTORY_SIZE = 256 * 1024 * 1024;
const HISTORY_HINT = 'give --history a file path in a writable folder (one JSON line per scan is appended)';

/** `git rev-parse HEAD` in `cwd`, or undefined outside a git work tree (or without git). */
export function gitCommit(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** This scan as a history point (pure): per target, percent migrated, CUDA uses left and likely effort hours. */
export function historyPoint(report: Report, date: string, commit?: string): HistoryPoint {
  const targets: HistoryPoint['targets'] = {};
  for (const t of report.targets) {
    const p = report.progress?.byTarget.find((x) => x.target === t.id);
    const remaining = p ? p.cudaRemaining : report.summary.findings;
    const entry: { percent: number; cudaRemaining: number; effortHours?: number } = { percent: p?.percent ?? 0, cudaRemaining: remaining };
    const effort = report.effort?.targets.find((x) => x.target === t.id);
    if (effort) entry.effortHours = Math.round(effort.total.likely * 10) / 10;
    targets[t.id] = entry;
  }
  const point: HistoryPoint = { date, targets };
  if (commit) point.commit = commit;
  return point;
}

/**
 * History lines written before report schema 2 key their targets by vendor (`ascend`); read those keys as the
 * vendor's default profile, so one history keeps one line per target across the upgrade.
 */
export function upgradeHistoryPoint(p: HistoryPoint, defaults: Readonly<Record<string, string>>): HistoryPoint {
  if (!Object.keys(p.targets).some((k) => (VENDORS as readonly string[]).includes(k))) return p;
  const targets: HistoryPoint['targets'] = {};
  for (const [k, v] of Object.entries(p.targets)) targets[defaults[k] ?? k] = v;
  return { ...p, targets };
}

/** Parses a history file's JSON lines; a bad line is an input error naming the file and line. */
export function parseHistory(text: string, file: string): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const p = JSON.parse(line) as HistoryPoint;
      if (typeof p.date !== 'string' || typeof p.targets !== 'object' || p.targets === null) throw new Error('missing date or targets');
      out.push(p);
    } catch (e) {
      throw new UsageError(`${file}:${i + 1}: not a history line (${(e as Error).message})`, 'the history file holds one JSON object per line as written by --history; fix or remove that line');
    }
  });
  return out;
}

/**
 * Appends this scan to the history file and returns the report with `progress.history` (earlier points,
 * then this one). A report without a progress section gets one holding only the history.
 */
export function recordHistory(report: Report, file: string, scanPath: string, defaults: Readonly<Record<string, string>>, now: Date = new Date()): Report {
  // The history file usually lives in the scanned tree: never read or written through a link out of it.
  const root = resolve((report.root as string | undefined) ?? scanPath);
  const refused = writeOutOfRoot(file, root);
  if (refused) throw new UsageError(`cannot use history file ${file}: it ${refused}`, HISTORY_HINT);
  let text = '';
  try {
    text = readRegularText(file, { maxBytes: MAX_HISTORY_SIZE, root });
  } catch (e) {
    if (!(e instanceof RefusedFile)) throw e;
    // Not there yet: this scan starts it (a path under a file fails below, when appending).
    if (e.code !== 'ENOENT' && e.code !== 'ENOTDIR') throw new UsageError(`cannot read history file ${file}: it ${e.reason}`, HISTORY_HINT);
  }
  const earlier = parseHistory(text, file).map((p) => upgradeHistoryPoint(p, defaults));
  const abs = resolve(scanPath);
  const cwd = existsSync(abs) && !statSync(abs).isDirectory() ? dirname(abs) : abs;
  const point = historyPoint(report, now.toISOString(), gitCommit(cwd));
  try {
    appendFileSync(file, `${JSON.stringify(point)}\n`);
  } catch (e) {
    throw new UsageError(`cannot write history file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, HISTORY_HINT);
  }
  const history = [...earlier, point];
  const progress = report.progress ?? { definition: PROGRESS_DEFINITION, byTarget: [] };
  return { ...report, progress: { ...progress, history } };
}
