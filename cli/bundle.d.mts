export const BUNDLE_DIR: string;
export const METAFILE: string;
export function freshEntry(dir?: string): string | undefined;
export function buildBundle(dir?: string): Promise<string>;
export function bundleEntry(): Promise<string>;
