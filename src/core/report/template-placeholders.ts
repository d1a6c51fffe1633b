/**
 * A consolidator's own Google Docs template: the {{placeholders}} it may use and the statistics
 * table, filled from the same context as the drafted province report (province.ts).
 */
import { formatResult } from '../figures/consolidate';
import { formatDmy } from '../primitives/dates';
import { inText } from '../periods';
import { summaryTable } from './appendix';
import { issueDate } from './layout';
import { TableBlock } from './model';
import { ReportContext, reportDate } from './province';

// ---------------------------------------------------------------------------------------------
// Custom templates: {{placeholders}} a consolidator's own document may use
// ---------------------------------------------------------------------------------------------

export const TABLE_PLACEHOLDER = 'bang_tong_hop';

/** Text placeholders and their values; every indicator code is one too ({{3.4.1}}). */
export function placeholderValues(ctx: ReportContext): Record<string, string> {
  const s = ctx.summary;
  const st = s.settings;
  const sent = s.submission.filter((e) => e.submitted);
  const out: Record<string, string> = {
    ky_bao_cao: inText(st.period)
      .replace(/ năm \d{4}$/, '')
      .replace(/^năm \d{4}$/, 'năm'),
    ky_bao_cao_day_du: inText(st.period),
    nam: String(st.period.year),
    co_quan_bao_cao: st.issuingBody,
    dia_danh: st.place,
    ngay_bao_cao: issueDate({ date: reportDate(ctx), dayBlank: !ctx.summary.settings.reportDate }),
    so_ky_hieu: st.docNumber,
    han_gui: formatDmy(st.deadline),
    tu_ngay: formatDmy(st.period.from),
    den_ngay: formatDmy(st.period.to),
    so_don_vi: String(s.submission.length),
    so_don_vi_da_gui: String(sent.length),
    so_don_vi_chua_gui: String(s.submission.length - sent.length),
    so_don_vi_gui_cham: String(sent.filter((e) => e.daysLate).length),
    don_vi_chua_gui:
      s.submission
        .filter((e) => !e.submitted)
        .map((e) => e.agency.name)
        .join(', ') || 'không có',
  };
  for (const [code, r] of s.indicators)
    out[code] = formatResult(r) ?? (r.notApplicable ? 'không áp dụng' : `[chưa có số liệu: ${code}]`);
  return out;
}

/** The consolidated statistics table, for {{bang_tong_hop}}. */
export function summaryTableBlock(ctx: ReportContext): TableBlock {
  return summaryTable(ctx.summary, ctx.previous ?? null);
}
