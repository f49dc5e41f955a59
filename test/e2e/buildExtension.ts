import { execFileSync } from 'node:child_process';

/**
 * The e2e tests load the built extension, so they build it first (e2e mode, see wxt.config.ts).
 * Called from beforeAll so `npx vitest run test/e2e` needs nothing else.
 */
export function buildExtensionForE2e() {
  // NODE_ENV keeps the bundle a production one (a non-production mode would otherwise switch the
  // JSX runtime to its dev variant), so the tests run the code that ships.
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e'], {
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
