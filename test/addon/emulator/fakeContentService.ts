import type { EmulatorEnv } from './emulatorEnv';

const MimeType = { JSON: 'JSON', TEXT: 'TEXT', CSV: 'CSV' } as const;

export class FakeTextOutput {
  mimeType: string = MimeType.TEXT;
  constructor(private content: string) {}
  setMimeType(mimeType: string) {
    this.mimeType = mimeType;
    return this;
  }
  getMimeType() {
    return this.mimeType;
  }
  getContent() {
    return this.content;
  }
}

export function fakeContentService(env: EmulatorEnv) {
  return {
    MimeType,
    createTextOutput(content = '') {
      env.call('ContentService.createTextOutput');
      return new FakeTextOutput(content);
    },
  };
}
