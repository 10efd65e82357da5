// natural's stemmers, imported one file at a time: the package entry point loads every module (and
// dotenv) and takes ~1.5 s. Both files are CommonJS and export one stemmer object as module.exports.

declare module 'natural/lib/natural/stemmers/indonesian/stemmer_id.js' {
  /** Sastrawi's Indonesian stemmer (dictionary based; lower-cases its input). */
  const stemmer: { stem(token: string): string };
  export default stemmer;
}

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  /** The Porter stemmer for English (lower-cases its input; words under 3 letters pass unchanged). */
  const stemmer: { stem(token: string): string };
  export default stemmer;
}
