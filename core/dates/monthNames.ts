/** Month names and abbreviations as portals print them (English, German, French, Spanish, Dutch, Italian). */
const NAMES: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'januari', 'gennaio', 'gen']],
  [
    2,
    ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'febrero', 'februari', 'febbraio'],
  ],
  [3, ['march', 'mar', 'märz', 'mär', 'maerz', 'mars', 'marzo', 'maart', 'mrt']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'mei', 'maggio', 'mag']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'set', 'settembre']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott']],
  [11, ['november', 'nov', 'novembre', 'noviembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dicembre']],
];

const LOOKUP = new Map<string, number>();
for (const [month, names] of NAMES) for (const name of names) LOOKUP.set(name, month);

export function monthFromName(word: string): number | undefined {
  return LOOKUP.get(word.toLowerCase().replace(/\.$/, ''));
}

export const MONTH_WORD = '[A-Za-zÀ-ÿ]{3,9}\\.?';
