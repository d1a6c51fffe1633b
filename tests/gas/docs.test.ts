import { consolidate } from '../../src/core/consolidate';
import { isoDate } from '../../src/core/dates';
import { buildReport } from '../../src/core/report/build';
import { sampleProvince } from '../../src/core/sample';
import { validateAgency } from '../../src/core/validate';
import { parseAgencyTab } from '../../src/core/parse';
import { agencyTabPlan } from '../../src/core/template';
import { DocsWriter, docIdFrom } from '../../src/gas/docs';
import { Calls, FakeDocument, fakeDocumentApp } from '../fakes/gas';
import { snapshotOf } from '../helpers';
import { catalog } from './setup';

/** A province whose agencies all report the same, so that only their number differs. */
function report(communes: number) {
  const { settings } = sampleProvince(catalog, { provincial: 6, communes, mistakeShare: 0 });
  const results = settings.agencies.map((a) => {
    const snap = snapshotOf(agencyTabPlan(catalog, settings, a).plan);
    return validateAgency(catalog, settings, a, parseAgencyTab(catalog, snap), { today: isoDate(2026, 9, 30), isProtected: true });
  });
  return buildReport({ catalog, summary: consolidate(catalog, settings, results), today: isoDate(2026, 10, 5), stamp: '05/10/2026 08:00' });
}

function render(communes: number) {
  const calls = new Calls();
  const docs: FakeDocument[] = [];
  const out = new DocsWriter(fakeDocumentApp(calls, docs) as never).write(report(communes));
  return { calls, doc: docs[0], out };
}

describe('the Google Docs writer', () => {
  it('makes a number of DocumentApp calls that does not grow with the number of agencies', () => {
    const small = render(4);
    const large = render(60);
    expect(large.calls.total()).toBe(small.calls.total());
    expect(large.calls.total()).toBeLessThan(400);
  });

  it('sets A4, the decree\'s margins and Times New Roman, and saves the document', () => {
    const { doc, out } = render(2);
    const mm = (pt: number) => Math.round((pt * 25.4) / 72);
    expect([mm(doc.page.width), mm(doc.page.height), mm(doc.page.top), mm(doc.page.left), mm(doc.page.right)]).toEqual([210, 297, 20, 30, 15]);
    const paras = doc.body.filter((n) => n.kind === 'para');
    expect(paras.every((p) => p.attrs.FONT_FAMILY === 'Times New Roman')).toBe(true);
    expect(doc.saved).toBe(true);
    expect(out.url).toContain(doc.id);
    expect(doc.body.find((n) => n.text === 'BÁO CÁO')!.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
  });

  it('highlights placeholders exactly where they stand in the text', () => {
    const { doc } = render(2);
    const marks = doc.body.flatMap((n) => n.styled.filter((s) => s.what === 'highlight').map((s) => n.text.slice(s.start, s.end + 1)));
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => /^\[.*\]$/.test(m))).toBe(true);
  });

  it('recognises a template given as a link or an id', () => {
    expect(docIdFrom('https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit')).toBe('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789');
    expect(docIdFrom('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789')).toBe('1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789');
    expect(docIdFrom('mẫu của tôi')).toBeNull();
  });
});
