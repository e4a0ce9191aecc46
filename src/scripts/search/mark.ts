// Marks a query in an element by the rules of the results (match.ts), with the CSS Custom Highlight API, so that no
// element is added to the page; where the browser lacks it, nothing is marked.
import { matchText } from './match.ts';
import { parseQuery } from './query.ts';
import { project } from './text.ts';

/** `searched`: the query as the results searched it (`searchForms`). */
export function mark(scope: Element, searched: string): void {
  const query = parseQuery(searched);
  if (!query || !('highlights' in CSS)) return;
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const match = matchText(project(nodes.map((n) => n.data).join('')), [], [], query);
  /** A DOM position for an offset in the joined text: in the node it falls in (at its end, for the end of a range). */
  const at = (offset: number, end: boolean): [Text, number] => {
    for (const node of nodes) {
      if (offset < node.length || (end && offset === node.length)) return [node, offset];
      offset -= node.length;
    }
    return [nodes.at(-1)!, nodes.at(-1)!.length];
  };
  const ranges = (match?.ranges ?? []).map(([start, end]) => {
    const range = new Range();
    range.setStart(...at(start, false));
    range.setEnd(...at(end, true));
    return range;
  });
  if (ranges.length) CSS.highlights.set('search', new Highlight(...ranges));
}
