/** JSON report: the Report object, keys in a fixed order, so equal input gives byte-identical output. */
import type { Report } from '../model/index.js';

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
