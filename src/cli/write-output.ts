// Writes a command's JSON result to a file (readable by the owner and group only: it says what the trail holds) or
// to stdout.
import fs from 'node:fs';

export function writeOutput(file: string | undefined, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (file === undefined) process.stdout.write(text);
  else fs.writeFileSync(file, text, { mode: 0o640 });
}
