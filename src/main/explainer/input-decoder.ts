import { TextDecoder } from 'node:util';

export type InputEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'text';

/**
 * Turns whatever arrives (bytes in any chunking, or JavaScript strings) into the byte stream the
 * scanner reads: UTF-8, or Windows-1252 passed through as is (the scanner's fragments are ASCII and each
 * entry is decoded on its own). A UTF-8 byte-order mark is dropped; UTF-16 (recognised by its
 * byte-order mark, as Windows writes it) is converted. Decided on the first three bytes, whatever the
 * chunks, so the result never depends on how the text was cut.
 */
export class InputDecoder {
  private mode: InputEncoding | null = null;
  private head = new Uint8Array(0);
  private utf16: TextDecoder | null = null;
  private highSurrogate = '';
  /** Bytes read: as given, or for text, its UTF-8 length. */
  bytesIn = 0;

  constructor(private readonly out: (bytes: Uint8Array) => void) {}

  get encoding(): InputEncoding {
    return this.mode ?? 'utf-8';
  }

  pushBytes(chunk: Uint8Array): void {
    this.bytesIn += chunk.length;
    if (this.mode === null) {
      const joined = new Uint8Array(this.head.length + chunk.length);
      joined.set(this.head);
      joined.set(chunk, this.head.length);
      if (joined.length < 3) {
        this.head = joined;
        return;
      }
      this.head = new Uint8Array(0);
      this.decide(joined);
      return;
    }
    this.emitBytes(chunk);
  }

  pushText(chunk: string): void {
    if (this.mode === null) {
      if (this.head.length > 0) throw new Error('A log is read either as bytes or as text, not both.');
      this.mode = 'text';
      if (chunk.startsWith('\ufeff')) chunk = chunk.slice(1);
    }
    if (this.mode !== 'text') throw new Error('A log is read either as bytes or as text, not both.');
    let text = this.highSurrogate + chunk;
    this.highSurrogate = '';
    // A pair split between two chunks is encoded whole, with the next chunk.
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.highSurrogate = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text.length > 0) {
      const bytes = Buffer.from(text, 'utf8');
      this.bytesIn += bytes.length;
      this.out(bytes);
    }
  }

  /**
   * For bytes that go to the scanner another way (explainLogFile's worker path, which has checked that
   * the file is not UTF-16 and removed a UTF-8 byte-order mark): count them.
   */
  passedThrough(bytes: number, byteOrderMark: boolean): void {
    this.mode ??= byteOrderMark ? 'utf-8-bom' : 'utf-8';
    this.bytesIn += bytes;
  }

  end(): void {
    if (this.mode === null && this.head.length > 0) this.decide(this.head);
    if (this.utf16) {
      const rest = this.utf16.decode();
      if (rest) this.out(Buffer.from(rest, 'utf8'));
    }
    if (this.highSurrogate) {
      const bytes = Buffer.from(this.highSurrogate, 'utf8');
      this.bytesIn += bytes.length;
      this.out(bytes);
    }
    this.highSurrogate = '';
  }

  private decide(first: Uint8Array): void {
    if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) {
      this.mode = 'utf-8-bom';
      this.emitBytes(first.subarray(3));
    } else if (first[0] === 0xff && first[1] === 0xfe) {
      this.mode = 'utf-16le';
      this.utf16 = new TextDecoder('utf-16le');
      this.emitBytes(first);
    } else if (first[0] === 0xfe && first[1] === 0xff) {
      this.mode = 'utf-16be';
      this.utf16 = new TextDecoder('utf-16be');
      this.emitBytes(first);
    } else {
      this.mode = 'utf-8';
      this.emitBytes(first);
    }
  }

  private emitBytes(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.mode === 'text') throw new Error('A log is read either as bytes or as text, not both.');
    if (!this.utf16) {
      this.out(chunk);
      return;
    }
    const text = this.utf16.decode(chunk, { stream: true });
    if (text) this.out(Buffer.from(text, 'utf8'));
  }
}
