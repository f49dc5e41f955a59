import type { EmulatorEnv } from './emulatorEnv';

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_TOTAL_BYTES = 500 * 1024;

/** A property store with Apps Script's quotas: 9 KB a value, 500 KB a store. */
export class FakeProperties {
  readonly data = new Map<string, string>();
  constructor(private readonly env: EmulatorEnv) {}

  private size(extra: Map<string, string>) {
    let bytes = 0;
    for (const [k, v] of new Map([...this.data, ...extra]))
      bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
    return bytes;
  }

  getProperty(key: string) {
    this.env.call('Properties.getProperty');
    return this.data.get(key) ?? null;
  }
  setProperty(key: string, value: string) {
    return this.setProperties({ [key]: value });
  }
  setProperties(properties: Record<string, string>) {
    this.env.call('Properties.setProperties');
    const next = new Map(Object.entries(properties).map(([k, v]) => [k, String(v)]));
    for (const v of next.values()) {
      if (Buffer.byteLength(v) > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    }
    if (this.size(next) > MAX_TOTAL_BYTES) throw new Error('You have exceeded the property storage quota.');
    for (const [k, v] of next) this.data.set(k, v);
    return this;
  }
  deleteProperty(key: string) {
    this.env.call('Properties.deleteProperty');
    this.data.delete(key);
    return this;
  }
}

export function fakePropertiesService(env: EmulatorEnv) {
  const stores = {
    document: new FakeProperties(env),
    script: new FakeProperties(env),
  };
  return {
    stores,
    service: {
      getDocumentProperties: () => stores.document,
      getScriptProperties: () => stores.script,
    },
  };
}
