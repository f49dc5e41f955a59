import { execFileSync } from 'node:child_process';

/**
 * The e2e tests load the built extension, so they build it first (e2e mode, see wxt.config.ts).
 * Called from beforeAll so `npx vitest run test/e2e` needs nothing else.
 */
export function buildExtensionForE2e() {
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], { stdio: 'pipe' });
}
