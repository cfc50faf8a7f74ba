// The open workbook as the bytes of its .xlsx (Office's "compressed" file, read slice by slice), and a
// new Excel window from .xlsx bytes. With them, Excel sends each agency a copy of its sheet part as it
// is, through the same .xlsx adapter as the command line.

/** What the adapter uses of Office.context.document (the type is Office's; the tests pass a fake). */
export interface OfficeDocumentLike {
  getFileAsync(fileType: string, options: { sliceSize: number }, callback: (r: AsyncResultLike<OfficeFileLike>) => void): void;
}
export interface OfficeFileLike {
  sliceCount: number;
  getSliceAsync(index: number, callback: (r: AsyncResultLike<{ data: ArrayLike<number> }>) => void): void;
  closeAsync(callback?: (r: AsyncResultLike<void>) => void): void;
}
interface AsyncResultLike<T> {
  status: string;
  value: T;
  error?: { message: string };
}

/** Office's largest slice. */
const SLICE = 4 * 1024 * 1024;

export class DocumentUnavailable extends Error {}

/** The open workbook's .xlsx bytes, including what is not saved yet. The file is always closed (Office keeps at most two open). */
export function documentBytes(doc: OfficeDocumentLike): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => reject(new DocumentUnavailable(`Excel không cho đọc nội dung sổ làm việc (${why}). Hãy lưu sổ rồi thử lại, hoặc dùng lệnh phan-cong distribute trên tệp .xlsx.`));
    doc.getFileAsync('compressed', { sliceSize: SLICE }, (r) => {
      if (r.status !== 'succeeded') return fail(r.error?.message ?? 'getFileAsync');
      const file = r.value;
      const parts: Uint8Array[] = [];
      const next = (i: number) => {
        if (i >= file.sliceCount) {
          file.closeAsync();
          const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const p of parts) {
            out.set(p, at);
            at += p.length;
          }
          return resolve(out);
        }
        file.getSliceAsync(i, (s) => {
          if (s.status !== 'succeeded') {
            file.closeAsync();
            return fail(s.error?.message ?? `getSliceAsync ${i}`);
          }
          parts.push(Uint8Array.from(s.value.data));
          next(i + 1);
        });
      };
      next(0);
    });
  });
}

/** Base64 of bytes, in chunks (a spread of megabytes overflows the call stack). */
export function base64Of(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x2000) s += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return btoa(s);
}
