/**
 * One top-level function per export, calling into the bundle's global. Apps Script finds menu
 * items, triggers and `google.script.run` targets only among top-level function declarations.
 */
export function topLevelStubs(globalName: string, exports: readonly string[]): string {
  return [...exports]
    .sort()
    .map((name) => `function ${name}() {\n  return ${globalName}.${name}.apply(this, arguments);\n}\n`)
    .join('');
}
