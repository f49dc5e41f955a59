/**
 * SHA-256 as lowercase hex (the first `bytes` bytes), in plain JS so it runs the same in the
 * browser, Apps Script (no TextEncoder, no crypto) and Node. Written for many short inputs (an id
 * per imported row): one set of buffers reused across calls, no allocation per block.
 */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const W = new Uint32Array(64);
const H = new Uint32Array(8);
let buffer = new Uint8Array(1024);

/** UTF-8 bytes of `text` into the shared buffer (grown as needed); returns the length. */
function encode(text: string): number {
  if (buffer.length < text.length * 3 + 72) buffer = new Uint8Array(text.length * 3 + 72);
  const b = buffer;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x80) {
      b[n++] = cp;
      continue;
    }
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd; // a lone surrogate, as TextEncoder writes it
    if (cp < 0x800) {
      b[n++] = 0xc0 | (cp >> 6);
      b[n++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      b[n++] = 0xe0 | (cp >> 12);
      b[n++] = 0x80 | ((cp >> 6) & 63);
      b[n++] = 0x80 | (cp & 63);
    } else {
      b[n++] = 0xf0 | (cp >> 18);
      b[n++] = 0x80 | ((cp >> 12) & 63);
      b[n++] = 0x80 | ((cp >> 6) & 63);
      b[n++] = 0x80 | (cp & 63);
    }
  }
  return n;
}

function block(b: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] = (b[j]! << 24) | (b[j + 1]! << 16) | (b[j + 2]! << 8) | b[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = H[0]!;
  let bb = H[1]!;
  let c = H[2]!;
  let d = H[3]!;
  let e = H[4]!;
  let f = H[5]!;
  let g = H[6]!;
  let h = H[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = bb;
    bb = a;
    a = (t1 + t2) | 0;
  }
  H[0] = H[0]! + a;
  H[1] = H[1]! + bb;
  H[2] = H[2]! + c;
  H[3] = H[3]! + d;
  H[4] = H[4]! + e;
  H[5] = H[5]! + f;
  H[6] = H[6]! + g;
  H[7] = H[7]! + h;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A SHA-256 as lowercase hex of the first `bytes` bytes (32 when left out). */
export type Sha256Hex = (text: string, bytes?: number) => string;

export function sha256Hex(text: string, bytes = 32): string {
  const n = encode(text);
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian number.
  const total = (((n + 8) >> 6) + 1) << 6;
  const b = buffer;
  b[n] = 0x80;
  b.fill(0, n + 1, total);
  const bits = n * 8;
  b[total - 4] = (bits >>> 24) & 255;
  b[total - 3] = (bits >>> 16) & 255;
  b[total - 2] = (bits >>> 8) & 255;
  b[total - 1] = bits & 255;
  b[total - 5] = Math.floor(bits / 2 ** 32) & 255;
  H.set(H0);
  for (let offset = 0; offset < total; offset += 64) block(b, offset);
  let out = '';
  for (let i = 0; i < bytes; i++) out += HEX[(H[i >> 2]! >>> (24 - (i & 3) * 8)) & 255];
  return out;
}
