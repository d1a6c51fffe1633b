/** The .docx writer: sections and page numbers as Nghị định 30 wants them, read back from the XML. */
import JSZip from 'jszip';
import { document } from '../../src/core/report/layout';
import { para } from '../../src/core/report/model';
import { renderDocx } from '../../src/local/docx-writer';

async function partsOf(blocks: Parameters<typeof document>[1]) {
  const zip = await JSZip.loadAsync(await renderDocx(document('Thử', blocks)));
  const body = await zip.file('word/document.xml')!.async('string');
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const part = async (id: string) => {
    const target =
      new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels) ??
      new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
    return zip.file(`word/${target![1]}`)!.async('string');
  };
  return { body, part };
}

describe('the .docx writer', () => {
  const blocks = [
    para('Nội dung báo cáo.'),
    para('Phụ lục I', { newSection: true }),
    para('Bảng tình hình gửi báo cáo.'),
    para('Phụ lục II', { newSection: true }),
    para('Bảng số liệu.'),
  ];

  it('makes one section per appendix, each numbered from 1 with no number on its first page', async () => {
    const { body } = await partsOf(blocks);
    const sections = body.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(3);
    for (const s of sections) {
      expect(s).toContain('<w:pgNumType w:start="1"/>');
      expect(s).toContain('<w:titlePg/>');
    }
    // A section's properties close its last paragraph (the body's, then Phụ lục I's); the last
    // section's close the document body itself.
    const closing = body
      .split('</w:p>')
      .filter((p) => p.includes('<w:sectPr'))
      .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
    expect(closing).toEqual(['Nội dung báo cáo.', 'Bảng tình hình gửi báo cáo.', '']);
  });

  it('puts the page number in the top margin of every page but the first of each section', async () => {
    const { body, part } = await partsOf(blocks);
    const sections = body.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)!;
    for (const s of sections) {
      const ref = (type: string) => new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(s)![1];
      expect(await part(ref('default'))).toMatch(/PAGE/);
      expect(await part(ref('first'))).not.toMatch(/PAGE/);
    }
  });

  it('keeps a report without appendices in one section', async () => {
    const { body } = await partsOf([para('Phụ lục I', { newSection: true }), para('Chỉ một phần.')]);
    expect(body.match(/<w:sectPr/g)).toHaveLength(1);
  });
});
