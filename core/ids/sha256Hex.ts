/**
 * SHA-256 as lowercase hex (the first `bytes` bytes), in plain JS so it runs the same in the
 * browser, Apps Script (no TextEncoder, no crypto) and Node. Written for many short inputs (an id
 * per imported row): one set of buffers reused across calls, no allocation per block; the text goes
 * straight into 32-bit words (four ASCII characters at a time) and every value stays a 32-bit integer.
 * The tables are marked pure so a bundle that imports this module without calling it drops them.
 */
const K = /* @__PURE__ */ new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const W = /* @__PURE__ */ new Int32Array(64);
const H = /* @__PURE__ */ new Int32Array(8);
/** The message as big-endian 32-bit words, grown as needed. */
let M = /* @__PURE__ */ new Int32Array(256);

/** UTF-8 bytes of `text` packed into M, big-endian, zeros after them to the end of the last block; returns the byte length. */
function encode(text: string): number {
  const length = text.length;
  if (M.length < (((length * 3 + 72) >> 6) + 1) << 4) M = new Int32Array((((length * 3 + 72) >> 6) + 1) << 4);
  const m = M;
  let n = 0;
  let i = 0;
  for (; i < length; i++) {
    // Four ASCII characters make one word, whenever the bytes so far fill whole words: also after
    // a non-ASCII character ("Checking ••6789"), not only at the start.
    if ((n & 3) === 0) {
      for (; i + 4 <= length; i += 4) {
        const c0 = text.charCodeAt(i);
        const c1 = text.charCodeAt(i + 1);
        const c2 = text.charCodeAt(i + 2);
        const c3 = text.charCodeAt(i + 3);
        if ((c0 | c1 | c2 | c3) >= 0x80) break;
        m[n >> 2] = (c0 << 24) | (c1 << 16) | (c2 << 8) | c3;
        n += 4;
      }
      if (i === length) break;
    }
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      n = put(m, n, cp);
      continue;
    }
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd; // a lone surrogate, as TextEncoder writes it
    if (cp < 0x800) {
      n = put(m, n, 0xc0 | (cp >> 6));
      n = put(m, n, 0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      n = put(m, n, 0xe0 | (cp >> 12));
      n = put(m, n, 0x80 | ((cp >> 6) & 63));
      n = put(m, n, 0x80 | (cp & 63));
    } else {
      n = put(m, n, 0xf0 | (cp >> 18));
      n = put(m, n, 0x80 | ((cp >> 12) & 63));
      n = put(m, n, 0x80 | ((cp >> 6) & 63));
      n = put(m, n, 0x80 | (cp & 63));
    }
  }
  return n;
}

/** Byte `b` at byte offset `n` of the words; a new word starts from zero. */
function put(m: Int32Array, n: number, b: number): number {
  const shift = (3 - (n & 3)) << 3;
  if (shift === 24) m[n >> 2] = b << 24;
  else m[n >> 2]! |= b << shift;
  return n + 1;
}

function block(m: Int32Array, offset: number): void {
  const w = W;
  for (let i = 0; i < 16; i++) w[i] = m[offset + i]!;
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15]!;
    const w2 = w[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = H[0]!,
    b = H[1]!,
    c = H[2]!,
    d = H[3]!,
    e = H[4]!,
    f = H[5]!,
    g = H[6]!,
    h = H[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + (g ^ (e & (f ^ g))) + K[i]! + w[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) | (c & (a | b)))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0;
  H[1] = (H[1]! + b) | 0;
  H[2] = (H[2]! + c) | 0;
  H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0;
  H[5] = (H[5]! + f) | 0;
  H[6] = (H[6]! + g) | 0;
  H[7] = (H[7]! + h) | 0;
}

const HEX = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A SHA-256 as lowercase hex of the first `bytes` bytes (32 when left out). `binary`, where the
 * hasher has it, gives the same digest's first 12 bytes or more as one character per byte (codes
 * 0–255): ids are read from it without a hex string, a slice and a join per line.
 */
export type Sha256Hex = ((text: string, bytes?: number) => string) & { binary?: (text: string) => string };

/** The digest of `text` into H. */
function digest(text: string): void {
  const n = encode(text);
  const m = M;
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian number.
  put(m, n, 0x80);
  const words = (((n + 8) >> 6) + 1) << 4;
  m.fill(0, (n >> 2) + 1, words - 2);
  m[words - 1] = n << 3;
  m[words - 2] = Math.floor(n / 0x20000000);
  H[0] = 0x6a09e667;
  H[1] = 0xbb67ae85 | 0;
  H[2] = 0x3c6ef372;
  H[3] = 0xa54ff53a | 0;
  H[4] = 0x510e527f;
  H[5] = 0x9b05688c | 0;
  H[6] = 0x1f83d9ab;
  H[7] = 0x5be0cd19;
  for (let offset = 0; offset < words; offset += 16) block(m, offset);
}

const byteOf = (i: number) => (H[i >> 2]! >>> (24 - (i & 3) * 8)) & 255;

function hexDigest(text: string, bytes = 32): string {
  digest(text);
  let out = '';
  for (let i = 0; i < bytes; i++) out += HEX[byteOf(i)];
  return out;
}

/** The first 12 bytes of the SHA-256 of `text`, one character per byte (see Sha256Hex.binary). */
function binaryDigest(text: string): string {
  digest(text);
  return String.fromCharCode(
    byteOf(0),
    byteOf(1),
    byteOf(2),
    byteOf(3),
    byteOf(4),
    byteOf(5),
    byteOf(6),
    byteOf(7),
    byteOf(8),
    byteOf(9),
    byteOf(10),
    byteOf(11),
  );
}

export const sha256Hex = /* @__PURE__ */ Object.assign(hexDigest, { binary: binaryDigest });
