/**
 * The status vocabulary, in one place: order, blockers, labels, colours, severity, SARIF levels and
 * the text of an answer. Every stage and reporter asks here instead of spelling a status rule again.
 */
import type { Severity, Status } from './catalog.js';

/** Worst first: the order the gate, the summaries and "worst status" use. */
export const STATUSES: readonly Status[] = ['unknown', 'none', 'rewrite', 'partial', 'direct'];

/** Best first: the order tables and legends list statuses in. */
export const DISPLAY_ORDER: readonly Status[] = ['direct', 'partial', 'rewrite', 'none', 'unknown'];

/** 0 for the worst status (`unknown`), 4 for `direct`. */
export function statusRank(status: Status): number {
  return STATUSES.indexOf(status);
}

/** The worst of some statuses; `unknown` when there are none. */
export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status | undefined;
  for (const s of statuses) if (worst === undefined || statusRank(s) < statusRank(worst)) worst = s;
  return worst ?? 'unknown';
}

/** Is `status` the threshold or worse (the gate's test)? */
export function atOrWorse(status: Status, threshold: Status): boolean {
  return statusRank(status) <= statusRank(threshold);
}

/** Read a status written by a user (`--fail-on`, `--status`); undefined when it is not one. */
export function parseStatus(value: string): Status | undefined {
  const v = value.trim().toLowerCase();
  return (STATUSES as readonly string[]).includes(v) ? (v as Status) : undefined;
}

/** No counterpart, or the code must be re-expressed: what blocks a plain port. */
export function isBlocker(status: Status): boolean {
  return status === 'none' || status === 'rewrite';
}

/** How a status reads in reports. */
export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  direct: 'direct',
  partial: 'partial',
  rewrite: 'rewrite',
  none: 'no equivalent',
  unknown: 'unknown',
};

/** What a status means, one line each (legends and report footers). */
export const STATUS_MEANING: Readonly<Record<Status, string>> = {
  direct: 'a one-to-one replacement (arguments may be reordered)',
  partial: 'a similar facility that differs in arguments or behaviour: review and adapt',
  rewrite: 'the code must be re-expressed, usually as a kernel in the target model',
  none: 'no counterpart: design a replacement',
  unknown: 'not in the catalog yet: investigate',
};

/** Terminal colour of a status (picocolors function names). */
export const STATUS_COLOR: Readonly<Record<Status, 'green' | 'yellow' | 'magenta' | 'red' | 'gray'>> = {
  direct: 'green',
  partial: 'yellow',
  rewrite: 'magenta',
  none: 'red',
  unknown: 'gray',
};

/** Severity of a finding by its status on one target. */
export const STATUS_SEVERITY: Readonly<Record<Status, Severity>> = {
  direct: 'info',
  partial: 'warning',
  unknown: 'warning',
  rewrite: 'error',
  none: 'error',
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** The most severe of some severities (`info` when there are none). */
export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst: Severity = 'info';
  for (const s of severities) if (SEVERITY_RANK[s] > SEVERITY_RANK[worst]) worst = s;
  return worst;
}

/** The severity of a finding answered with these statuses: the worst of theirs. */
export function severityOf(statuses: Iterable<Status>): Severity {
  let worst: Severity = 'info';
  for (const s of statuses) if (SEVERITY_RANK[STATUS_SEVERITY[s]] > SEVERITY_RANK[worst]) worst = STATUS_SEVERITY[s];
  return worst;
}

/** SARIF result level of a severity. */
export const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note' };

/** The parts of an answer the texts below read. */
export interface AnswerLike {
  status: Status;
  replacement?: string[];
}

/** The replacement names an answer offers: none for `none` (a `none` answer may name what it would have needed). */
export function replacementOf(answer: AnswerLike | undefined): string[] {
  return answer && answer.status !== 'none' && answer.replacement?.length ? answer.replacement : [];
}

/** "aclrtMalloc (direct)", "(none)": an answer in a few words. */
export function answerText(answer: AnswerLike | undefined): string {
  if (!answer) return '(unknown)';
  const what = replacementOf(answer);
  return `${what.length ? `${what.join(' + ')} ` : ''}(${answer.status})`;
}

/**
 * The SARIF level of a finding for code scanning, chosen so that a first upload does not raise thousands of
 * errors: `error` only for what the gate (--fail-on) fails on; blockers, unknown and partial answers are
 * `warning`; plain renames (direct everywhere) are `note`.
 */
export function codeScanningLevel(statuses: Iterable<Status>, failsGate: boolean): 'error' | 'warning' | 'note' {
  if (failsGate) return 'error';
  return worstStatus(statuses) === 'direct' ? 'note' : 'warning';
}
