/**
 * `ascendify cache info|prune|clear`: the cache folder (default `$XDG_CACHE_HOME/ascendify` or
 * `~/.cache/ascendify`, or --cache-dir). Only entries of the tool's own layouts are counted or deleted; anything
 * else in the folder is left alone.
 */
import type { Command } from 'commander';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './io.js';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function registerCacheCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('cache')
    .description('show the cache folder (info), delete what this build cannot use and the least recently used entries over the cap (prune), or every entry (clear)')
    .argument('[action]', 'info, prune or clear', 'info')
    .option('--cache-dir <dir>', 'cache folder (default: $XDG_CACHE_HOME/ascendify or ~/.cache/ascendify)')
    .option('--max-size <size>', 'with prune: keep at most this much (default: ASCENDIFY_CACHE_MAX_SIZE, else 512mb)')
    .option('--json', 'JSON output (info)')
    .action(async (action: string, opts: { cacheDir?: string; maxSize?: string; json?: boolean }) => {
      const store = await import('../cache/store.js');
      const root = opts.cacheDir ?? store.defaultCacheDir();
      let maxBytes: number | undefined;
      if (opts.maxSize !== undefined) {
        maxBytes = store.parseByteSize(opts.maxSize);
        if (maxBytes === undefined) throw new UsageError(`invalid --max-size "${opts.maxSize}"`, 'use bytes or a unit: 200mb, 1g');
      }
      if (action === 'info') {
        const info = store.cacheInfo(root, store.cacheMaxBytes(maxBytes));
        if (opts.json) {
          io.stdout(`${JSON.stringify(info, null, 2)}\n`);
        } else {
          const lines = [
            `cache folder: ${root}${info.exists ? '' : ' (does not exist yet)'}`,
            `size: ${mb(info.bytes)} in ${info.entries} entries; cap ${mb(info.maxBytes)} (least recently used entries are deleted beyond it)`,
          ];
          for (const n of info.namespaces) {
            const who = n.currentBuild ? 'this build' : n.layout === 'c3' ? 'another build or rule set' : 'an earlier version (prune deletes it)';
            lines.push(`  ${n.layout}/${n.namespace}  ${mb(n.bytes).padStart(10)}  ${String(n.entries).padStart(6)} entries  last used ${new Date(n.lastUsed).toISOString().slice(0, 16).replace('T', ' ')}  ${who}`);
          }
          io.stdout(`${lines.join('\n')}\n`);
        }
      } else if (action === 'prune') {
        const r = store.pruneCache(root, store.cacheMaxBytes(maxBytes));
        io.stdout(`pruned ${root}: ${r.stale} entries this build cannot read, ${r.deleted} least recently used; ${mb(r.bytes)} left\n`);
      } else if (action === 'clear') {
        const r = store.clearCache(root);
        io.stdout(`cleared ${root}: ${r.deleted} entries, ${mb(r.bytes)}\n`);
      } else {
        throw new UsageError(`unknown cache action "${action}"`, 'use `ascendify cache info`, `ascendify cache prune` or `ascendify cache clear`');
      }
      setExit(0);
    });
}
