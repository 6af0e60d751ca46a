import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function fakeIo(tty: boolean) {
  const out: string[] = [];
  return { io: { stderr: (t: string) => void out.push(t), stderrIsTTY: tty }, out };
}

describe('createProgress', () => {
  it('draws files done / total and the rate on a TTY, throttled, and clears the line at the end', () => {
    const { io, out } = fakeIo(true);
    let t = 0;
    const p = createProgress(io, { now: () => t, interval: 100 });
    t = 50;
    p.update(1, 200); // first update always draws
    t = 90;
    p.update(2, 200); // 40 ms later: skipped
    t = 1050;
    p.update(100, 200);
    t = 1060;
    p.update(200, 200); // the last file always draws
    p.end();
    expect(out).toEqual([
      '\r\x1b[2Kscanning 1/200 files (0%) · 20 files/s',
      '\r\x1b[2Kscanning 100/200 files (50%) · 95 files/s',
      '\r\x1b[2Kscanning 200/200 files (100%) · 189 files/s',
      '\r\x1b[2K',
    ]);
  });

  it('is silent when stderr is not a TTY, and with --quiet', () => {
    for (const [tty, quiet] of [[false, false], [true, true]] as const) {
      const { io, out } = fakeIo(tty);
      const p = createProgress(io, { quiet, now: () => 0 });
      p.update(1, 2);
      p.update(2, 2);
      p.end();
      expect(p.enabled).toBe(false);
      expect(out).toEqual([]);
    }
  });

  it('does not clear a line it never drew', () => {
    const { io, out } = fakeIo(true);
    createProgress(io).end();
    expect(out).toEqual([]);
  });
});
