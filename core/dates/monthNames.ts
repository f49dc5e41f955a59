/**
 * Month names and abbreviations as portals print them (English, German, French, Spanish, Dutch,
 * Italian, Portuguese, Danish, Norwegian, Swedish).
 */
const NAMES: Array<[number, string[]]> = [
  [
    1,
    [
      'january',
      'jan',
      'januar',
      'jänner',
      'janvier',
      'janv',
      'enero',
      'ene',
      'januari',
      'gennaio',
      'gen',
      'janeiro',
    ],
  ],
  [
    2,
    [
      'february',
      'feb',
      'februar',
      'février',
      'fevrier',
      'févr',
      'fevr',
      'febrero',
      'februari',
      'febbraio',
      'fevereiro',
      'fev',
    ],
  ],
  [3, ['march', 'mar', 'märz', 'mär', 'maerz', 'mars', 'marzo', 'maart', 'mrt', 'março', 'marco', 'marts']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'mei', 'maggio', 'mag', 'maio', 'maj']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago', 'augustus', 'augusti']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'set', 'settembre', 'setembro']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro']],
  [
    12,
    [
      'december',
      'dec',
      'dezember',
      'dez',
      'décembre',
      'decembre',
      'déc',
      'diciembre',
      'dic',
      'dicembre',
      'dezembro',
      'desember',
    ],
  ],
];

const LOOKUP = new Map<string, number>();
for (const [month, names] of NAMES) for (const name of names) LOOKUP.set(name, month);

export function monthFromName(word: string): number | undefined {
  return LOOKUP.get(word.toLowerCase().replace(/\.$/, ''));
}

export const MONTH_WORD = '[A-Za-zÀ-ÿ]{3,9}\\.?';
