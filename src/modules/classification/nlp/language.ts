import type { NormalizedText } from './normalize.js';
import { isPlaceholder } from './stem.js';

export type Language = 'de' | 'en' | 'other';

// Frequent function words (folded like the tokens: für → fuer). Stopwords decide almost every
// real remark; other languages' lists exist so that French or Spanish is "other", not English.
const STOPWORDS: Record<string, string> = {
  de: 'der die das den dem des und ist nicht ich sie es ein eine einen einem einer mit auf fuer von zu zum zur im ist war wurde wurden habe haben hat hatte bin sind wir ihr mein meine meinen ihre ihren bei noch nur auch schon aber oder wenn dass weil kein keine keinen bitte danke sehr leider wie was wer wo warum immer nach ueber um aus doch mal jetzt heute seit bis mir mich uns euch sich kann koennen wird werden gibt gut schlecht nie ohne sondern wieder hier dort alles nichts man ja nein vielen dank gern gerne weiter mehr moeglich per jemand alle keiner endlich sofort hallo weg diese woche bisher tolle toll an am vom herrn ging kostet unterwegs angekommen lob',
  en: 'the and is are was were not i you it of to in for on with my your our have has had be been this that there but or if because no please thanks thank very would could can will just still already from at by as me we they what why when how do does did an its than then them their any all get got again ever keep being pls never arrives store staff worst best love',
  fr: 'le la les et est une des pas je vous nous pour avec dans sur ce qui que mais tres du au aux cette son sont ont etait merci bonjour',
  es: 'el los las y es una por para con que pero muy esta mi del al lo se su sus como gracias hola pero porque',
  it: 'il lo gli e non per con che una sono molto della questo questa ma anche grazie ciao perche',
  nl: 'het een en niet ik je van voor met op dat zijn maar wel geen ook naar bij dank',
  pt: 'os as nao um uma para com que mas muito obrigado voce isso esta sao',
};

const WORD_LANG = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS)) {
  for (const word of words.split(' ')) WORD_LANG.set(word, [...(WORD_LANG.get(word) ?? []), lang]);
}

// Letter sequences typical of one language, for remarks too short to contain a stopword
// ("Lieferung verspätet", "Refund please"). Only sequences rare in the other language count.
const DE_CUES = /sch|ung\b|cht|lich|keit|heit|tz|\bz|\bk|en\b|ei\b|ie[rn]?\b|pf|aa|nn\b/g;
const EN_CUES = /th|ing\b|tion\b|\bwh|ea|ou|y\b|ed\b|ly\b|ee|oo|ay\b|ow\b|ir\b|ck\b|\bj|ce\b/g;

function countMatches(word: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(word)) n++;
  return n;
}

/** de, en or other from stopwords, umlauts, script and letter cues. */
export function detectLanguage(norm: NormalizedText): Language {
  const scores: Record<string, number> = { de: 0, en: 0 };
  let latinLetters = 0;
  for (const clause of norm.clauses) {
    for (const token of clause) {
      if (isPlaceholder(token)) continue;
      latinLetters += token.length;
      const langs = WORD_LANG.get(token);
      if (langs) for (const lang of langs) scores[lang] = (scores[lang] ?? 0) + 1 / langs.length;
    }
  }
  if (norm.foreignLetters > latinLetters) return 'other';
  if (latinLetters < 2) return 'other';
  scores.de += Math.min(norm.umlauts, 3) * 0.7;
  let best = 'other';
  let bestScore = 0;
  for (const [lang, score] of Object.entries(scores)) {
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  if (bestScore >= 1) return best === 'de' || best === 'en' ? best : 'other';
  // No stopword to go by (a few words): letter cues, counted only now because they are slow.
  let cuesDe = 0;
  let cuesEn = 0;
  for (const token of norm.clauses.flat().slice(0, 200)) {
    if (isPlaceholder(token)) continue;
    cuesDe += countMatches(token, DE_CUES);
    cuesEn += countMatches(token, EN_CUES);
  }
  if (cuesDe === cuesEn) return 'other';
  return cuesDe > cuesEn ? 'de' : 'en';
}
