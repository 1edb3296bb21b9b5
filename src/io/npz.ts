import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { NDArray } from '../core/StridedArray.js';
import type { ArrayInput } from '../core/ndarray.js';
import { LogitkitError } from '../errors/LogitkitError.js';
import { badFile, invalidArgument } from '../errors/messages.js';
import { asBytes, printable } from './bytes.js';
import { readNpy, writeNpy } from './npy.js';

/** Deflate cannot expand more than ~1032:1; a member claiming more is hostile. */
const MAX_RATIO = 1100;

function memberName(zipName: string): string {
  return zipName.endsWith('.npy') ? zipName.slice(0, -4) : zipName;
}

function unzip(bytes: Uint8Array, source: string, want: (name: string) => boolean): Record<string, Uint8Array> {
  const fail = (msg: string) => badFile(`${source}: ${msg}`);
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw fail('not an .npz file (not a zip archive)');
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (!want(memberName(f.name))) return false;
        if (f.compression !== 0 && f.compression !== 8) throw fail(`member '${printable(f.name)}' uses unsupported zip compression method ${f.compression}`);
        const limit = f.compression === 0 ? f.size : f.size * MAX_RATIO + 1024;
        if (f.originalSize > limit || f.originalSize > bytes.length * MAX_RATIO) throw fail(`member '${printable(f.name)}' claims ${f.originalSize} bytes from ${f.size} compressed bytes`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof LogitkitError) throw e;
    throw fail(`corrupt zip archive (${printable(String((e as Error).message))})`);
  }
}

/**
 * The array names in an `.npz` archive (zip member names without `.npy`),
 * in archive order. Reads only the zip directory. `BAD_FILE` for a file that
 * is not a readable zip archive.
 *
 * @example
 * npzNames(fs.readFileSync('run.npz')) // ['logits', 'labels']
 */
export function npzNames(bytes: Uint8Array | ArrayBuffer, source = 'npz data'): string[] {
  const names: string[] = [];
  unzip(asBytes(bytes), source, (n) => { names.push(n); return false; });
  return names;
}

/**
 * Reads one array of an `.npz` archive (`np.savez` / `np.savez_compressed`,
 * stored or deflated members, zip64 headers as NumPy writes them).
 *
 * `name` picks the member (`'logits'` for `logits.npy` inside the zip). Without
 * a name the archive must hold exactly one array, else `BAD_FILE` listing the
 * names. Only the requested member is decompressed, and a member claiming more
 * than deflate can produce is refused before anything is allocated. Members
 * are read with {@link readNpy} (same dtypes and errors; messages name
 * `FILE.npz:name`). O(member bytes).
 *
 * @example
 * readNpz(fs.readFileSync('run.npz'), 'logits', 'run.npz').shape // [100, 10]
 */
export function readNpz(bytes: Uint8Array | ArrayBuffer, name?: string, source = 'npz data'): NDArray {
  const b = asBytes(bytes);
  const names = npzNames(b, source);
  let pick = name;
  if (pick === undefined || pick === '') {
    if (names.length !== 1) {
      throw badFile(`${source}: holds ${names.length} arrays (${names.map((n) => printable(n)).join(', ') || 'none'}); pick one with ${source}:NAME`);
    }
    pick = names[0]!;
  } else if (!names.includes(pick)) {
    throw badFile(`${source}: no array named '${printable(pick)}' (it holds: ${names.map((n) => printable(n)).join(', ') || 'nothing'})`);
  }
  const files = unzip(b, source, (n) => n === pick);
  const entry = Object.entries(files).find(([k]) => memberName(k) === pick);
  if (entry === undefined) throw badFile(`${source}: cannot extract '${printable(pick)}'`);
  return readNpy(entry[1], `${source}:${printable(pick)}`);
}

/**
 * Writes arrays as an `.npz` archive that `np.load` reads (members
 * `NAME.npy`, written with {@link writeNpy}). `compress: true` deflates like
 * `np.savez_compressed`; the default stores, like `np.savez`.
 * `INVALID_ARGUMENT` for an empty name or one containing `/`.
 *
 * @example
 * fs.writeFileSync('run.npz', writeNpz({ logits, labels }));
 */
export function writeNpz(arrays: Record<string, ArrayInput>, opts: { compress?: boolean } = {}): Uint8Array {
  const files: Zippable = {};
  for (const [k, v] of Object.entries(arrays)) {
    if (k === '' || k.includes('/')) throw invalidArgument(`writeNpz: array name ${JSON.stringify(k)} must be non-empty and contain no '/'`);
    files[`${k}.npy`] = writeNpy(v);
  }
  return zipSync(files, { level: opts.compress ? 6 : 0 });
}
