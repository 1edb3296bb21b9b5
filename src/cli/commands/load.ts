import type { NDArray } from '../../core/StridedArray.js';
import { loadArray } from '../../io/node.js';
import type { CliIO } from '../output.js';
import { PROGRESS_BYTES, progress } from '../progress.js';

/** Loads an array file for a command, with a progress bar for big files on a TTY. */
export function load(spec: string, io: CliIO): NDArray {
  let bar: ReturnType<typeof progress> | undefined;
  try {
    return loadArray(spec, {
      onProgress: (done, total) => {
        bar ??= progress(io, `reading ${spec}`, total, PROGRESS_BYTES);
        bar.update(done, total);
      },
    });
  } finally {
    bar?.stop();
  }
}
