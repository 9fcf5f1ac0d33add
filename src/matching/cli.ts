// `passerelle allocate`: runs the allocation core on a file, so a round can be checked outside the app.
// bin/passerelle.js imports this module alone for `allocate` (not the server), to keep the process short.
import fs from 'node:fs';
import { allocate, AllocationInputError } from './allocation/index.ts';

export const allocateUsage = `Usage: passerelle allocate --input <instance.json> [--output <result.json>]

Proposes the allocation that fills the most slots, then has the highest total score, within the experts'
capacities, the assignments' slots, the locked and the excluded pairs. Prints the result as JSON
({"pairs":[{"expert","assignment","score"}],"filled":N,"total":X}), or writes it to --output.
Invalid input exits with status 1 and a message naming the offending entry.`;

interface Streams {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processStreams: Streams = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

function parseArguments(args: string[]): { input?: string; output?: string; help: boolean; wrong?: string } {
  const parsed: { input?: string; output?: string; help: boolean; wrong?: string } = { help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (flag === '--help' || flag === '-h') parsed.help = true;
    else if (flag === '--input' || flag === '--output') {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return { ...parsed, wrong: `${flag} needs a file name` };
      parsed[flag === '--input' ? 'input' : 'output'] = value;
    } else return { ...parsed, wrong: `unknown argument ${arg}` };
  }
  return parsed;
}

/**
 * Runs `passerelle allocate` with the arguments after the command name; returns the exit status (0 done, 1 input
 * refused, 2 wrong usage). Nothing is written when the input is refused.
 */
export async function runAllocate(args: string[], streams: Streams = processStreams): Promise<number> {
  const options = parseArguments(args);
  if (options.help) {
    streams.out(`${allocateUsage}\n`);
    return 0;
  }
  if (options.wrong || !options.input) {
    streams.err(`${options.wrong ?? '--input is required'}\n\n${allocateUsage}\n`);
    return 2;
  }
  let instance: unknown;
  try {
    instance = JSON.parse(await fs.promises.readFile(options.input, 'utf8'));
  } catch (error) {
    streams.err(
      `${options.input}: ${error instanceof SyntaxError ? 'not valid JSON: ' : ''}${(error as Error).message}\n`,
    );
    return 1;
  }
  try {
    const result = allocate(instance);
    const json = `${JSON.stringify(result)}\n`;
    if (options.output) {
      await fs.promises.writeFile(options.output, json);
      streams.err(`${result.filled} slots filled, total score ${result.total}: written to ${options.output}\n`);
    } else streams.out(json);
    return 0;
  } catch (error) {
    if (error instanceof AllocationInputError) {
      streams.err(`${options.input}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
