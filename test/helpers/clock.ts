// What differs between two runs of the same world: the clock (when a run started, how long things took)
// and the fake's request ids (numbered across every endpoint in the test's process).

export function clockless(text: string): string {
  return text
    .replace(/00000000-0000-4000-8000-\d{12}/g, '<request-id>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/"durationMs": \d+/g, '"durationMs": <ms>')
    .replace(/\b\d+ ms\b/g, '<ms> ms');
}
