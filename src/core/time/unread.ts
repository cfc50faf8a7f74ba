// What a phrase says beyond its schedule: text outside every component that is not a
// connective or a task verb ("Quý IV/2024 và theo lộ trình triển khai …" → "theo lộ trình triển khai …").
const FILLER = new Set(
  (
    'va hoac tu den toi trong cua thuc hien hoan thanh trien khai to chuc bao cao dinh ky thoi gian vao la han het cac nhung ' +
    'nhiem vu tiep theo ngay thang quy nam truoc sau khi du kien bat dau dot xuat theo lan hang moi tiep tuc cham nhat ke dot ' +
    'thuc hien xong tien do co ca tung giai doan'
  ).split(' '),
);

/** Leftover pieces of `text` (spans taken out), each holding a word that is not filler. */
export function unreadPieces(text: string, folded: string, taken: readonly { start: number; end: number }[]): string[] {
  const mask = new Uint8Array(text.length);
  for (const t of taken) mask.fill(1, t.start, t.end);
  const pieces: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (mask[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && !mask[j]) j++;
    const words = folded.slice(i, j).match(/[a-z0-9]+/g) ?? [];
    if (words.some((w) => !FILLER.has(w))) {
      const piece = text.slice(i, j).replace(/^[\s,;.:()\-–]+|[\s,;.:()\-–]+$/g, '');
      if (piece) pieces.push(piece);
    }
    i = j;
  }
  return pieces;
}
