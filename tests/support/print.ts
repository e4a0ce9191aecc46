// Reads the layout of a printed PDF (Chromium's page.pdf()) back with pdf.js (unpdf): the lines of each page, with
// their font size, so a test can tell whether a page ends on a heading.
import { getDocumentProxy } from 'unpdf';

export interface PdfLine {
  text: string;
  /** The largest font size on the line, in pt (1 CSS px prints as 0.75 pt). */
  size: number;
  /** Baseline, in pt from the bottom of the page. */
  y: number;
}

interface TextItem {
  str: string;
  transform: number[];
}

/** Every page of the PDF as its lines, top to bottom. */
export async function pdfLines(pdf: Uint8Array): Promise<PdfLine[][]> {
  const doc = await getDocumentProxy(pdf);
  const pages: PdfLine[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const items = (content.items as TextItem[])
      .filter((i) => typeof i.str === 'string' && i.str.trim())
      .map((i) => ({
        str: i.str,
        x: i.transform[4]!,
        y: i.transform[5]!,
        size: Math.hypot(i.transform[2]!, i.transform[3]!),
      }))
      .sort((a, b) => b.y - a.y || a.x - b.x);
    const lines: { y: number; items: typeof items }[] = [];
    for (const item of items) {
      // Text of different sizes on one line box (a heading and its smaller role) shares roughly one baseline.
      const line = lines.find((l) => Math.abs(l.y - item.y) < 3);
      if (line) line.items.push(item);
      else lines.push({ y: item.y, items: [item] });
    }
    pages.push(
      lines
        .sort((a, b) => b.y - a.y)
        .map((l) => ({
          y: l.y,
          size: Math.max(...l.items.map((i) => i.size)),
          text: l.items
            .sort((a, b) => a.x - b.x)
            .map((i) => i.str)
            .join(''),
        })),
    );
  }
  return pages;
}
