import cliProgress from 'cli-progress';
import type { CliIO } from './output.js';

/** Files above this size get a progress bar while they load (when stderr is a TTY). */
export const PROGRESS_BYTES = 50 * 1024 * 1024;
/** Batches above this many rows get a progress bar while they run. */
export const PROGRESS_ROWS = 20_000;

export interface Progress { update(done: number, total: number): void; stop(): void }

/**
 * A progress bar on stderr, only when stderr is a TTY and the work is big
 * enough; otherwise a no-op. Plain ASCII, no colours (NO_COLOR respected by
 * construction).
 */
export function progress(io: CliIO, label: string, total: number, threshold: number): Progress {
  const stream = io.stderr as unknown as NodeJS.WriteStream;
  if (!io.stderr.isTTY || total < threshold || io.env['LOGITKIT_NO_PROGRESS']) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar({
    stream,
    format: `${label} [{bar}] {percentage}% | {value}/{total}`,
    barCompleteChar: '#',
    barIncompleteChar: '-',
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  return {
    update(done, t) {
      if (!started) { bar.start(t, 0); started = true; }
      bar.update(done);
    },
    stop() { if (started) bar.stop(); },
  };
}
