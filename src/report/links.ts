/**
 * Links from a report's locations to the code (--source-url): a template such as
 * `https://host/org/repo/blob/{commit}/{path}#L{line}`, the commit (from git when the scan root is in a
 * repository) and the scan root's path inside the repository. Pure: the CLI asks git.
 */

export interface SourceLinks {
  /** The template: {path} (required), {commit}, {line}. */
  template: string;
  commit?: string;
  /** The scan root's folder inside the repository, '' or ending in '/'. */
  prefix?: string;
}

/** Why a template cannot be used (undefined when it can): http(s) only, {path} required, known placeholders only. */
export function templateProblem(template: string, hasCommit: boolean): string | undefined {
  if (!/^https?:\/\/[^\s/]+/i.test(template)) return 'must start with https:// (or http://) and a host';
  if (!template.includes('{path}')) return 'must contain {path}';
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)].map((x) => x[1]).filter((n) => n !== 'path' && n !== 'line' && n !== 'commit');
  if (unknown.length) return `has an unknown placeholder {${unknown[0]}} (use {path}, {line}, {commit})`;
  if (template.includes('{commit}') && !hasCommit) return 'uses {commit}, but the scan root is not in a git repository with a commit';
  return undefined;
}

/** Each path segment percent-encoded. */
const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** The URL of `file` (relative to the scan root) at `line`; undefined without links. */
export function sourceUrl(links: SourceLinks | undefined, file: string, line?: number): string | undefined {
  if (!links) return undefined;
  const path = `${links.prefix ?? ''}${file}`;
  return links.template
    .replaceAll('{commit}', encodeURIComponent(links.commit ?? ''))
    .replaceAll('{path}', encodePath(path))
    .replaceAll('{line}', line === undefined ? '' : String(line))
    .replace(/#L$/, '');
}
