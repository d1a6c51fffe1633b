/** Browser entry of build/import.html: wires the dialog's elements to import-dialog.ts. */
import { payloadOf, readPicked, resultHtml, PickedFile } from './import-dialog';
import type { ImportAnswer } from '../core/agency-files/collect';

interface Runner {
  withSuccessHandler(f: (a: ImportAnswer) => void): Runner;
  withFailureHandler(f: (e: { message?: string }) => void): Runner;
  importAgencyGrids(payload: string): void;
}
interface Elements {
  files: { files: ArrayLike<PickedFile> | null };
  newest: { checked: boolean };
  go: { disabled: boolean; addEventListener(ev: 'click', f: () => void): void };
  out: { innerHTML: string };
}

const g = globalThis as unknown as {
  document: { getElementById(id: string): unknown };
  google: { script: { run: Runner } };
};
const el = (id: string) => g.document.getElementById(id);
const ui = { files: el('files'), newest: el('newest'), go: el('go'), out: el('out') } as Elements;

ui.go.addEventListener('click', async () => {
  const picked = Array.from(ui.files.files ?? []);
  if (!picked.length) {
    ui.out.innerHTML = '<p class="err">Hãy chọn ít nhất một tệp .xlsx.</p>';
    return;
  }
  ui.go.disabled = true;
  ui.out.innerHTML = `<p>Đang đọc ${picked.length} tệp trên máy của bạn…</p>`;
  const { files, unreadable } = await readPicked(picked);
  ui.out.innerHTML = `<p>Đang ghi số liệu của ${files.length} tệp vào bảng tính…</p>`;
  g.google.script.run
    .withSuccessHandler((answer) => {
      ui.out.innerHTML = resultHtml(answer, unreadable);
      ui.go.disabled = false;
    })
    .withFailureHandler((e) => {
      ui.out.innerHTML = resultHtml({ ok: false, problem: `Không nhập được: ${e.message ?? String(e)}` }, unreadable);
      ui.go.disabled = false;
    })
    .importAgencyGrids(payloadOf(files, ui.newest.checked));
});
