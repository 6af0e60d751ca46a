/** The CI gate: which findings fail `--fail-on <status>`. */
import type { Finding, Status } from '../model/index.js';
import { atOrWorse, parseStatus, STATUSES } from '../model/index.js';
import { UsageError } from '../util/errors.js';

export { atOrWorse };

/** Read a --fail-on value. */
export function parseFailOn(value: string): Status {
  const status = parseStatus(value);
  if (!status) {
    throw new UsageError(`invalid --fail-on "${value}"`, `use one of ${STATUSES.join(', ')} (worst first: a status fails the gate together with every worse one)`);
  }
  return status;
}

/**
 * Findings that fail the gate: not suppressed, and at the threshold or worse on ANY selected target.
 * The caller passes the findings to judge (with a baseline, the report's findings are the new ones).
 */
export function gateFailures(findings: readonly Finding[], threshold: Status): Finding[] {
  return findings.filter((f) => !f.suppressed && Object.values(f.targets).some((t) => atOrWorse(t.status, threshold)));
}
