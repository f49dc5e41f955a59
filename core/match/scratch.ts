/**
 * A run's working columns, carved out of buffers the previous run left behind. Each new typed array
 * is memory outside V8's heap, and every 64 MB of it since the last full collection makes V8 mark the
 * whole heap ("external memory pressure"): a run at 100k lines made about 50 MB of them, so nearly
 * every run in a process (the extension after each capture, a bench) paid a full collection, at 1M
 * seven. Views on buffers that already exist cost V8 nothing.
 *
 * Only what the run reads while it runs comes from here: a view must never reach the run's result,
 * since the next run writes over it. Each view is zero-filled when handed out, as a new typed array
 * is. The buffers are kept for the next run through a WeakRef, so the collector may still take them
 * back (and one run that throws merely makes the next allocate anew).
 */
export class Scratch {
  private chunk = 0;
  private offset = 0;
  /** Per chunk, the end of what was ever handed out of it: beyond it the chunk is still zero. */
  private readonly dirty: number[];

  /**
   * A second scratch for columns that grow through the whole run (the matches found): a pass hands
   * back what it took after its `mark` when it ends, and a column grown meanwhile must not go with it.
   */
  readonly lasting: Scratch;

  /** Fresh buffers (a caller outside a run, a test); a run takes the previous run's (see `take`). */
  constructor(
    private readonly buffers: ArrayBuffer[] = [],
    lasting: ArrayBuffer[] | null = [],
  ) {
    this.dirty = buffers.map((b) => b.byteLength);
    // null: this is a lasting scratch itself.
    this.lasting = lasting === null ? this : new Scratch(lasting, null);
  }

  /** The previous run's buffers when the collector kept them, else none yet. */
  static take(): Scratch {
    const pool = kept?.deref();
    kept = undefined;
    return new Scratch(pool?.working ?? [], pool?.lasting ?? []);
  }

  /** Leaves the buffers for the next run. No view handed out may be read after this. */
  give(): void {
    if (typeof WeakRef === 'function')
      kept = new WeakRef({ working: this.buffers, lasting: this.lasting.buffers });
  }

  /**
   * A view of `n` zeros; with `zeroed` false, of whatever the last run left: for a column whose every
   * element the caller writes before it reads any.
   */
  int32(n: number, zeroed = true): Int32Array<ArrayBuffer> {
    return this.view(Int32Array, n, zeroed);
  }

  uint32(n: number, zeroed = true): Uint32Array<ArrayBuffer> {
    return this.view(Uint32Array, n, zeroed);
  }

  float64(n: number, zeroed = true): Float64Array<ArrayBuffer> {
    return this.view(Float64Array, n, zeroed);
  }

  uint16(n: number, zeroed = true): Uint16Array<ArrayBuffer> {
    return this.view(Uint16Array, n, zeroed);
  }

  uint8(n: number, zeroed = true): Uint8Array<ArrayBuffer> {
    return this.view(Uint8Array, n, zeroed);
  }

  /** Where the next view starts: pass it to `release` to hand back every view made after it. */
  mark(): number {
    return this.chunk * CHUNK_SPAN + this.offset;
  }

  release(mark: number): void {
    this.chunk = Math.floor(mark / CHUNK_SPAN);
    this.offset = mark % CHUNK_SPAN;
  }

  private view<T>(
    Kind: { new (buffer: ArrayBuffer, at: number, n: number): T; BYTES_PER_ELEMENT: number },
    n: number,
    zeroed: boolean,
  ): T {
    const at = this.place(n * Kind.BYTES_PER_ELEMENT, zeroed);
    return new Kind(this.buffers[this.chunk]!, at, n);
  }

  /** Room for `bytes` (8-byte aligned) in the current chunk or a later one, zeroed if asked; its offset there. */
  private place(bytes: number, zeroed: boolean): number {
    const size = Math.ceil(bytes / 8) * 8;
    let chunk = this.chunk;
    let at = this.offset;
    while (chunk < this.buffers.length && at + size > this.buffers[chunk]!.byteLength) {
      chunk++;
      at = 0;
    }
    if (chunk === this.buffers.length) {
      // Each new chunk at least as large as all before it: a first run makes a handful, later runs none.
      let total = MIN_CHUNK;
      for (const b of this.buffers) total += b.byteLength;
      this.buffers.push(new ArrayBuffer(Math.max(size, total)));
      this.dirty.push(0);
    }
    const dirty = this.dirty[chunk]!;
    if (zeroed && at < dirty) new Uint8Array(this.buffers[chunk]!, at, Math.min(size, dirty - at)).fill(0);
    if (at + size > dirty) this.dirty[chunk] = at + size;
    this.chunk = chunk;
    this.offset = at + size;
    return at;
  }
}

let kept: WeakRef<{ working: ArrayBuffer[]; lasting: ArrayBuffer[] }> | undefined;

const MIN_CHUNK = 1 << 16;
/** Marks encode chunk and offset in one number (offsets stay below 2^40). */
const CHUNK_SPAN = 2 ** 40;

/** What a structure takes its typed columns from: a run's Scratch, or NEW_ARRAYS outside a run. */
export type Columns = Pick<Scratch, 'int32' | 'uint32' | 'float64' | 'uint16' | 'uint8'>;

/** New typed arrays, each its own: for structures made outside a run (a test, another caller). */
export const NEW_ARRAYS: Columns = {
  int32: (n) => new Int32Array(n),
  uint32: (n) => new Uint32Array(n),
  float64: (n) => new Float64Array(n),
  uint16: (n) => new Uint16Array(n),
  uint8: (n) => new Uint8Array(n),
};
