import { parseArgs } from 'node:util';
import { UsageError } from './io.js';

type OptionSpec = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean }
>;

/** What `parseArgs` returns for a spec, spelled out so declaration files can name it. */
export interface ParsedArgs<T extends OptionSpec> {
  values: {
    [K in keyof T]?: T[K]['type'] extends 'string'
      ? T[K]['multiple'] extends true
        ? string[]
        : string
      : boolean;
  };
  positionals: string[];
}

/** `util.parseArgs` with errors turned into usage errors and `--help` always understood. */
export function parseCommandArgs<T extends OptionSpec>(args: string[], options: T): ParsedArgs<T> {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }) as ParsedArgs<T>;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`Invalid port "${value}": expected a number from 0 to 65535.`);
  }
  return port;
}
