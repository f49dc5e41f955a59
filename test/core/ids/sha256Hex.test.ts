import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/ids/sha256Hex';

const node = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('is SHA-256 of the UTF-8 bytes at every length across the block and padding edges', () => {
    // ASCII (four characters to a word), two-, three- and four-byte characters at every alignment.
    for (const unit of ['a', 'é', '€', '😀', 'ab€', 'a😀']) {
      for (let n = 0; n <= 140; n++) {
        const text = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
        expect(sha256Hex(text)).toBe(node(text));
        expect(sha256Hex(`x${text}`, 12)).toBe(node(`x${text}`).slice(0, 24));
      }
    }
  });

  it('is SHA-256 of ASCII runs after a non-ASCII character, at every byte alignment', () => {
    // "Business Checking ••6789 …": the words of four ASCII characters resume after the dots.
    for (const odd of ['•', 'é', '😀', '\ud800', '••']) {
      for (let before = 0; before < 8; before++) {
        for (let after = 0; after < 80; after += 3) {
          const text = `${'k'.repeat(before)}${odd}${'content 2026-10-27 -7920 usd'.repeat(3).slice(0, after)}`;
          expect(sha256Hex(text)).toBe(node(text));
        }
      }
    }
  });
});
