/** Report registry: format name -> pure renderer (Report -> string) and the file extension it writes. */
import type { Report } from '../model/index.js';
import { renderGithub } from './github.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { terminalSafe } from './terminal.js';
import { renderText } from './text.js';

export interface RenderContext {
  color: boolean;
}

export interface Reporter {
  extension: string;
  render(report: Report, ctx: RenderContext): string;
  /** The same text in pieces, for writing large reports to a file without one huge string (pieces join to `render`). */
  chunks?(report: Report, ctx: RenderContext): Iterable<string>;
}

export const REPORTERS: Record<string, Reporter> = {
  // Text is read in a terminal: control characters in paths and names are escaped (src/report/terminal.ts).
  text: { extension: 'txt', render: (r, ctx) => renderText(terminalSafe(r), { color: ctx.color }) },
  json: { extension: 'json', render: (r) => renderJson(r), chunks: (r) => renderJsonChunks(r) },
  github: { extension: 'github.txt', render: (r) => renderGithub(r) },
  html: { extension: 'html', render: (r) => renderHtml(r) },
  md: { extension: 'md', render: (r) => renderMarkdown(r) },
  markdown: { extension: 'md', render: (r) => renderMarkdown(r) },
  sarif: { extension: 'sarif', render: (r) => renderSarif(r) },
  csv: { extension: 'csv', render: (r) => renderCsv(r) },
};
