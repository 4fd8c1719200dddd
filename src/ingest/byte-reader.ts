/**
 * Reads a byte stream piece by piece with hard bounds: a delimiter not found within `max` bytes, or a stream that
 * ends early, is an error, never an endless wait or an unbounded buffer.
 */
export class ByteReader {
  private buffer: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly iterator: AsyncIterator<Buffer>;
  /** Bytes consumed so far: the offset of the next byte in the stream. */
  offset = 0;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Bytes up to and without `delimiter` (which is consumed); null at the very end of the stream. */
  async readUntil(delimiter: Buffer, max: number): Promise<Buffer | null> {
    let from = 0;
    for (;;) {
      const at = this.buffer.indexOf(delimiter, from);
      if (at >= 0) {
        const out = this.buffer.subarray(0, at);
        this.consume(at + delimiter.length);
        return Buffer.from(out);
      }
      if (this.buffer.length > max) throw new Error(`no ${JSON.stringify(delimiter.toString())} within ${max} bytes at offset ${this.offset}`);
      from = Math.max(0, this.buffer.length - delimiter.length + 1);
      if (!(await this.fill())) {
        if (this.buffer.length === 0) return null;
        throw new Error(`stream ends inside a header at offset ${this.offset}`);
      }
    }
  }

  /** Exactly `length` bytes; an error if the stream ends first. */
  async readExactly(length: number): Promise<Buffer> {
    while (this.buffer.length < length) {
      if (!(await this.fill())) throw new Error(`stream ends ${length - this.buffer.length} bytes short of a ${length}-byte block at offset ${this.offset}`);
    }
    const out = Buffer.from(this.buffer.subarray(0, length));
    this.consume(length);
    return out;
  }

  /** Skips `length` bytes without keeping them. */
  async skip(length: number): Promise<void> {
    let left = length;
    while (left > 0) {
      if (this.buffer.length === 0 && !(await this.fill())) throw new Error(`stream ends ${left} bytes short at offset ${this.offset}`);
      const n = Math.min(left, this.buffer.length);
      this.consume(n);
      left -= n;
    }
  }

  /** Skips bytes while they are one of `bytes` (e.g. the CRLFs between records). */
  async skipAny(bytes: number[]): Promise<void> {
    for (;;) {
      if (this.buffer.length === 0 && !(await this.fill())) return;
      let n = 0;
      while (n < this.buffer.length && bytes.includes(this.buffer[n])) n++;
      this.consume(n);
      if (this.buffer.length > 0) return;
    }
  }

  private consume(n: number): void {
    this.buffer = this.buffer.subarray(n);
    this.offset += n;
  }

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.iterator.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? next.value : Buffer.concat([this.buffer, next.value]);
    return true;
  }
}
