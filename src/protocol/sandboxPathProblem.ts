/**
 * Why a path under the sandbox's asset folders (/pyodide/, /packages/) is refused, or null when it is
 * a plain one. The frame's CSP names those folders, but a path such as `/packages/..%2fapi/x` would
 * match the CSP's prefix and still reach another place; only exact names are served there.
 */
export function sandboxPathProblem(rawPath: string): string | null {
  if (/%(2f|5c|2e|00)/i.test(rawPath) || rawPath.includes('\\'))
    return 'an encoded separator or dot is not allowed in a sandbox asset path';
  if (rawPath.split('/').some((segment) => segment === '.' || segment === '..'))
    return 'dot segments are not allowed in a sandbox asset path';
  return null;
}
