/**
 * Progress of a long scan on stderr: "files done / total" and the rate, redrawn in place at most
 * ~10 times a second, and cleared at the end. Only when stderr is a TTY and --quiet is not given;
 * otherwise every call is a no-op, so logs and pipes stay clean.
 */
import { messages } from '../report/i18n/index.js';
import type { CliIo } from './io.js';

export interface Progress {
  /** The parse stage's callback: `done` of `total` files. */
  update(done: number, total: number): void;
  /** Clears the line (call once, when the stage is over). */
  end(): void;
  readonly enabled: boolean;
}

export interface ProgressOptions {
  quiet?: boolean;
  /** Milliseconds between redraws (default 100). */
  interval?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

const CLEAR = '\r\x1b[2K';

export function createProgress(io: Pick<CliIo, 'stderr' | 'stderrIsTTY' | 'lang'>, options: ProgressOptions = {}): Progress {
  const enabled = io.stderrIsTTY && !options.quiet;
  if (!enabled) return { update: () => {}, end: () => {}, enabled };
  const now = options.now ?? (() => performance.now());
  const interval = options.interval ?? 100;
  const start = now();
  let last = -Infinity;
  let shown = false;
  return {
    enabled,
    update(done, total) {
      const t = now();
      if (t - last < interval && done < total) return;
      last = t;
      const seconds = (t - start) / 1000;
      const rate = seconds > 0 ? done / seconds : 0;
      const pct = total ? Math.floor((done / total) * 100) : 100;
      const speed = rate > 0 ? (rate >= 10 ? Math.round(rate).toLocaleString('en-US') : rate.toFixed(1)) : undefined;
      io.stderr(`${CLEAR}${messages(io.lang).scanning(done, total, pct, speed)}`);
      shown = true;
    },
    end() {
      if (shown) io.stderr(CLEAR);
      shown = false;
    },
  };
}
