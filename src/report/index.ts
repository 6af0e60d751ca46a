/** Report registry: format name -> pure renderer (Report -> string) and the file extension it writes. */
import type { Report, Status } from '../model/index.js';
import { renderGithub } from './github.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import type { Lang } from './i18n/index.js';
import { renderJson, renderJsonChunks } from './json.js';
import type { SourceLinks } from './links.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export interface RenderContext {
  color: boolean;
  /** Language of text, HTML and Markdown (machine formats do not change). */
  lang?: Lang;
  /** --group-depth when the user gave it: the per-folder table's depth (adaptive otherwise). */
  groupDepth?: number;
  /** --source-url: locations become links (HTML, Markdown, SARIF). */
  links?: SourceLinks;
  /** The gate's threshold (--fail-on): SARIF results it fails on are errors. */
  failOn?: Status;
  /** SARIF results per run (--sarif-max-results); 0 for no limit. */
  sarifMaxResults?: number;
  /** Where a renderer says what it left out (the CLI prints it on stderr). */
  notice?: (message: string) => void;
}

export interface Reporter {
  extension: string;
  render(report: Report, ctx: RenderContext): string;
  /** The same text in pieces, for writing large reports to a file without one huge string (pieces join to `render`). */
  chunks?(report: Report, ctx: RenderContext): Iterable<string>;
}

const sarif = (r: Report, ctx: RenderContext): string =>
  renderSarif(r, { links: ctx.links, failOn: ctx.failOn, maxResults: ctx.sarifMaxResults, notice: ctx.notice, lang: ctx.lang });
const md = (r: Report, ctx: RenderContext): string => renderMarkdown(r, { lang: ctx.lang, links: ctx.links, groupDepth: ctx.groupDepth });

export const REPORTERS: Record<string, Reporter> = {
  // Text is read in a terminal: control characters in paths and names are escaped (src/report/terminal.ts).
  text: { extension: 'txt', render: (r, ctx) => renderText(r, { color: ctx.color, lang: ctx.lang, groupDepth: ctx.groupDepth }) },
  json: { extension: 'json', render: (r) => renderJson(r), chunks: (r) => renderJsonChunks(r) },
  github: { extension: 'github.txt', render: (r) => renderGithub(r) },
  html: { extension: 'html', render: (r, ctx) => renderHtml(r, { lang: ctx.lang, links: ctx.links }) },
  md: { extension: 'md', render: md },
  markdown: { extension: 'md', render: md },
  sarif: { extension: 'sarif', render: sarif },
  csv: { extension: 'csv', render: (r) => renderCsv(r) },
};
