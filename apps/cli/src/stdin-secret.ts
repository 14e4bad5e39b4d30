/**
 * Reads a secret (password, wallet key) from standard input: never from argv, where shell history
 * and `ps` would keep it. A terminal is refused with an example of the pipe to use.
 */
import { ValidationError } from '@numerusx/core';

export async function readStdinSecret(what: string, example: string): Promise<string> {
  if (process.stdin.isTTY) {
    throw new ValidationError(`pipe the ${what} on standard input, e.g. \`${example}\``);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') throw new ValidationError(`no ${what} on standard input`);
  return text;
}
