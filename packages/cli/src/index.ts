/**
 * The `porthole` command. `runCli` is exported so tests (and other tools) can run commands
 * in-process with their own output streams.
 */
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { devCommand } from './commands/dev.js';
import { deliveriesCommand } from './commands/deliveries.js';
import { relayCommand } from './commands/relay.js';
import { searchCommand } from './commands/search.js';
import { serveCommand } from './commands/serve.js';
import { processIo, UsageError, type CliIo, type Command } from './io.js';

export type { CliIo, Command } from './io.js';

const commands: readonly Command[] = [
  buildCommand,
  checkCommand,
  devCommand,
  searchCommand,
  serveCommand,
  relayCommand,
  deliveriesCommand,
];

const usage = `Usage: porthole <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run \`porthole <command> --help\` for a command's options.
Docs: https://github.com/porthole-help/porthole/tree/main/docs
`;

/**
 * Runs one `porthole` command and resolves with its exit status: 0 success, 1 failure
 * reported by the command, 2 a usage mistake.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${await readVersion()}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`porthole: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`porthole ${name}: ${error.message}\nRun \`porthole ${name} --help\` for usage.\n`);
      return 2;
    }
    io.err(`porthole ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function readVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
