/** Verbs that start a new request after "and" or a comma ("... and install them", "..., then profile it"). */
const VERBS =
  'run|execute|rerun|re-run|install|profile|check|validate|lint|explain|show|list|read|open|test|analy[sz]e|time|measure|give|tell|find|save|write|create|identify';

const SPLITTERS = [
  // Sentences.
  /(?<=[.!?])\s+(?=\S)|\n+/,
  // Sequencing words.
  /,?\s*\b(?:and then|then|after that|afterwards|and finally|finally|next)\b[,:]?\s*/i,
  /;\s*/,
  // "X and <verb> Y", "X, <verb> Y".
  new RegExp(`\\s+and\\s+(?=(?:also\\s+)?(?:${VERBS})\\b)|,\\s*(?=(?:${VERBS})\\b)`, 'i'),
];

/** The requests in a message's prose, in order: "Run the tests, then profile the slowest one" gives two. */
export function splitClauses(prose: string): string[] {
  let parts = [prose];
  for (const re of SPLITTERS)
    parts = parts.flatMap((p) => p.split(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)));
  return parts.map((p) => p.trim()).filter((p) => /[A-Za-z]/.test(p));
}
