/** The CI gate: which findings fail `--fail-on <status>`. */
import type { Finding, Status } from '../model/index.js';
import { STATUSES } from '../model/index.js';
import { UsageError } from '../util/errors.js';

/** Read a --fail-on value. */
export function parseFailOn(value: string): Status {
  const v = value.trim().toLowerCase();
  if (!(STATUSES as readonly string[]).includes(v)) {
    throw new UsageError(`invalid --fail-on "${value}"`, `use one of ${STATUSES.join(', ')} (worst first: a status fails the gate together with every worse one)`);
  }
  return v as Status;
}

/** Is `status` the threshold or worse? STATUSES is ordered worst first. */
export function atOrWorse(status: Status, threshold: Status): boolean {
  return STATUSES.indexOf(status) <= STATUSES.indexOf(threshold);
}

/**
 * Findings that fail the gate: not suppressed, and at the threshold or worse on ANY selected target.
 * The caller passes the findings to judge (with a baseline, the report's findings are the new ones).
 */
export function gateFailures(findings: readonly Finding[], threshold: Status): Finding[] {
  return findings.filter((f) => !f.suppressed && Object.values(f.targets).some((t) => atOrWorse(t.status, threshold)));
}
