// The C# tests drive these scripts with one JSON document on stdin and read one JSON document from stdout.
export async function readInput() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export function writeOutput(value) {
  process.stdout.write(JSON.stringify(value));
}

export function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
