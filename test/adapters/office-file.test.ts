// The open workbook's file as Office hands it over in slices, and base64 for Excel.createWorkbook.
import { base64Of, documentBytes, DocumentUnavailable, type OfficeDocumentLike } from '../../src/adapters/officeFile';
import { XlsxWorkbook } from '../../src/adapters/xlsx';
import { seed002Workbook } from '../../scripts/fixtures';

/** A document whose file comes in slices of `size` bytes, failing at slice `failAt` if given; counts open files. */
function fakeDocument(bytes: Uint8Array, size: number, failAt = -1) {
  const state = { open: 0, closed: 0, type: '' };
  const doc: OfficeDocumentLike = {
    getFileAsync: (type, _opts, cb) => {
      state.type = type;
      state.open++;
      const sliceCount = Math.ceil(bytes.length / size);
      setTimeout(() =>
        cb({
          status: 'succeeded',
          value: {
            sliceCount,
            getSliceAsync: (i, cb2) =>
              setTimeout(() =>
                i === failAt
                  ? cb2({ status: 'failed', value: { data: [] }, error: { message: 'slice lost' } })
                  : cb2({ status: 'succeeded', value: { data: Array.from(bytes.subarray(i * size, (i + 1) * size)) } }),
              ),
            closeAsync: () => void state.closed++,
          },
        }),
      );
    },
  };
  return { doc, state };
}

describe('the open workbook as a file', () => {
  test('slices are joined in order into the .xlsx the .xlsx adapter opens; the file is closed', async () => {
    const bytes = new Uint8Array((await seed002Workbook().xlsx.writeBuffer()) as ArrayBuffer);
    const { doc, state } = fakeDocument(bytes, 1000);
    const got = await documentBytes(doc);
    expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
    expect(state).toEqual({ open: 1, closed: 1, type: 'compressed' });
    const wb = await XlsxWorkbook.load(got);
    expect((await wb.read({ extra: [] })).sheets.map((s) => s.name)).toContain('Phụ lục');
  });

  test('a slice that fails: a Vietnamese message saying what to do, and the file still closed', async () => {
    const { doc, state } = fakeDocument(new Uint8Array(5000), 1000, 2);
    await expect(documentBytes(doc)).rejects.toThrow(DocumentUnavailable);
    await expect(documentBytes(fakeDocument(new Uint8Array(5000), 1000, 2).doc)).rejects.toThrow(/Excel không cho đọc nội dung sổ làm việc \(slice lost\)\. Hãy lưu sổ rồi thử lại/);
    expect(state.closed).toBe(1);
  });

  test('base64 of megabytes (no call-stack overflow) decodes to the same bytes', () => {
    const bytes = new Uint8Array(3_000_001).map((_, i) => (i * 7919) % 256);
    expect(Buffer.from(base64Of(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
  });
});
