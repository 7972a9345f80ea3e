/** A progress line on a terminal (stderr); silent with --json or without a TTY. */
import type { Writable } from 'node:stream';

export interface Progress {
  update(label: string, done: number, total: number | null): void;
  finish(): void;
}

export const SILENT_PROGRESS: Progress = { update: () => undefined, finish: () => undefined };

/** Redraws at most every `minIntervalMs`, except when the label changes (a new file or phase always shows). */
export function terminalProgress(out: Writable, minIntervalMs = 100): Progress {
  let last = 0;
  let lastLabel = '';
  let shown = false;
  return {
    update(label, done, total) {
      const now = Date.now();
      if (now - last < minIntervalMs && label === lastLabel) return;
      if (shown && label !== lastLabel) out.write('\r\u001b[2K');
      last = now;
      lastLabel = label;
      shown = true;
      const width = 30;
      if (total !== null && total > 0) {
        const frac = Math.min(1, done / total);
        const filled = Math.round(frac * width);
        out.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%`);
      } else {
        out.write(`\r${label} ${done.toLocaleString('en-US')}`);
      }
    },
    finish() {
      if (shown) out.write('\r\u001b[2K');
      shown = false;
    },
  };
}
