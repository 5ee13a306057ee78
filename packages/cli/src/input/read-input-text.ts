import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { VajraError } from '@vajra-stream/core';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The text of an input file (`-` reads stdin). A missing or unreadable file is `FILE_NOT_FOUND` /
 * `FILE_UNREADABLE` (exit code 3).
 *
 * @example
 * ```ts
 * const text = await readInputText('program.json', process.cwd());
 * ```
 */
export async function readInputText(path: string, cwd: string): Promise<string> {
  if (path === '-') return readStdin();
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new VajraError('FILE_NOT_FOUND', `no such file: ${path}`, { status: 404 });
    throw new VajraError('FILE_UNREADABLE', `cannot read ${path}: ${(error as Error).message}`, { status: 400, cause: error });
  }
}
