// Types for the parts of `natural` we import one by one (its index would load every backend).
declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer.js' {
  export default class AggressiveTokenizer {
    tokenize(text: string): string[];
  }
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_de.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
