// `folio compress`: not built yet (issue 3).
export async function runCompress(_args: string[]): Promise<number> {
  process.stderr.write("error InternalError: compress is not built yet\n");
  return 1;
}
