/**
 * Stop-words for word frequencies: the function words of Indonesian and English that fill every
 * transcript and say nothing about its themes. Both lists are telaah's own, written for it from the
 * grammar of each language (pronouns, demonstratives, prepositions, conjunctions, particles, auxiliaries,
 * question words, fillers) and from the commonest words of the sample transcripts in samples/bpjs-medan,
 * which speak everyday Jakarta and Medan Indonesian; they are not copied from a published list.
 *
 * Numbers written as words are listed too (digits are left out by the counter), since amounts and
 * counts fill interviews about fees and say little about themes. A word is left in when it can carry
 * content in these interviews even though it is frequent: `orang`, `kerja`, `baru`, `baik`, `dapat`,
 * `bayar`, `daftar`, `uang`, `banyak`, `punya`.
 * Lists hold lower-case forms, with ' for the apostrophe (as tokenize's lowerWord writes them).
 */

/** Indonesian, formal and colloquial. */
export const INDONESIAN_STOP_WORDS: readonly string[] = [
  // pronouns, including colloquial and regional ones (gue/gua/gw Jakarta, awak Medan, kau, lu/lo)
  'aku', 'saya', 'gue', 'gua', 'gw', 'awak', 'kamu', 'kau', 'engkau', 'anda', 'lu', 'lo', 'elu', 'elo', 'dia', 'ia',
  'beliau', 'kami', 'kita', 'kalian', 'mereka', 'daku', 'dikau', 'nya',
  // terms of address, used as "you" in interviews (Bu, Pak, Mbak, Bang, Kak, Mpok)
  'bu', 'pak', 'ibu', 'bapak', 'mbak', 'mba', 'mas', 'bang', 'abang', 'kak', 'dik', 'dek', 'mpok', 'om', 'tante', 'nak', 'neng', 'bro', 'si', 'sang',
  // demonstratives and place deixis
  'ini', 'itu', 'sini', 'situ', 'sana', 'begini', 'begitu', 'gini', 'gitu', 'tersebut', 'tu', 'ni',
  // prepositions
  'di', 'ke', 'dari', 'pada', 'kepada', 'daripada', 'untuk', 'buat', 'bagi', 'dengan', 'ama', 'sama', 'oleh', 'tentang',
  'mengenai', 'sampai', 'sampe', 'hingga', 'sejak', 'dalam', 'antara', 'atas', 'terhadap', 'menurut', 'tanpa', 'per',
  // conjunctions
  'dan', 'atau', 'tapi', 'tetapi', 'namun', 'karena', 'karna', 'soalnya', 'sebab', 'jadi', 'jadinya', 'kalau', 'kalo',
  'jika', 'jikalau', 'bila', 'apabila', 'supaya', 'agar', 'biar', 'sehingga', 'maka', 'lalu', 'terus', 'trus', 'kemudian',
  'walaupun', 'walau', 'meskipun', 'meski', 'biarpun', 'padahal', 'serta', 'bahwa', 'yaitu', 'yakni',
  'seperti', 'kayak', 'kek', 'macam', 'sebagai', 'ataupun', 'maupun', 'melainkan', 'sedangkan',
  // the relative marker and existence
  'yang', 'ada', 'adalah', 'ialah', 'merupakan',
  // negation (nggak, gak, kagak, ndak: colloquial "tidak")
  'tidak', 'tak', 'nggak', 'ngga', 'enggak', 'engga', 'gak', 'ga', 'kagak', 'ndak', 'nda', 'bukan', 'belum', 'jangan',
  // auxiliaries and modals
  'sudah', 'udah', 'dah', 'telah', 'lagi', 'akan', 'bakal', 'mau', 'masih', 'pernah', 'bisa', 'boleh', 'harus', 'mesti',
  'musti', 'perlu', 'sedang',
  // adverbs of degree, focus and time
  'sangat', 'banget', 'sekali', 'amat', 'kali', 'paling', 'lebih', 'agak', 'cukup', 'juga', 'jg', 'aja', 'saja', 'cuma',
  'cuman', 'hanya', 'memang', 'emang', 'mungkin', 'pasti', 'tentu', 'pula', 'pulak', 'tadi', 'nanti', 'ntar', 'entar',
  'dulu', 'pas', 'sebenarnya', 'sebetulnya', 'kayaknya', 'katanya', 'gimana',
  // question words (cemana: Medan "how")
  'apa', 'siapa', 'mana', 'kapan', 'kenapa', 'mengapa', 'bagaimana', 'berapa', 'cemana', 'ngapain',
  // quantifiers and articles
  'semua', 'segala', 'setiap', 'tiap', 'beberapa', 'para', 'sebuah', 'suatu', 'sesuatu', 'seorang', 'sendiri', 'lain',
  // particles and fillers
  'ya', 'yah', 'iya', 'kan', 'sih', 'dong', 'deh', 'kok', 'nih', 'tuh', 'lah', 'pun', 'kah', 'toh', 'loh', 'lho', 'nah',
  'wah', 'eh', 'oh', 'ah', 'ih', 'hm', 'hmm', 'mm', 'ehm', 'em', 'yo', 'yuk', 'bah', 'oke', 'ok', 'hehe', 'haha', 'hahaha', 'wkwk',
  // numbers as words
  'nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas', 'belas',
  'puluh', 'seratus', 'ratus', 'seribu', 'ribu', 'sejuta', 'juta', 'miliar', 'setengah', 'kedua', 'ketiga',
  // transcribers' notes of laughter, e.g. "(tertawa)"
  'tertawa',
];

/** English. */
export const ENGLISH_STOP_WORDS: readonly string[] = [
  // articles, determiners, quantifiers
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'all', 'each', 'every', 'both', 'either', 'neither',
  'few', 'more', 'most', 'other', 'another', 'such', 'own', 'same', 'no', 'not', 'only', 'than',
  // pronouns
  'i', 'me', 'my', 'mine', 'myself', 'you', 'your', 'yours', 'yourself', 'he', 'him', 'his', 'himself', 'she', 'her',
  'hers', 'herself', 'it', 'its', 'itself', 'we', 'us', 'our', 'ours', 'ourselves', 'they', 'them', 'their', 'theirs',
  'themselves', 'one', 'someone', 'something', 'anything', 'everything',
  // prepositions
  'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'about', 'as', 'into', 'onto', 'like', 'through', 'after',
  'over', 'between', 'out', 'against', 'during', 'without', 'before', 'under', 'around', 'among', 'up', 'down', 'off',
  'above', 'below', 'upon', 'via', 'per',
  // conjunctions
  'and', 'or', 'but', 'if', 'then', 'so', 'because', 'while', 'until', 'although', 'though', 'whether', 'since', 'unless', 'nor',
  // verbs that serve as auxiliaries
  'is', 'am', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did', 'doing',
  'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'get', 'got',
  // contractions
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "won't",
  "wouldn't", "can't", "couldn't", "shouldn't", "it's", "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'll",
  "he's", "she's", "we're", "we've", "they're", "they've", "that's", "there's", "what's", "let's",
  // adverbs and question words
  'there', 'here', 'what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'very', 'too', 'also',
  'just', 'again', 'once', 'now', 'still', 'even', 'really', 'quite', 'much', 'many', 'well', 'yes', 'maybe', 'already',
  // numbers as words
  'zero', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'hundred', 'thousand', 'million', 'billion',
  'first', 'second', 'third', 'half',
  // fillers
  'oh', 'um', 'uh', 'er', 'hmm', 'yeah', 'okay', 'ok', 'laughs', 'laughter', 'inaudible', 'crosstalk',
];

/** The two lists as one set, for leaving stop-words out whatever language a turn is in. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...INDONESIAN_STOP_WORDS, ...ENGLISH_STOP_WORDS]);

/** Whether a lower-cased word form (see lowerWord) is a stop-word of Indonesian or English. */
export function isStopWord(lower: string): boolean {
  return STOP_WORDS.has(lower);
}
