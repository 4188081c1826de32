import type { PythonRuntime } from './bootPyodide.ts';
import type { OutputSink } from './createOutputSink.ts';

/** Sends Python's stdout and stderr into `sink`, decoding UTF-8 across writes. */
export function pipeOutput(rt: PythonRuntime, sink: Pick<OutputSink, 'write'>): void {
  const decoders = { stdout: new TextDecoder(), stderr: new TextDecoder() };
  const writer = (stream: 'stdout' | 'stderr') => ({
    write(buffer: Uint8Array): number {
      sink.write(stream, decoders[stream].decode(buffer, { stream: true }));
      return buffer.length;
    },
    isatty: false,
  });
  rt.pyodide.setStdout(writer('stdout'));
  rt.pyodide.setStderr(writer('stderr'));
}
