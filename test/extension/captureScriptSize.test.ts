import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../core/capture/builtinProfiles';
import { Profile } from '../../core/model/profile';

const INJECTED = fileURLToPath(new URL('../../extension/capture/runInjectedCapture.ts', import.meta.url));

/** The modules whose code is in the capture content script, bundled as the extension's build bundles it. */
async function bundledModules(): Promise<string[]> {
  const out = await build({
    entryPoints: [INJECTED],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    metafile: true,
  });
  const [output] = Object.values(out.metafile.outputs);
  return Object.entries(output!.inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

describe('the capture content script', () => {
  // It is evaluated afresh on every capture: a schema library it does not run is time lost each time.
  it('carries no zod: the runtime helpers it uses live apart from the schemas', async () => {
    const modules = await bundledModules();
    expect(modules.some((m) => m.includes('core/capture/capturePage.ts'))).toBe(true);
    expect(modules.filter((m) => /(?:^|\/)node_modules\/zod\//.test(m))).toEqual([]);
  });

  // Ids are the background's work (readInjectedResult): the injected script runs cold on every capture.
  it('hashes nothing: no sha256 code in it', async () => {
    const modules = await bundledModules();
    expect(modules.filter((m) => m.includes('core/ids/sha256Hex'))).toEqual([]);
  });

  it('ships built-in profiles that are valid profiles as they stand (the schema fills nothing in)', () => {
    for (const p of BUILTIN_PROFILES) expect(Profile.parse(p)).toEqual(p);
  });
});
