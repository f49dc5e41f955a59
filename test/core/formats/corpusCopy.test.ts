import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS } from './loadFile';

const SHARED = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));

function listFiles(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(root, rel)).isDirectory() ? listFiles(root, rel) : [rel];
  });
}

// The shared corpus lives next to the repository on the team's machines, not in a clean clone.
describe.runIf(existsSync(SHARED))('the repository copy of the corpus', () => {
  it('holds exactly the files of ../shared/corpus, byte for byte', () => {
    const shared = listFiles(SHARED).sort();
    expect(listFiles(CORPUS).sort()).toEqual(shared);
    for (const file of shared)
      expect(readFileSync(join(CORPUS, file)).equals(readFileSync(join(SHARED, file))), file).toBe(true);
  });
});
