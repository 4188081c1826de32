/** Lines of a text as an editor counts them (a final newline does not start another line). */
export function countLines(text: string): number {
  if (text === '') return 0;
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}
