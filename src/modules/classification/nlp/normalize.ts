import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer.js';

/** Longest prefix we look at: a 1 MB mail says nothing more about its topic than its first pages. */
export const MAX_CHARS = 20_000;

/** A remark reduced to what the models read: folded tokens per clause plus surface signals. */
export interface NormalizedText {
  /** Clauses (split at punctuation) of lower-case ASCII tokens; placeholders end in 'x' (urlx, numx). */
  clauses: string[][];
  tokenCount: number;
  exclaim: number;
  question: number;
  /** Share of words written in capitals (shouting). */
  caps: number;
  emoPos: number;
  emoNeg: number;
  /** Letters outside the Latin script (Cyrillic, CJK, …): a sign of another language. */
  foreignLetters: number;
  /** ä, ö, ü or ß seen before folding: a strong hint of German. */
  umlauts: number;
}

// Emoji and emoticons carry much of the sentiment of short reviews and tweets.
const POSITIVE_EMOJI = new Set([
  ...'😀😃😄😁😆😊🙂😍🥰😘😗😙😚👍👏🙏💕💖💗💓💞💯🎉✨🌟⭐🤩😇🥳👌💪🤗😻🙌🏆🥇✅💚💙💜🧡💛',
  '❤',
  '♥',
  '☺',
]);
const NEGATIVE_EMOJI = new Set([
  ...'😠😡🤬😤😞😟😢😭😩😫😒🙄👎💔😖😣😕🤮🤢😱😨😰😓🙁😑😬🤦😾💩❌🤯😪😔😥',
  '☹',
]);
const EMOJI = /\p{Extended_Pictographic}|[☹☺♥]/gu;
const EMOTICON_POS = /(?:^|\s)(?:[:;=]-?[)\]dDpP]|\^\^|<3)(?=\s|$)/g;
const EMOTICON_NEG = /(?:^|\s)(?:[:;=]'?-?[([/\\]|>:\(|D:)(?=\s|$)/g;

const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const NUMBER = /\d+(?:[.,:]\d+)*/g;
const CAPS_WORD = /\b[A-ZÄÖÜ]{3,}\b/g;
const WORD = /[A-Za-zÄÖÜäöüß]{2,}/g;
const FOREIGN = /[\u0370-\u1dff\u2e80-\u9fff\uac00-\ud7af]/gu;
const UMLAUT = /[äöüß]/g;
const NON_ASCII = /[\u0080-\uffff]/;
const FOLD: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
// Sentence and clause ends bound the scope of a negation ("nicht schnell, aber gut").
const CLAUSE = /[.!?;:,()[\]{}"\n\r\t]+|\s[-–—]\s/;
// Everything else that is not part of a word becomes a space; inner hyphens join ("e-mail").
const INNER_HYPHEN = /([a-z])-(?=[a-z])/g;
const APOSTROPHE_S = /['’]s\b/g;
const NT = /n['’]t\b/g;
const JUNK = /[^a-z0-9.!?;:,()[\]{}"\n\r\t -]+/g;

const tokenizer = new AggressiveTokenizer();

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * Lower-cases and folds the text (umlauts to ae/oe/ue, accents dropped), replaces URLs, e-mail addresses, numbers, currency and emoji by
 * placeholder tokens, and splits it into clauses of tokens with natural's tokenizer.
 */
export function normalize(input: string): NormalizedText {
  let raw = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  const nonAscii = NON_ASCII.test(raw);
  if (nonAscii) raw = raw.normalize('NFC');
  const caps = /[A-ZÄÖÜ]{3}/.test(raw) ? count(raw, CAPS_WORD) / Math.max(1, count(raw, WORD)) : 0;
  let emoPos = 0;
  let emoNeg = 0;
  let foreignLetters = 0;
  let umlauts = 0;
  // The slower patterns only run when their telltale character is there.
  let text = /www\.|:\/\//i.test(raw) ? raw.replace(URL, ' urlx ') : raw;
  if (text.includes('@')) text = text.replace(EMAIL, ' emailx ');
  if (nonAscii) {
    foreignLetters = count(text, FOREIGN);
    text = text.replace(EMOJI, (e) => {
      if (POSITIVE_EMOJI.has(e)) return (emoPos++, ' emoposx ');
      if (NEGATIVE_EMOJI.has(e)) return (emoNeg++, ' emonegx ');
      return ' emojix ';
    });
  }
  if (/[:;=<^]/.test(text)) {
    text = text
      .replace(EMOTICON_POS, () => (emoPos++, ' emoposx '))
      .replace(EMOTICON_NEG, () => (emoNeg++, ' emonegx '));
  }
  text = text.toLowerCase();
  if (nonAscii) {
    umlauts = count(text, UMLAUT);
    text = text
      .replace(/[€$£¥]/g, ' currx ')
      .replace(/%/g, ' pctx ')
      .replace(/[äöüß]/g, (c) => FOLD[c])
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
  } else {
    text = text.replace(/\$/g, ' currx ').replace(/%/g, ' pctx ');
  }
  const exclaim = count(text, /!/g);
  const question = count(text, /\?/g);
  text = text.replace(NUMBER, ' numx ');
  if (/['’]/.test(text)) text = text.replace(NT, ' not').replace(APOSTROPHE_S, '');
  if (text.includes('-')) text = text.replace(INNER_HYPHEN, '$1');
  text = text.replace(JUNK, ' ');

  const clauses: string[][] = [];
  let tokenCount = 0;
  for (const part of text.split(CLAUSE)) {
    const tokens = tokenizer.tokenize(part.includes('-') ? part.replace(/-/g, ' ') : part);
    if (tokens.length) {
      clauses.push(tokens);
      tokenCount += tokens.length;
    }
  }
  return { clauses, tokenCount, exclaim, question, caps, emoPos, emoNeg, foreignLetters, umlauts };
}
