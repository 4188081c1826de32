/**
 * Trusted Types for the page (its CSP has `require-trusted-types-for 'script'`): every string that reaches an
 * HTML or script-URL sink goes through a named policy. Created when this module is first imported, which
 * main.tsx does before anything else, so the policies exist before Monaco, React or a worker needs them.
 */

interface TrustedTypePolicyLike {
  createHTML(input: string): unknown;
}

interface TrustedTypesLike {
  createPolicy(
    name: string,
    rules: {
      createHTML?: (input: string, type?: string, sink?: string) => string | null;
      createScriptURL?: (input: string, type?: string, sink?: string) => string | null;
      createScript?: (input: string) => string | null;
    },
  ): TrustedTypePolicyLike;
}

/** A character reference alone (`&amp;`, `&#x27;`): what the chat's Markdown decoder sets as innerHTML to read back. */
const CHARACTER_REFERENCE = /^&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);$/i;

/**
 * The rules for strings that reach a sink without a policy of their own: worker scripts and modules from this
 * origin only (Vite's worker imports, blob: URLs this page made), a lone character reference as HTML, and nothing
 * else (a null answer makes the browser refuse the assignment).
 */
export function defaultRules(origin: string) {
  return {
    createScriptURL(input: string): string | null {
      if (input.startsWith(`blob:${origin}/`)) return input;
      try {
        return new URL(input, `${origin}/`).origin === origin ? input : null;
      } catch {
        return null;
      }
    },
    createHTML: (input: string): string | null => (CHARACTER_REFERENCE.test(input) ? input : null),
    createScript: (): null => null,
  };
}

const tt = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
const origin = globalThis.location?.origin ?? '';
// A page without Trusted Types (Firefox, Safari) needs no policy: strings go to the sinks as they are.
const outputPolicy = tt?.createPolicy('executor-output-html', { createHTML: (input) => input });
tt?.createPolicy('default', defaultRules(origin));

/**
 * A program's HTML or SVG output for the two places it may go: DOMParser (which neither runs nor loads anything:
 * links are neutralized and SVG bombs counted there) and the srcdoc of the output frame, sandboxed without
 * scripts. Nothing else may take it.
 */
export function outputHtml(html: string): string {
  return (outputPolicy?.createHTML(html) as string | undefined) ?? html;
}
