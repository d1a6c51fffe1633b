/** Browser entry of build/download.html: wires the dialog's elements to download-dialog.ts. */
import { buildForms, builtHtml, problemHtml } from './download-dialog';
import type { DownloadAnswer } from '../core/agency-files/split';

interface Runner {
  withSuccessHandler(f: (a: DownloadAnswer) => void): Runner;
  withFailureHandler(f: (e: { message?: string }) => void): Runner;
  agencyFormGrids(): void;
}
interface Anchor {
  click(): void;
}
interface Elements {
  go: { disabled: boolean; addEventListener(ev: 'click', f: () => void): void };
  out: { innerHTML: string };
}

const g = globalThis as unknown as {
  document: { getElementById(id: string): unknown };
  google: { script: { run: Runner } };
  Blob: new (parts: Uint8Array[], opts: { type: string }) => unknown;
  URL: { createObjectURL(b: unknown): string };
};
const el = (id: string) => g.document.getElementById(id);
const ui = { go: el('go'), out: el('out') } as Elements;

async function received(answer: DownloadAnswer): Promise<void> {
  const built = await buildForms(answer, (done, total) => {
    ui.out.innerHTML = `<p>Đang tạo tệp ${done}/${total}…</p>`;
  });
  if (!built.ok) {
    ui.out.innerHTML = problemHtml(built.problem);
    return;
  }
  const href = g.URL.createObjectURL(new g.Blob([built.zip], { type: 'application/zip' }));
  ui.out.innerHTML = builtHtml(built, href);
  (el('zip') as Anchor).click();
}

ui.go.addEventListener('click', () => {
  ui.go.disabled = true;
  ui.out.innerHTML = '<p>Đang lấy số liệu của các đơn vị từ bảng tính…</p>';
  const done = () => (ui.go.disabled = false);
  g.google.script.run
    .withSuccessHandler((answer) => {
      received(answer).then(done, (e: Error) => {
        ui.out.innerHTML = problemHtml(`Không tạo được tệp: ${e.message}`);
        done();
      });
    })
    .withFailureHandler((e) => {
      ui.out.innerHTML = problemHtml(`Không lấy được số liệu: ${e.message ?? String(e)}`);
      done();
    })
    .agencyFormGrids();
});
