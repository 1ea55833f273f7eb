// A compact, lossless text form of a file's ascending sequence numbers ("3-9,12,15-20"), so that a planned
// delivery can record exactly which events each file holds at little cost: a trail's files are mostly runs.

export function encodeSeqRanges(seqs: readonly number[]): string {
  const parts: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  const flush = () => {
    if (start === undefined || previous === undefined) return;
    parts.push(start === previous ? String(start) : `${start}-${previous}`);
  };
  for (const seq of seqs) {
    if (previous !== undefined && seq <= previous) throw new Error(`sequence numbers must ascend: ${seq} after ${previous}`);
    if (previous === undefined || seq !== previous + 1) {
      flush();
      start = seq;
    }
    previous = seq;
  }
  flush();
  return parts.join(',');
}

export function decodeSeqRanges(text: string): number[] {
  if (text === '') return [];
  return text.split(',').flatMap((part) => {
    const [first, last] = part.split('-').map(Number);
    if (first === undefined || !Number.isSafeInteger(first)) throw new Error(`bad sequence range: ${part}`);
    const end = last ?? first;
    if (!Number.isSafeInteger(end) || end < first) throw new Error(`bad sequence range: ${part}`);
    return Array.from({ length: end - first + 1 }, (_, i) => first + i);
  });
}
