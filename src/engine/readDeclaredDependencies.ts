import type { DeclaredDependencies } from '../protocol/calls.ts';
import type { ProjectFile } from '../protocol/testProtocol.ts';
import type { CallClient } from './createCallClient.ts';

/**
 * What the project's requirements.txt and pyproject.toml declare, read by the interpreter (null when it has
 * neither file, or they are not text).
 */
export function readDeclaredDependencies(
  files: readonly ProjectFile[],
  calls: Pick<CallClient, 'call'>,
): Promise<DeclaredDependencies | null> {
  const text = (path: string) => {
    const file = files.find((f) => f.path === path);
    return file && 'content' in file ? file.content : null;
  };
  const requirements = text('requirements.txt');
  const pyproject = text('pyproject.toml');
  if (requirements === null && pyproject === null) return Promise.resolve(null);
  return calls.call({ method: 'declaredDependencies', requirements, pyproject });
}
