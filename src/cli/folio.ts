// Command-line entry on the same code as the app: `npm run folio -- <command> ...`.
import { runIngest } from "./ingest-command";
import { runCompress } from "./compress-command";

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  ingest: runIngest,
  compress: runCompress,
};

const USAGE = `usage: npm run folio -- <command> [options]
commands:
  ingest FILE... [--json]                         pages, characters, paragraphs, sentences and tokens per file
  compress --batch REQUESTS.jsonl [--out FILE]    query-guided compression of each request line`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `unknown command "${name}"\n` : ""}${USAGE}\n`);
    return 64;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error InternalError: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
