// Marks a query in a record's fields on its page by the rules of the results (match.ts), with the CSS Custom Highlight
// API, so that no element is added to the page; where the browser lacks it, nothing is marked.
import { matchText } from './match.ts';
import { parseQuery } from './query.ts';
import { FIELD_BREAK, project } from './text.ts';

/** `fields`: the elements that show the record's fields (its lead, then its body), whose text is matched as the
 * record's is, so that what is marked is what the result matched. `searched`: the query as the results searched it
 * (`searchForms`). */
export function mark(fields: Element[], searched: string): void {
  const query = parseQuery(searched);
  if (!query || !('highlights' in CSS)) return;
  const nodes: { node: Text; start: number }[] = [];
  let text = '';
  for (const field of fields) {
    if (nodes.length) text += FIELD_BREAK;
    const walker = document.createTreeWalker(field, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      nodes.push({ node, start: text.length });
      text += node.data;
    }
  }
  const match = matchText(project(text), [], [], query);
  /** A DOM position for an offset in the joined text: in the node it falls in (at its end, for the end of a range). */
  const at = (offset: number, end: boolean): [Text, number] => {
    const { node, start } = nodes.findLast((n) => n.start < offset || (!end && n.start === offset)) ?? nodes[0]!;
    return [node, Math.min(offset - start, node.length)];
  };
  const ranges = (match?.ranges ?? []).map(([start, end]) => {
    const range = new Range();
    range.setStart(...at(start, false));
    range.setEnd(...at(end, true));
    return range;
  });
  if (ranges.length) CSS.highlights.set('search', new Highlight(...ranges));
}
