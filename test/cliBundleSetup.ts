import { bundleEntry } from '../cli/bundle.mjs';

/**
 * Vitest global setup: the CLI bundle is brought up to date once, before any test spawns
 * `node cli/bin.mjs` (which would otherwise rebuild a stale bundle in every worker at once).
 */
export default async function setup(): Promise<void> {
  await bundleEntry();
}
