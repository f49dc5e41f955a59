import { buildAddon } from './buildAddon';

// `npm run addon:build`
const result = await buildAddon();
console.log(
  `sheets-addon: ${result.outDir}/Code.js ${(result.codeBytes / 1024).toFixed(1)} KB, ` +
    `${result.exports.length} top-level functions: ${result.exports.join(', ')}`,
);
