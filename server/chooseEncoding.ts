/** The content codings the build writes beside a file, best first. */
export const ENCODINGS = ['br', 'gzip'] as const;
/** A content coding the build writes. */
export type Encoding = (typeof ENCODINGS)[number];

/** The file name the build gives a file's copy in `encoding`. */
export const encodedName = (file: string, encoding: Encoding): string => `${file}.${encoding === 'br' ? 'br' : 'gz'}`;

/**
 * The coding to answer with, from a request's Accept-Encoding and the copies at hand (RFC 9110 §12.5.3): the
 * acceptable one with the highest q-value, brotli before gzip on a tie; `*` stands for any coding not named;
 * `q=0` refuses one. Null: the file as it is.
 */
export function chooseEncoding(acceptEncoding: string | null | undefined, available: readonly Encoding[]): Encoding | null {
  if (!acceptEncoding || available.length === 0) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    // A q-value that is not a number counts as a refusal: never guess a coding the client may not decode.
    const q = params.find((p) => /^\s*q\s*=/.test(p));
    const weight = q === undefined ? 1 : Number(/^\s*q\s*=\s*([0-9.]+)\s*$/.exec(q)?.[1] ?? Number.NaN);
    weights.set(name.trim(), Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0);
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of ENCODINGS) {
    if (!available.includes(encoding)) continue;
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
