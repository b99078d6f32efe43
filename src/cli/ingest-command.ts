// `folio ingest`: not built yet.
export async function runIngest(_args: string[]): Promise<number> {
  process.stderr.write("error InternalError: ingest is not built yet\n");
  return 1;
}
