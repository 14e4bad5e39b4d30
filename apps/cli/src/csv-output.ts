/** How a number is written in CSV output: shortest exact form, empty during an indicator's warm-up. */
export function formatCell(value: number): string {
  return Number.isNaN(value) ? '' : String(value);
}

const CHUNK_LINES = 4096;

/**
 * Writes lines to stdout in large chunks (one write per few thousand rows, not per row) and
 * resolves once they are handed over. A reader that closes the pipe early (`| head`) ends the
 * output quietly: that is the reader saying "enough", not an error.
 */
export async function writeLines(lines: Iterable<string>): Promise<void> {
  const stdout = process.stdout;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  let chunk: string[] = [];
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length >= CHUNK_LINES) {
      await write(stdout, chunk);
      chunk = [];
      if (stdout.destroyed) return;
    }
  }
  if (chunk.length > 0) await write(stdout, chunk);
}

async function write(stream: NodeJS.WriteStream, lines: readonly string[]): Promise<void> {
  if (stream.write(lines.join('\n') + '\n')) return;
  // Wait for the reader; one that went away never drains, so stop on close or error too.
  await new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off('drain', done).off('close', done).off('error', done);
      resolve();
    };
    stream.on('drain', done).on('close', done).on('error', done);
  });
}
