import { setFlagsFromString } from 'node:v8';

/**
 * Bounds how far V8's old generation may grow past what is live before its next full collection.
 *
 * By V8's own rule the limit after a full collection is what survived it times a factor of up to
 * 4 when the program allocates fast, as a server under load does: on the national dataset the
 * server's old generation reached 150–170 MB around ≈ 45 MB live, and its RSS 260–390 MB after the
 * benchmark (BENCHMARKS.md › Twelfth session). A fixed factor of 1 + percent/100 keeps it near
 * what is live; the price is more frequent full collections (≈ 9 % more CPU for the national
 * overview, nothing measurable on ordinary pages). The flag is read at every full collection,
 * so setting it once the process runs works (the young generation, by contrast, is sized when
 * the process starts: `NODE_OPTIONS`).
 */
export function boundHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
