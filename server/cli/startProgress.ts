/**
 * A progress line on stderr while the interpreter starts ("Starting Python… 3 s"), redrawn each second and erased
 * when `done` is called. Only on a terminal: piped output stays clean.
 */
export function startProgress(label: string, stream: NodeJS.WriteStream = process.stderr): { done(): void } {
  if (!stream.isTTY) return { done: () => undefined };
  const started = Date.now();
  const draw = () => stream.write(`\r${label}… ${Math.round((Date.now() - started) / 1000)} s`);
  draw();
  const timer = setInterval(draw, 1000);
  return {
    done() {
      clearInterval(timer);
      stream.write('\r\x1b[2K');
    },
  };
}
