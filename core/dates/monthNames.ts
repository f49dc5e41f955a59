/**
 * Month names and abbreviations as portals print them (English, German, French, Spanish, Dutch,
 * Italian, Portuguese, Danish, Norwegian, Swedish; Romanian, Hungarian, Polish, Czech and Turkish
 * in OTHER_NAMES).
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

/** Month by month: Romanian, Hungarian, Polish (also genitive), Czech (genitive), Turkish. */
const OTHER_NAMES = [
  'ianuarie ian január janu stycznia styczeń sty ledna leden ocak oca',
  'februarie február febr lutego luty lut února únor şubat şub',
  'martie március márc marca marzec března březen mart',
  'aprilie április ápr kwietnia kwiecień kwi dubna duben nisan nis',
  'mai május máj maja maj května květen mayıs',
  'iunie iun június jún czerwca czerwiec cze června červen haziran haz',
  'iulie iul július júl lipca lipiec lip července červenec temmuz tem',
  'august augusztus sierpnia sierpień sie srpna srpen ağustos ağu',
  'septembrie szeptember szept września wrzesień wrz září eylül eyl',
  'octombrie október października październik paź října říjen ekim eki',
  'noiembrie noi listopada listopad lis listopadu kasım kas',
  'decembrie december grudnia grudzień gru prosince prosinec aralık ara',
];

const LOOKUP = new Map<string, number>();
for (const [month, names] of NAMES) for (const name of names) LOOKUP.set(name, month);
OTHER_NAMES.forEach((names, i) => {
  for (const name of names.split(' ')) if (!LOOKUP.has(name)) LOOKUP.set(name, i + 1);
});

export function monthFromName(word: string): number | undefined {
  return LOOKUP.get(word.toLowerCase().replace(/\.$/, ''));
}

/** Latin letters with those of Latin Extended-A ("paź", "şubat", "kasım", "března"). */
export const MONTH_WORD = '[A-Za-zÀ-ž]{3,13}\\.?';
