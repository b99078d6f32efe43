// The `folio ingest` command as a user runs it: output lines, JSON, stderr format and exit status.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function folio(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/folio.ts", "ingest", ...args], { encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("folio ingest", () => {
  it("prints a line per good file, `error NAME: message` per bad one, and exits 2", () => {
    const run = folio("../shared/data/pdfs/asciihexdecode.pdf", "test/fixtures/image.png", "test/fixtures/sample.md", "../shared/data/pdfs/bug1020226.pdf");
    expect(run.status).toBe(2);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^asciihexdecode\.pdf {2}pdf {2}pages=1 .*characters=11 .*paragraphs=1 .*sentences=1 .*tokens=\d+$/);
    expect(lines[1]).toMatch(/^sample\.md {2}markdown {2}pages=0 {2}sections=4/);
    const errors = run.stderr.trim().split("\n").filter((line) => line.startsWith("error "));
    expect(errors[0]).toMatch(/^error UnsupportedTypeError: "image\.png" is not a document/);
    expect(errors[1]).toMatch(/^error DamagedFileError: "bug1020226\.pdf" is damaged/);
  });

  it("exits 0 and prints one JSON object per file with --json", () => {
    const run = folio("--json", "test/fixtures/sample.txt", "test/fixtures/encrypted.pdf", "--password", "folio-secret");
    expect(run.status).toBe(0);
    const documents = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as { name: string; text: string; sections: { paragraphs: { sentences: unknown[] }[] }[] });
    expect(documents.map((document) => document.name)).toEqual(["sample.txt", "encrypted.pdf"]);
    expect(documents[1]!.text).toContain("Secret plans for the harbour.");
    expect(documents[0]!.sections[0]!.paragraphs[0]!.sentences).toHaveLength(2);
  });

  it("asks for a password on an encrypted PDF", () => {
    const run = folio("test/fixtures/encrypted.pdf");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error PasswordRequiredError: /m);
  });

  it("rejects a call without files with a usage line", () => {
    const run = folio();
    expect(run.status).toBe(64);
    expect(run.stderr).toContain("usage:");
  });
});
