import type { EmulatorEnv } from './emulatorEnv';

/**
 * The document lock. Another execution can be made to hold it (`env.lockHolder = 'other'`): then
 * tryLock waits out its timeout on the emulated clock and fails, as it would in Apps Script.
 */
class FakeLock {
  constructor(private readonly env: EmulatorEnv) {}

  tryLock(timeoutInMillis: number) {
    this.env.call('Lock.tryLock');
    if (this.env.lockHolder === 'other') {
      this.env.nowMs += timeoutInMillis;
      return false;
    }
    this.env.lockHolder = 'self';
    return true;
  }
  releaseLock() {
    this.env.call('Lock.releaseLock');
    if (this.env.lockHolder === 'self') this.env.lockHolder = 'none';
  }
}

export function fakeLockService(env: EmulatorEnv) {
  const lock = new FakeLock(env);
  return {
    getDocumentLock() {
      env.call('LockService.getDocumentLock');
      return lock;
    },
  };
}
