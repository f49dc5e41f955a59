import type { EmulatorEnv } from './emulatorEnv';

export class FakeHtmlOutput {
  title = '';
  width = 0;
  height = 0;
  constructor(private content: string) {}
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  setHeight(height: number) {
    this.height = height;
    return this;
  }
  getContent() {
    return this.content;
  }
}

/** Serves the project's HTML files by name (without `.html`), as clasp uploads them. */
export function fakeHtmlService(env: EmulatorEnv, files: Record<string, string>) {
  return {
    createHtmlOutputFromFile(filename: string) {
      env.call('HtmlService.createHtmlOutputFromFile');
      const content = files[filename] ?? files[`${filename}.html`];
      if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
      return new FakeHtmlOutput(content);
    },
    createHtmlOutput(html = '') {
      env.call('HtmlService.createHtmlOutput');
      return new FakeHtmlOutput(html);
    },
  };
}
