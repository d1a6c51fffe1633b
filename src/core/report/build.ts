/**
 * The narrative report, built from the consolidated summary and the settings, with the figures
 * written into the sentences the way the seeds do. A missing figure is never printed as 0 or
 * blank: a sentence with no figures at all is left out, and a single missing figure becomes a
 * highlighted "[chưa có số liệu: 3.4.1]".
 */
import { Catalog, isValueRow } from '../catalog/catalog';
import { IndicatorResult, Summary, formatResult, submissionNote } from '../consolidate';
import { IsoDate, formatDmy, formatLongDate } from '../dates';
import { formatNumber, formatPercent } from '../numbers';
import { districtLevelExists, estimateNotice, periodInText } from '../periods';
import { SUBMISSION_HEADER } from '../outputs';
import { FREE_TEXT_LABELS, FreeTextField, TABLE_HEADER } from '../template';
import { squish, upper } from '../text';
import { Block, Para, ReportModel, Run, TableBlock, para } from './model';

export interface ReportContext {
  readonly catalog: Catalog;
  readonly summary: Summary;
  /** The date printed on the report when the settings give none. */
  readonly today: IsoDate;
  readonly stamp: string;
}

export function missingMark(code: string): Run {
  return { text: `[chưa có số liệu: ${code}]`, highlight: true };
}

function todo(text: string): Run {
  return { text: `[${text}]`, highlight: true, italic: true };
}

/**
 * A sentence with figures: "đã tiếp nhận {3.4.a} hồ sơ". Returns null when none of its figures
 * exist, so the sentence is left out rather than printed with holes.
 */
function sentence(s: Summary, template: string, extra: Record<string, string | null> = {}): Run[] | null {
  const lookup = (key: string): string | null | undefined =>
    key in extra ? extra[key] : s.indicators.has(key) ? formatResult(s.indicators.get(key)!) : undefined;
  // "[, cấp huyện {3.1.3.2}]" is dropped whole when its figure is not asked this period.
  const text = template.replace(/\[([^[\]]*)\]/g, (_, inner: string) =>
    [...inner.matchAll(/\{([^}]+)\}/g)].every((m) => lookup(m[1]) !== undefined) ? inner : '',
  );
  const runs: Run[] = [];
  let found = 0;
  let slots = 0;
  let last = 0;
  for (const m of text.matchAll(/\{([^}]+)\}/g)) {
    if (m.index! > last) runs.push({ text: text.slice(last, m.index) });
    last = m.index! + m[0].length;
    const value = lookup(m[1]);
    if (value === undefined) continue; // switched off in the settings: the slot goes with it
    slots++;
    if (value === null) runs.push(missingMark(m[1]));
    else {
      found++;
      runs.push({ text: value, bold: true });
    }
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return slots && !found ? null : runs;
}

function result(s: Summary, code: string): IndicatorResult | undefined {
  return s.indicators.get(code);
}

function value(s: Summary, code: string): number | null {
  return result(s, code)?.value ?? null;
}

const body = (runs: Run[]): Para => para(runs, { firstLineIndent: true });
const heading = (text: string): Para => para([{ text, bold: true }], { firstLineIndent: true, align: 'justify' });

/** Adds the paragraphs whose sentences have figures; returns how many were added. */
function say(blocks: Block[], s: Summary, templates: (string | [string, Record<string, string | null>])[]): number {
  let n = 0;
  for (const t of templates) {
    const runs = Array.isArray(t) ? sentence(s, t[0], t[1]) : sentence(s, t);
    if (runs) {
      blocks.push(body(runs));
      n++;
    }
  }
  return n;
}

function rate(a: number | null, b: number | null): string | null {
  return a !== null && b !== null && b > 0 ? formatPercent((100 * a) / b) : null;
}

function codedCount(s: Summary, code: string, label: string): string | null {
  const r = result(s, code);
  if (!r?.distribution || !r.contributors.length) return null;
  return `${r.distribution[label] ?? 0}/${r.eligible}`;
}

function codedLabel(s: Summary, code: string): string | null {
  const r = result(s, code);
  return r ? formatResult(r) : null;
}

// ---------------------------------------------------------------------------------------------

export function buildReport(ctx: ReportContext): ReportModel {
  const s = ctx.summary;
  const st = s.settings;
  const periodText = periodInText(st.period, st.year);
  const blocks: Block[] = [];
  blocks.push(headerTable(ctx));
  blocks.push(para('', { align: 'center', spaceAfter: 6 }));
  blocks.push(para([{ text: 'BÁO CÁO', bold: true }], { align: 'center', spaceAfter: 0 }));
  blocks.push(
    para([{ text: `Kết quả thực hiện công tác cải cách hành chính ${periodText}`, bold: true }], {
      align: 'center',
      spaceAfter: 0,
    }),
  );
  blocks.push(para([{ text: '________________' }], { align: 'center', spaceAfter: 12, size: 12 }));
  const opening = st.guidance ? `Thực hiện ${st.guidance.replace(/[.;]\s*$/, '')}, ` : '';
  blocks.push(
    body([
      {
        text: `${opening}${opening ? lowerFirst(st.issuingBody) : st.issuingBody} báo cáo kết quả thực hiện công tác cải cách hành chính ${periodText} như sau:`,
      },
    ]),
  );

  if (estimateNotice(st.deadline, st.cutoffTo))
    blocks.push(
      body([
        {
          text: `Số liệu trong báo cáo tính đến ngày các cơ quan, đơn vị gửi báo cáo (hạn ${formatDmy(st.deadline)}) và ước tính đến ngày ${formatDmy(st.cutoffTo)}.`,
        },
      ]),
    );

  sectionI(blocks, s);
  sectionII(blocks, s);
  sectionIII(blocks, ctx);
  sectionIV(blocks, s);
  sectionV(blocks, s);
  blocks.push(
    body([
      {
        text: `Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính ${periodText} của ${lowerFirst(st.issuingBody)}./.`,
      },
    ]),
  );
  blocks.push(footerTable(ctx));
  appendixI(blocks, ctx);
  appendixII(blocks, ctx);
  return {
    fileName: `Dự thảo Báo cáo CCHC ${periodText.replace(/^./, (c) => c.toUpperCase())} - ${ctx.stamp}`,
    font: 'Times New Roman',
    page: { widthMm: 210, heightMm: 297, marginsMm: { top: 20, bottom: 20, left: 30, right: 15 } },
    pageNumbersFromSecondPage: true,
    blocks,
  };
}

function lowerFirst(text: string): string {
  // "Ủy ban nhân dân tỉnh" stays as written after "của"; only a leading capital common noun is lowered.
  return /^(Ủy ban|Uỷ ban|UBND|Sở|Ban|Văn phòng)/.test(text)
    ? text
    : text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
}

function docNumberText(docNumber: string): string {
  const n = squish(docNumber);
  if (!n) return 'Số:       /BC-';
  return n.startsWith('/') ? `Số:       ${n}` : `Số: ${n}`;
}

function reportDate(ctx: ReportContext): IsoDate {
  return ctx.summary.settings.reportDate ?? ctx.today;
}

function headerTable(ctx: ReportContext): TableBlock {
  const st = ctx.summary.settings;
  const left: Para[] = [];
  if (st.parentBody)
    left.push(para([{ text: upper(st.parentBody), size: 13 }], { align: 'center', size: 13, spaceAfter: 0 }));
  left.push(
    para([{ text: upper(st.issuingBody), bold: true, size: 13 }], { align: 'center', size: 13, spaceAfter: 0 }),
  );
  left.push(para([{ text: '________', size: 13 }], { align: 'center', size: 13, spaceAfter: 6 }));
  left.push(para([{ text: docNumberText(st.docNumber), size: 13 }], { align: 'center', size: 13, spaceAfter: 0 }));
  const right: Para[] = [
    para([{ text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, size: 13 }], {
      align: 'center',
      size: 13,
      spaceAfter: 0,
    }),
    para([{ text: 'Độc lập - Tự do - Hạnh phúc', bold: true, size: 14 }], { align: 'center', size: 14, spaceAfter: 0 }),
    para([{ text: '_____________________', size: 13 }], { align: 'center', size: 13, spaceAfter: 6 }),
    para([{ text: `${st.place}, ${formatLongDate(reportDate(ctx))}`, italic: true, size: 14 }], {
      align: 'center',
      size: 14,
      spaceAfter: 0,
    }),
  ];
  return { kind: 'table', widths: [37, 63], rows: [[left, right]], borders: false, headerRows: 0 };
}

function footerTable(ctx: ReportContext): TableBlock {
  const st = ctx.summary.settings;
  const left: Para[] = [
    para([{ text: 'Nơi nhận:', bold: true, italic: true, size: 12 }], { align: 'left', size: 12, spaceAfter: 0 }),
    ...st.recipients.map((r) => para([{ text: `- ${r}`, size: 11 }], { align: 'left', size: 11, spaceAfter: 0 })),
  ];
  const right: Para[] = [];
  if (st.authority) right.push(para([{ text: upper(st.authority), bold: true }], { align: 'center', spaceAfter: 0 }));
  right.push(
    para([{ text: upper(st.signerTitle || 'CHỨC VỤ NGƯỜI KÝ'), bold: true, highlight: !st.signerTitle }], {
      align: 'center',
      spaceAfter: 0,
    }),
  );
  for (let i = 0; i < 4; i++) right.push(para('', { align: 'center', spaceAfter: 0 }));
  right.push(
    para([st.signerName ? { text: st.signerName, bold: true } : todo('Họ và tên người ký')], {
      align: 'center',
      spaceAfter: 0,
    }),
  );
  return { kind: 'table', widths: [50, 50], rows: [[left, right]], borders: false, headerRows: 0 };
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

function sectionI(blocks: Block[], s: Summary): void {
  blocks.push(heading('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH'));
  const planned = value(s, '1.1.1');
  const done = value(s, '1.1.2');
  say(blocks, s, [
    [
      'Kế hoạch cải cách hành chính của các cơ quan, đơn vị đề ra {1.1.1} nhiệm vụ; đến nay đã hoàn thành {1.1.2} nhiệm vụ, đạt {rate} kế hoạch.',
      { rate: rate(done, planned) },
    ],
    'Các cơ quan, đơn vị đã ban hành {1.1.3} văn bản chỉ đạo, điều hành về cải cách hành chính.',
    [
      'Có {dialogue} cơ quan, đơn vị đã tổ chức đối thoại của lãnh đạo với người dân, cộng đồng doanh nghiệp.',
      { dialogue: codedCount(s, '1.2', 'Có') },
    ],
  ]);
  blocks.push(
    body([
      todo(
        'Bổ sung: các văn bản chỉ đạo, điều hành tiêu biểu; công tác tuyên truyền, kiểm tra cải cách hành chính trong kỳ',
      ),
    ]),
  );
}

/** Phrases that named districts before 01/07/2025; the two-level catalog rewords the same rows. */
function levels(s: Summary) {
  const two = !districtLevelExists(s.settings.cutoffTo);
  return {
    localUnits: two ? 'thuộc UBND cấp xã' : 'thuộc UBND cấp huyện',
    transferredTo: two ? 'công chức cấp tỉnh' : 'công chức cấp huyện trở lên',
    leaders: two ? 'lãnh đạo cấp sở, ngành' : 'lãnh đạo cấp sở, ngành và UBND cấp huyện',
    certified: two
      ? 'cơ quan chuyên môn cấp tỉnh, UBND cấp xã'
      : 'cơ quan chuyên môn cấp tỉnh, UBND cấp huyện, UBND cấp xã',
  };
}

/** The province's own indicators ("Chỉ tiêu bổ sung" on Thiết lập), one sentence each. */
function provinceIndicators(blocks: Block[], s: Summary): void {
  const rows = s.settings.extraIndicators.filter((i) => isValueRow(i) && s.indicators.has(i.code));
  if (!rows.length) return;
  blocks.push(heading('7. Các chỉ tiêu bổ sung của tỉnh'));
  say(
    blocks,
    s,
    rows.map((i) => `${i.name}: {${i.code}}${i.kind === 'count' ? ` ${i.unit.toLocaleLowerCase('vi')}` : ''}.`),
  );
}

function sectionII(blocks: Block[], s: Summary): void {
  const w = levels(s);
  blocks.push(heading('II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH'));

  blocks.push(heading('1. Cải cách thể chế'));
  say(blocks, s, [
    'Trong kỳ, đã ban hành, tham mưu ban hành {2.1} văn bản quy phạm pháp luật; kiểm tra {2.2} văn bản theo thẩm quyền và rà soát {2.3} văn bản.',
    'Qua kiểm tra, rà soát, đã kiến nghị xử lý {2.4} văn bản; {2.5} văn bản có kiến nghị xử lý đã được xử lý xong.',
  ]);

  blocks.push(heading('2. Cải cách thủ tục hành chính'));
  say(blocks, s, [
    'Công bố mới {3.1.1} thủ tục hành chính; bãi bỏ, thay thế {3.1.2} thủ tục hành chính.',
    'Tổng số thủ tục hành chính đang có hiệu lực là {3.1.3} thủ tục (cấp tỉnh {3.1.3.1}[, cấp huyện {3.1.3.2}], cấp xã {3.1.3.3}).',
    'Đã cập nhật, công khai {3.2.1} thủ tục hành chính trên Cổng Dịch vụ công quốc gia, trong đó {3.2.2} thủ tục mức độ 3 và 4 đã được tích hợp.',
    'Thực hiện cơ chế một cửa, một cửa liên thông: {3.3.1} thủ tục liên thông cùng cấp, {3.3.2} thủ tục liên thông giữa các cấp chính quyền; tỷ lệ thủ tục hành chính đã được phê duyệt quy trình nội bộ đạt {3.3.3}, tỷ lệ quy trình nội bộ đã được điện tử hóa đạt {3.3.4}.',
    'Về kết quả giải quyết thủ tục hành chính, các cơ quan, đơn vị đã tiếp nhận {3.4.a} hồ sơ (kỳ trước chuyển qua {3.4.a.1} hồ sơ, mới tiếp nhận {3.4.a.2} hồ sơ, trong đó {3.4.a.3} hồ sơ trực tuyến); đã giải quyết {3.4.b} hồ sơ ({3.4.b.1} hồ sơ trước hạn và đúng hạn, {3.4.b.2} hồ sơ quá hạn); đang giải quyết {3.4.c} hồ sơ ({3.4.c.1} hồ sơ chưa đến hạn, {3.4.c.2} hồ sơ quá hạn).',
    'Tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích {3.4.d} hồ sơ.',
    'Tỷ lệ hồ sơ giải quyết đúng hạn: tại các sở, ngành đạt {3.4.1};[ tại UBND cấp huyện đạt {3.4.2};] tại UBND cấp xã đạt {3.4.3}; lĩnh vực đất đai đạt {3.4.4}; lĩnh vực xây dựng đạt {3.4.5}.',
    'Cổng Dịch vụ công của tỉnh đã tích hợp {3.5.1} thủ tục hành chính, cung cấp {3.5.2} thủ tục mức độ 3, 4 và {3.5.3} thủ tục đã tích hợp thanh toán trực tuyến.',
  ]);

  blocks.push(heading('3. Cải cách tổ chức bộ máy hành chính nhà nước'));
  say(blocks, s, [
    'Tổ chức bộ máy gồm {4.1.1} cơ quan chuyên môn cấp tỉnh, {4.1.2} ban quản lý trực thuộc UBND tỉnh và {4.1.3} tổ chức liên ngành do cấp tỉnh thành lập.',
    `Trên địa bàn tỉnh có {4.1.4} đơn vị sự nghiệp công lập (thuộc UBND tỉnh {4.1.4.1}, thuộc sở, ngành {4.1.4.2}[, ${w.localUnits} {4.1.4.3}]); tỷ lệ đơn vị sự nghiệp công lập đã cắt giảm so với năm 2015 là {4.1.4.4}.`,
    'Tổng số biên chế công chức được giao là {4.2.1} người, có mặt {4.2.2} người; có {4.2.3} hợp đồng lao động làm việc tại cơ quan hành chính; trong kỳ đã tinh giản {4.2.4} biên chế; tỷ lệ biên chế đã tinh giản so với năm 2015 là {4.2.5}.',
    'Số người làm việc hưởng lương từ ngân sách tại các đơn vị sự nghiệp công lập được giao là {4.3.1} người, có mặt {4.3.2} người; trong kỳ đã tinh giản {4.3.3} người; tỷ lệ đã tinh giản so với năm 2015 là {4.3.4}.',
  ]);

  blocks.push(heading('4. Cải cách chế độ công vụ'));
  say(blocks, s, [
    'Có {5.1.1} cơ quan, tổ chức hành chính và {5.1.2} đơn vị sự nghiệp đã được phê duyệt vị trí việc làm; {5.1.3} cơ quan, tổ chức có vi phạm trong thực hiện vị trí việc làm phát hiện qua thanh tra.',
    `Tuyển dụng {5.2.1} công chức qua thi tuyển, xét tuyển và {5.2.2} công chức theo trường hợp đặc biệt; {5.2.3} cán bộ, công chức cấp xã được xét chuyển thành ${w.transferredTo}; tuyển dụng {5.2.4} viên chức qua thi tuyển, xét tuyển và {5.2.5} viên chức theo trường hợp đặc biệt.`,
    [
      'Có {exam} cơ quan, đơn vị đã thực hiện tuyển chọn, bổ nhiệm lãnh đạo qua thi tuyển; bổ nhiệm mới {5.3.2} lãnh đạo cấp sở, ngành, {5.3.3} lãnh đạo cấp phòng thuộc sở, ngành[, {5.3.4} lãnh đạo cấp phòng thuộc UBND cấp huyện].',
      { exam: codedCount(s, '5.3.1', 'Đã thực hiện') },
    ],
    `Về kỷ luật: {5.4.1} lãnh đạo cấp tỉnh, {5.4.2} ${w.leaders}, {5.4.3} lãnh đạo cấp phòng và {5.4.4} người làm việc tại đơn vị sự nghiệp công lập bị kỷ luật.`,
  ]);

  blocks.push(heading('5. Cải cách tài chính công'));
  say(blocks, s, [
    'Lũy kế đến thời điểm báo cáo, có {6.1} đơn vị sự nghiệp công lập tự chủ 100% chi thường xuyên và chi đầu tư, {6.2} đơn vị tự chủ 100% chi thường xuyên, {6.3} đơn vị tự chủ một phần chi thường xuyên, {6.4} đơn vị do Nhà nước bảo đảm 100% chi thường xuyên; {6.5} đơn vị đã chuyển đổi thành công ty cổ phần.',
  ]);

  blocks.push(heading('6. Xây dựng và phát triển Chính phủ điện tử, Chính phủ số'));
  say(blocks, s, [
    [
      'Cập nhật Kiến trúc chính quyền điện tử phiên bản 2.0: {a}; Hệ thống họp trực tuyến: {b}; Hệ thống thông tin báo cáo kết nối với Hệ thống thông tin báo cáo quốc gia: {c}; nền tảng chia sẻ, tích hợp dùng chung (LGSP): {d}.',
      { a: codedLabel(s, '7.1'), b: codedLabel(s, '7.2'), c: codedLabel(s, '7.3'), d: codedLabel(s, '7.5') },
    ],
    `Tỷ lệ ${w.certified} được cấp chứng thư số đạt {7.4}.`,
    'Kết nối, liên thông Hệ thống quản lý văn bản điều hành: {7.6.1.1} sở, ngành;[ {7.6.1.2} UBND cấp huyện;] {7.6.1.3} UBND cấp xã.',
    'Tổng số văn bản đi giữa các cơ quan nhà nước là {7.6.2} văn bản, trong đó tỷ lệ văn bản gửi hoàn toàn dưới dạng điện tử đạt {7.6.2.1}, tỷ lệ văn bản điện tử gửi song song với văn bản giấy là {7.6.2.2}.',
    'Hệ thống thông tin một cửa điện tử tập trung của tỉnh đã kết nối liên thông với {7.7.1} sở, ngành[, {7.7.2} đơn vị cấp huyện] và {7.7.3} đơn vị cấp xã.',
    'Toàn tỉnh cung cấp {7.8.1} thủ tục hành chính trực tuyến mức độ 3 và {7.8.2} thủ tục mức độ 4; tỷ lệ hồ sơ xử lý trực tuyến mức độ 3 đạt {7.8.3}, mức độ 4 đạt {7.8.4}.',
  ]);
  provinceIndicators(blocks, s);
}

function quoteTable(s: Summary, field: FreeTextField): TableBlock | null {
  const rows = s.results
    .filter((r) => r.report && s.submission.find((e) => e.agency.name === r.agency.name)?.submitted)
    .map((r) => ({ agency: r.agency.name, text: squish(r.report!.freeText[field]) }))
    .filter((x) => x.text && !/^(không|không có|0|-)$/i.test(x.text));
  if (!rows.length) return null;
  const cell = (text: string, bold = false): Para[] => [
    para([{ text, bold, size: 13 }], { align: 'left', size: 13, spaceAfter: 0 }),
  ];
  return {
    kind: 'table',
    widths: [30, 70],
    headerRows: 1,
    borders: true,
    rows: [
      [cell('Đơn vị', true), cell(FREE_TEXT_LABELS[field], true)],
      ...rows.map((r) => [cell(r.agency), cell(r.text)]),
    ],
  };
}

function names(list: string[]): string {
  return list.join(', ');
}

function sectionIII(blocks: Block[], ctx: ReportContext): void {
  const s = ctx.summary;
  const st = s.settings;
  blocks.push(heading('III. ĐÁNH GIÁ CHUNG'));
  blocks.push(heading('1. Ưu điểm'));
  const sent = s.submission.filter((e) => e.submitted);
  const onTime = sent.filter((e) => !e.daysLate);
  blocks.push(
    body([
      { text: `Có ` },
      { text: `${sent.length}/${s.submission.length}`, bold: true },
      { text: ` cơ quan, đơn vị đã gửi báo cáo, trong đó ` },
      { text: `${onTime.length}`, bold: true },
      { text: ` đơn vị gửi đúng hạn (hạn gửi ${formatDmy(st.deadline)}).` },
    ]),
  );
  const strengths: Run[] = [];
  for (const [code, label] of [
    ['3.4.1', 'tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành'],
    ['3.4.3', 'tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp xã'],
  ] as const) {
    const v = value(s, code);
    if (v !== null && st.onTimeTarget !== null && v >= st.onTimeTarget)
      strengths.push(
        { text: `${strengths.length ? '; ' : ''}${label} đạt ` },
        { text: formatPercent(v), bold: true },
        { text: ` (mục tiêu ${formatPercent(st.onTimeTarget)})` },
      );
  }
  if (strengths.length)
    blocks.push(body([{ text: 'Một số chỉ tiêu đạt mục tiêu đề ra: ' }, ...strengths, { text: '.' }]));
  const highlights = quoteTable(s, 'highlights');
  if (highlights) {
    blocks.push(body([{ text: 'Kết quả nổi bật do các cơ quan, đơn vị báo cáo:' }]));
    blocks.push(highlights);
  }
  blocks.push(body([todo('Nhận định của đơn vị tổng hợp về ưu điểm')]));

  blocks.push(heading('2. Tồn tại, hạn chế và nguyên nhân'));
  const missing = s.submission.filter((e) => !e.submitted).map((e) => e.agency.name);
  const late = sent.filter((e) => e.daysLate).map((e) => `${e.agency.name} (${submissionNote(e).toLowerCase()})`);
  const withErrors = s.submission.filter((e) => e.submitted && !e.included).map((e) => e.agency.name);
  if (missing.length)
    blocks.push(body([{ text: `Còn ${missing.length} cơ quan, đơn vị chưa gửi báo cáo: ${names(missing)}.` }]));
  if (late.length)
    blocks.push(
      body([{ text: `Có ${late.length} cơ quan, đơn vị gửi báo cáo chậm so với thời hạn: ${names(late)}.` }]),
    );
  if (withErrors.length)
    blocks.push(
      body([
        {
          text: `Số liệu của ${withErrors.length} cơ quan, đơn vị còn sai sót nên chưa được tổng hợp: ${names(withErrors)}.`,
        },
      ]),
    );
  const flaggedErrors = s.results.filter(
    (r) => r.errors && s.submission.find((e) => e.agency.name === r.agency.name)?.included,
  );
  if (flaggedErrors.length)
    blocks.push(
      body([
        {
          text: `Số liệu của ${names(flaggedErrors.map((r) => r.agency.name))} còn sai sót nhưng vẫn được tổng hợp theo thiết lập; cần kiểm tra lại trước khi ban hành.`,
        },
      ]),
    );
  const below: string[] = [];
  const check = (code: string, label: string, target: number | null) => {
    const v = value(s, code);
    if (v !== null && target !== null && v < target)
      below.push(`${label} đạt ${formatPercent(v)}, thấp hơn mục tiêu ${formatPercent(target)}`);
  };
  check('3.4.1', 'tỷ lệ hồ sơ giải quyết đúng hạn tại các sở, ngành', st.onTimeTarget);
  check('3.4.3', 'tỷ lệ hồ sơ giải quyết đúng hạn tại UBND cấp xã', st.onTimeTarget);
  check('7.8.3', 'tỷ lệ hồ sơ xử lý trực tuyến mức độ 3', st.onlineTarget);
  check('7.8.4', 'tỷ lệ hồ sơ xử lý trực tuyến mức độ 4', st.onlineTarget);
  if (below.length) blocks.push(body([{ text: `${below.join('; ').replace(/^./, (c) => c.toUpperCase())}.` }]));
  const overdue = value(s, '3.4.c.2');
  if (overdue)
    blocks.push(
      body([
        { text: 'Còn ' },
        { text: formatNumber(overdue), bold: true },
        { text: ' hồ sơ đang giải quyết đã quá hạn.' },
      ]),
    );
  const means = [...s.indicators.values()].filter((r) => r.method === 'mean');
  if (means.length)
    blocks.push(
      body([
        {
          text: `Các chỉ tiêu ${means.map((r) => r.ind.code).join(', ')} chỉ tính được bằng trung bình cộng tỷ lệ của các đơn vị do thiếu số liệu chi tiết; cần đề nghị các đơn vị bổ sung.`,
        },
      ]),
    );
  const difficulties = quoteTable(s, 'difficulties');
  if (difficulties) {
    blocks.push(body([{ text: 'Khó khăn, vướng mắc do các cơ quan, đơn vị báo cáo:' }]));
    blocks.push(difficulties);
  }
  blocks.push(body([todo('Nhận định của đơn vị tổng hợp về tồn tại, hạn chế và nguyên nhân')]));
}

function sectionIV(blocks: Block[], s: Summary): void {
  blocks.push(heading('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI'));
  const lines = ['Tiếp tục triển khai đồng bộ các nhiệm vụ cải cách hành chính theo kế hoạch đã đề ra.'];
  if (s.submission.some((e) => !e.submitted || e.daysLate))
    lines.push(
      'Đôn đốc các cơ quan, đơn vị thực hiện nghiêm chế độ báo cáo định kỳ, bảo đảm đúng thời hạn và đầy đủ số liệu.',
    );
  const overdue = value(s, '3.4.c.2');
  if (overdue)
    lines.push(
      'Tập trung giải quyết dứt điểm các hồ sơ thủ tục hành chính quá hạn; nâng cao tỷ lệ hồ sơ giải quyết đúng hạn.',
    );
  for (const l of lines) blocks.push(body([{ text: `- ${l}` }]));
  blocks.push(body([todo('Bổ sung các nhiệm vụ trọng tâm kỳ tới')]));
}

function sectionV(blocks: Block[], s: Summary): void {
  blocks.push(heading('V. KIẾN NGHỊ, ĐỀ XUẤT'));
  const proposals = quoteTable(s, 'proposals');
  if (proposals) {
    blocks.push(body([{ text: 'Kiến nghị, đề xuất của các cơ quan, đơn vị:' }]));
    blocks.push(proposals);
  }
  blocks.push(body([todo('Kiến nghị, đề xuất của đơn vị tổng hợp')]));
}

// ---------------------------------------------------------------------------------------------
// Appendices
// ---------------------------------------------------------------------------------------------

function attachedTo(ctx: ReportContext): string {
  const st = ctx.summary.settings;
  const num = squish(st.docNumber) || '      /BC-';
  return `(Kèm theo Báo cáo số ${num.startsWith('/') ? `      ${num}` : num} ${formatLongDate(reportDate(ctx))} của ${st.issuingBody})`;
}

const cellPara = (
  text: string,
  opts: { bold?: boolean; align?: 'left' | 'center' | 'right'; highlight?: boolean; italic?: boolean } = {},
): Para[] => [
  para([{ text, bold: opts.bold, size: 12, highlight: opts.highlight, italic: opts.italic }], {
    align: opts.align ?? 'left',
    size: 12,
    spaceAfter: 0,
  }),
];

function appendixTitle(blocks: Block[], ctx: ReportContext, label: string, title: string): void {
  blocks.push(para([{ text: label, bold: true }], { align: 'center', pageBreakBefore: true, spaceAfter: 0 }));
  blocks.push(para([{ text: title, bold: true }], { align: 'center', spaceAfter: 0 }));
  blocks.push(para([{ text: attachedTo(ctx), italic: true }], { align: 'center', spaceAfter: 12 }));
}

function appendixI(blocks: Block[], ctx: ReportContext): void {
  const s = ctx.summary;
  appendixTitle(
    blocks,
    ctx,
    'Phụ lục I',
    `TÌNH HÌNH GỬI BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH ${upper(periodInText(s.settings.period, s.settings.year))}`,
  );
  blocks.push(
    para([{ text: `(Thời hạn gửi báo cáo: ${formatDmy(s.settings.deadline)})`, italic: true }], {
      align: 'center',
      spaceAfter: 6,
    }),
  );
  const rows: Para[][][] = [SUBMISSION_HEADER.map((h) => cellPara(h, { bold: true, align: 'center' }))];
  s.submission.forEach((e, i) => {
    rows.push([
      cellPara(String(i + 1), { align: 'center' }),
      cellPara(e.agency.name),
      cellPara(e.submitted ? 'x' : '', { align: 'center' }),
      cellPara(e.submitted ? '' : 'x', { align: 'center' }),
      cellPara(e.date ? formatDmy(e.date) : '', { align: 'center' }),
      cellPara(submissionNote(e)),
    ]);
  });
  const sent = s.submission.filter((e) => e.submitted).length;
  rows.push([
    cellPara(''),
    cellPara('Tổng cộng', { bold: true }),
    cellPara(String(sent), { bold: true, align: 'center' }),
    cellPara(String(s.submission.length - sent), { bold: true, align: 'center' }),
    cellPara(''),
    cellPara(''),
  ]);
  blocks.push({ kind: 'table', widths: [8, 36, 12, 12, 15, 17], rows, borders: true, headerRows: 1 });
}

function appendixII(blocks: Block[], ctx: ReportContext): void {
  const s = ctx.summary;
  appendixTitle(blocks, ctx, 'Phụ lục II', 'THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH');
  const rows: Para[][][] = [TABLE_HEADER.map((h) => cellPara(h, { bold: true, align: 'center' }))];
  for (const ind of s.asked) {
    if (ind.supporting) continue;
    if (!isValueRow(ind)) {
      rows.push([
        cellPara(`${ind.code}.`, { bold: true }),
        cellPara(ind.name, { bold: true }),
        cellPara(''),
        cellPara(''),
        cellPara(''),
      ]);
      continue;
    }
    const r = s.indicators.get(ind.code);
    const text = r ? formatResult(r) : null;
    const unit =
      ind.kind === 'code'
        ? ind.answers.map((a) => `${a.label} = ${a.code}`).join('; ')
        : ind.kind === 'percent'
          ? '%'
          : ind.unit;
    const shown = text === null ? '' : ind.kind === 'code' ? String(r!.value) : text;
    rows.push([
      cellPara(`${ind.code}.`),
      cellPara(ind.name, { italic: ind.isPart }),
      cellPara(unit, { align: 'center' }),
      cellPara(shown, { align: 'right' }),
      cellPara(r?.note ?? '', { italic: true }),
    ]);
  }
  blocks.push({ kind: 'table', widths: [9, 45, 13, 11, 22], rows, borders: true, headerRows: 1 });
}

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
    ky_bao_cao: periodInText(st.period, st.year)
      .replace(/ năm \d{4}$/, '')
      .replace(/^năm \d{4}$/, 'năm'),
    ky_bao_cao_day_du: periodInText(st.period, st.year),
    nam: String(st.year),
    co_quan_bao_cao: st.issuingBody,
    dia_danh: st.place,
    ngay_bao_cao: formatLongDate(reportDate(ctx)),
    so_ky_hieu: st.docNumber,
    han_gui: formatDmy(st.deadline),
    tu_ngay: formatDmy(st.cutoffFrom),
    den_ngay: formatDmy(st.cutoffTo),
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
  for (const [code, r] of s.indicators) out[code] = formatResult(r) ?? `[chưa có số liệu: ${code}]`;
  return out;
}

/** The consolidated statistics table, for {{bang_tong_hop}}. */
export function summaryTableBlock(ctx: ReportContext): TableBlock {
  const blocks: Block[] = [];
  appendixII(blocks, ctx);
  return blocks[blocks.length - 1] as TableBlock;
}
